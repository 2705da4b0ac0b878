package io.guanxi.crm.complaint;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.privacy.PersonalRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One customer's complaints and their events, for rights requests (issue 19): every text goes, states, times and compensation stay. */
@ApplicationScoped
public class ComplaintPersonalDataRepository {

    @Inject
    EntityManager em;

    List<Map<String, Object>> export(UUID contactId) {
        return PersonalRows.of(Rows.list(em.createNativeQuery("""
                SELECT CAST(to_jsonb(c) || jsonb_build_object('events',
                       (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e.at, e.id), CAST('[]' AS jsonb)) FROM complaint_event e WHERE e.complaint_id = c.id)) AS text) AS row
                FROM complaint c WHERE c.contact_id = :contact ORDER BY c.received_at, c.id""", Tuple.class)
                .setParameter("contact", contactId)));
    }

    int anonymise(UUID contactId) {
        return em.createNativeQuery("""
                UPDATE complaint SET description = '', acknowledgement = NULL, apology = NULL, cause_explanation = NULL,
                       resolution_note = NULL, satisfaction_comment = NULL
                WHERE contact_id = :contact AND (description <> '' OR acknowledgement IS NOT NULL OR apology IS NOT NULL
                       OR cause_explanation IS NOT NULL OR resolution_note IS NOT NULL OR satisfaction_comment IS NOT NULL)""")
                .setParameter("contact", contactId).executeUpdate() + em.createNativeQuery("""
                UPDATE complaint_event SET text = NULL
                WHERE text IS NOT NULL AND complaint_id IN (SELECT c.id FROM complaint c WHERE c.contact_id = :contact)""")
                .setParameter("contact", contactId).executeUpdate();
    }
}
