package io.guanxi.crm.survey;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.privacy.PersonalRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One customer's survey invitations and answers, for rights requests (issue 19): scores stay (NPS), comments go. */
@ApplicationScoped
public class SurveyPersonalDataRepository {

    @Inject
    EntityManager em;

    List<Map<String, Object>> export(UUID contactId) {
        return PersonalRows.of(Rows.list(em.createNativeQuery("""
                SELECT CAST((to_jsonb(i) - 'token') || jsonb_build_object('answer',
                       (SELECT to_jsonb(a) FROM survey_answer a WHERE a.invitation_id = i.id)) AS text) AS row
                FROM survey_invitation i WHERE i.contact_id = :contact ORDER BY i.created_at, i.id""", Tuple.class)
                .setParameter("contact", contactId)));
    }

    int anonymise(UUID contactId) {
        return em.createNativeQuery("""
                UPDATE survey_answer SET comment = NULL WHERE contact_id = :contact AND comment IS NOT NULL""")
                .setParameter("contact", contactId).executeUpdate();
    }
}
