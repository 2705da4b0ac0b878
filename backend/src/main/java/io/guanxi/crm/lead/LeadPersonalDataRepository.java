package io.guanxi.crm.lead;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.privacy.PersonalRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The leads that link one customer and their score history, for rights requests (issue 19): notes and free-text lost reasons go. */
@ApplicationScoped
public class LeadPersonalDataRepository {

    @Inject
    EntityManager em;

    List<Map<String, Object>> export(UUID contactId) {
        // An open lead's score stands under the policy in force, whichever version its row last recorded (Lead.scoredUnder).
        return PersonalRows.of(Rows.list(em.createNativeQuery("""
                SELECT CAST(to_jsonb(l) || CASE WHEN l.status IN %s
                           THEN jsonb_build_object('policy_version', p.version, 'scored_at', greatest(l.scored_at, p.created_at))
                           ELSE CAST('{}' AS jsonb) END
                       || jsonb_build_object('score_history',
                       (SELECT coalesce(jsonb_agg(to_jsonb(h) ORDER BY h.changed_at, h.id), CAST('[]' AS jsonb)) FROM lead_score_history h WHERE h.lead_id = l.id)) AS text) AS row
                FROM lead l CROSS JOIN (SELECT version, created_at FROM lead_scoring_policy ORDER BY version DESC LIMIT 1) AS p
                WHERE l.contact_id = :contact ORDER BY l.created_at, l.id""".formatted(LeadStatus.OPEN_SQL), Tuple.class)
                .setParameter("contact", contactId)));
    }

    int anonymise(UUID contactId) {
        return em.createNativeQuery("""
                UPDATE lead SET notes = NULL, lost_reason = NULL
                WHERE contact_id = :contact AND (notes IS NOT NULL OR lost_reason IS NOT NULL)""")
                .setParameter("contact", contactId).executeUpdate();
    }
}
