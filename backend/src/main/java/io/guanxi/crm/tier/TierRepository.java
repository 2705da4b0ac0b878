package io.guanxi.crm.tier;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.purchase.PurchaseReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every query and write on the tiering policy, customer values and their history, one customer at a
 * time (the set-based recompute is {@link TierRecomputeRepository}). Unscoped by contact: the
 * service checks visibility first.
 */
@ApplicationScoped
public class TierRepository {

    private static final long POLICY_LOCK = 0x74706f6cL;

    @Inject
    EntityManager em;

    /** A customer's window figures from their sales up to now. */
    record WindowFigures(BigDecimal revenue, int purchases, Instant firstAt, Instant lastAt) {
    }

    TierPolicy currentPolicy() {
        return em.createQuery("from TierPolicy p order by p.version desc", TierPolicy.class).setMaxResults(1).getSingleResult();
    }

    /** Serialises policy changes until the transaction ends. */
    void lockPolicy() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", POLICY_LOCK).getSingleResult();
    }

    void persist(TierPolicy policy) {
        em.persist(policy);
    }

    /** The customer's value, if they have bought anything. */
    Optional<CustomerValue> value(UUID contactId) {
        return Optional.ofNullable(em.find(CustomerValue.class, contactId));
    }

    /** Badges of these customers: contact_id, abc_tier, membership_level. */
    List<Tuple> badges(Collection<UUID> contactIds) {
        return Rows.list(em.createNativeQuery("""
                SELECT contact_id AS contact_id, abc_tier AS abc_tier, membership_level AS membership_level
                FROM customer_value WHERE contact_id = ANY(:ids)""", Tuple.class)
                .setParameter("ids", contactIds.toArray(UUID[]::new)));
    }

    List<Tuple> history(UUID contactId) {
        return Rows.list(em.createNativeQuery("""
                SELECT dimension AS dimension, from_value AS from_value, to_value AS to_value, cause AS cause, job_id AS job_id,
                       changed_at AS changed_at FROM tier_history
                WHERE contact_id = :id ORDER BY changed_at DESC, id DESC LIMIT 200""", Tuple.class)
                .setParameter("id", contactId));
    }

    /** Net revenue and kept sales after {@code windowStart}, first and last sale, all up to {@code now}. */
    WindowFigures windowFigures(UUID contactId, Instant windowStart, Instant now) {
        Tuple stats = Rows.one(em.createNativeQuery("""
                SELECT COALESCE(sum(s.kept_amount) FILTER (WHERE s.occurred_at > :windowStart), 0) AS revenue,
                       count(*) FILTER (WHERE s.occurred_at > :windowStart AND s.kept_amount > 0) AS purchases,
                       min(s.occurred_at) AS first_at, max(s.occurred_at) AS last_at
                FROM %s s WHERE s.contact_id = :id AND s.occurred_at <= :now""".formatted(PurchaseReadModel.PURCHASES), Tuple.class)
                .setParameter("windowStart", windowStart).setParameter("now", now).setParameter("id", contactId));
        return new WindowFigures(Rows.decimal(stats, "revenue"), Rows.intValue(stats, "purchases"),
                Rows.instant(stats, "first_at"), Rows.instant(stats, "last_at"));
    }

    /** The customer's level, locking their value row until the transaction ends. */
    Optional<MembershipLevel> levelForUpdate(UUID contactId) {
        @SuppressWarnings("unchecked")
        List<String> level = em.createNativeQuery("SELECT membership_level FROM customer_value WHERE contact_id = :id FOR UPDATE")
                .setParameter("id", contactId).getResultList();
        return level.stream().findFirst().map(MembershipLevel::valueOf);
    }

    /** Writes a customer's window figures and level after a sale or refund (the recompute fills the rest). */
    void saveAfterPurchase(UUID contactId, WindowFigures figures, BigDecimal averageOrder, MembershipLevel level,
            int policyVersion, Instant now) {
        em.createNativeQuery("""
                INSERT INTO customer_value (contact_id, revenue, purchase_count, average_order, first_purchase_at, last_purchase_at,
                                            membership_level, policy_version, computed_at)
                VALUES (:id, :revenue, :count, :aov, :first, :last, :level, :version, :now)
                ON CONFLICT (contact_id) DO UPDATE SET revenue = EXCLUDED.revenue, purchase_count = EXCLUDED.purchase_count,
                    average_order = EXCLUDED.average_order, first_purchase_at = EXCLUDED.first_purchase_at,
                    last_purchase_at = EXCLUDED.last_purchase_at, membership_level = EXCLUDED.membership_level,
                    computed_at = EXCLUDED.computed_at""")
                .setParameter("id", contactId).setParameter("revenue", figures.revenue()).setParameter("count", figures.purchases())
                .setParameter("aov", averageOrder).setParameter("first", figures.firstAt()).setParameter("last", figures.lastAt())
                .setParameter("level", level.name()).setParameter("version", policyVersion).setParameter("now", now)
                .executeUpdate();
    }

    void recordLevelChange(UUID contactId, MembershipLevel from, MembershipLevel to, Instant now) {
        em.createNativeQuery("""
                INSERT INTO tier_history (contact_id, dimension, from_value, to_value, cause, changed_at)
                VALUES (:id, 'LEVEL', CAST(:from AS varchar), :to, 'PURCHASE', :now)""")
                .setParameter("id", contactId).setParameter("from", from == null ? null : from.name())
                .setParameter("to", to.name()).setParameter("now", now).executeUpdate();
    }
}
