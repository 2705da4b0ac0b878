package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.privacy.PersonalRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One customer's points account, ledger and redemptions, for rights requests (issue 19): nothing of the ledger changes (it is append-only and must add up); cancellation reasons of redemptions go. */
@ApplicationScoped
public class LoyaltyPersonalDataRepository {

    @Inject
    EntityManager em;

    List<Map<String, Object>> exportAccount(UUID contactId) {
        return PersonalRows.of(Rows.list(em.createNativeQuery("""
                SELECT CAST(to_jsonb(a) AS text) AS row FROM loyalty_account a WHERE a.contact_id = :contact""", Tuple.class)
                .setParameter("contact", contactId)));
    }

    List<Map<String, Object>> exportEntries(UUID contactId) {
        return PersonalRows.of(Rows.list(em.createNativeQuery("""
                SELECT CAST(to_jsonb(e) AS text) AS row FROM points_entry e WHERE e.contact_id = :contact ORDER BY e.created_at, e.id""", Tuple.class)
                .setParameter("contact", contactId)));
    }

    List<Map<String, Object>> exportRedemptions(UUID contactId) {
        return PersonalRows.of(Rows.list(em.createNativeQuery("""
                SELECT CAST(to_jsonb(r) AS text) AS row FROM redemption r WHERE r.contact_id = :contact ORDER BY r.created_at, r.id""", Tuple.class)
                .setParameter("contact", contactId)));
    }

    int anonymiseRedemptions(UUID contactId) {
        return em.createNativeQuery("""
                UPDATE redemption SET cancel_reason = NULL WHERE contact_id = :contact AND cancel_reason IS NOT NULL""")
                .setParameter("contact", contactId).executeUpdate();
    }
}
