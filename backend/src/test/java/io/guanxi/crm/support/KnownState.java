package io.guanxi.crm.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * Puts the database in a known state for a test class, so its assertions are exact totals rather than
 * "at least": nothing a class run before it left behind can count.
 */
public final class KnownState {

    private KnownState() {
    }

    /**
     * No customer at all, nor anything that hangs off one (leads, interactions, purchases, refunds, tiers,
     * complaints, reminders, the points ledger, redemptions): {@code TRUNCATE contact CASCADE}, with the
     * derived tier tables named too (they have no foreign key to follow, V9; nor have the recompute's kept inputs, V59,
     * whose TRUNCATE trigger on purchase does not fire under the replica role). Users, roles,
     * policies and jobs stay. The points ledger refuses TRUNCATE by trigger (it is append-only in
     * production); user triggers are switched off for this one transaction only
     * ({@code session_replication_role = replica}), which the embedded test database's superuser may do.
     */
    public static void noCustomers(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("SET LOCAL session_replication_role = replica").executeUpdate();
            em.createNativeQuery("TRUNCATE contact, customer_value, tier_history, tier_input, tier_state, tier_cutoff, tier_dirty CASCADE").executeUpdate();
        });
    }

    /** No lead assignment rule: a rule another class saved cannot catch this class's leads. */
    public static void noAssignmentRules(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM lead_assignment_rule").executeUpdate());
    }
}
