package io.guanxi.crm.purchase;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.privacy.PersonalRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One customer's purchases and refunds, for rights requests (issue 19): amounts stay, refund reasons (free text) go. */
@ApplicationScoped
public class PurchasePersonalDataRepository {

    @Inject
    EntityManager em;

    List<Map<String, Object>> export(UUID contactId) {
        return PersonalRows.of(Rows.list(em.createNativeQuery("""
                SELECT CAST(to_jsonb(p) || jsonb_build_object('refunds',
                       (SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.occurred_at, r.id), CAST('[]' AS jsonb)) FROM refund r WHERE r.purchase_id = p.id)) AS text) AS row
                FROM purchase p WHERE p.contact_id = :contact ORDER BY p.occurred_at, p.id""", Tuple.class)
                .setParameter("contact", contactId)));
    }

    int anonymise(UUID contactId) {
        return em.createNativeQuery("""
                UPDATE refund SET reason = '' WHERE reason <> '' AND purchase_id IN (SELECT p.id FROM purchase p WHERE p.contact_id = :contact)""")
                .setParameter("contact", contactId).executeUpdate();
    }
}
