package io.guanxi.crm.survey;

import io.guanxi.crm.platform.merge.CustomerRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** The survey invitations of merged contacts and their answers move to the survivor (issue 20 §3). */
@ApplicationScoped
public class SurveyMergeRepository implements CustomerRecords {

    @Inject
    EntityManager em;

    @Override
    public String kind() {
        return "surveyInvitations";
    }

    @Override
    public List<String> move(UUID from, UUID to) {
        @SuppressWarnings("unchecked")
        List<Object> moved = em.createNativeQuery("""
                UPDATE survey_invitation SET contact_id = :to WHERE contact_id = :from RETURNING CAST(id AS text)""")
                .setParameter("from", from).setParameter("to", to).getResultList();
        em.createNativeQuery("UPDATE survey_answer SET contact_id = :to WHERE contact_id = :from")
                .setParameter("from", from).setParameter("to", to).executeUpdate();
        return moved.stream().map(Object::toString).toList();
    }

    @Override
    public int moveBack(List<String> ids, UUID from, UUID to) {
        if (ids.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("""
                UPDATE survey_answer SET contact_id = :from WHERE contact_id = :to AND invitation_id = ANY (CAST(:ids AS uuid[]))""")
                .setParameter("from", from).setParameter("to", to).setParameter("ids", ids.toArray(String[]::new)).executeUpdate();
        return em.createNativeQuery("""
                UPDATE survey_invitation SET contact_id = :from WHERE contact_id = :to AND id = ANY (CAST(:ids AS uuid[]))""")
                .setParameter("from", from).setParameter("to", to).setParameter("ids", ids.toArray(String[]::new)).executeUpdate();
    }
}
