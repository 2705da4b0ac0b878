package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.purchase.PurchaseRecorded;
import io.guanxi.crm.tier.MembershipLevel;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Points a purchase earns, in the purchase's own transaction: floor(amount × rate × level
 * multiplier), once per purchase (unique index), available at once or after the pending (return)
 * window. A refund takes back its share of them. A referred customer's first purchase of at least
 * the policy's referralMinPurchase earns the referrer a bonus, once, through the same pending window;
 * a refund that takes that purchase below the minimum reverses the whole bonus.
 */
@ApplicationScoped
public class PointsEarning {

    private static final Logger LOG = Logger.getLogger(PointsEarning.class);
    private static final int RELEASE_BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    PointsLedger ledger;

    @Inject
    LoyaltyPolicies policies;

    @Inject
    Clock clock;

    /** After the tier observer, so a sale that lifts the level earns at the new level. */
    void onPurchase(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) PurchaseRecorded event) {
        apply(event, clock.instant());
    }

    /**
     * A sale that was stored before the ledger saw it (the demo data): it earns as of when it happened,
     * with the same earning record a live sale gets, so refunding it later takes its points back.
     */
    public void earnForPastPurchase(PurchaseRecorded sale, Instant occurredAt) {
        if (sale.refund()) {
            throw new IllegalArgumentException("a past refund is not replayed");
        }
        apply(sale, occurredAt);
    }

    private void apply(PurchaseRecorded event, Instant now) {
        LoyaltyPolicy policy = policies.current();
        if (event.refund()) {
            reverse(event, policy, now);
            reverseReferral(event, policy, now);
            return;
        }
        MembershipLevel level = levelOf(event.contactId());
        if (policy.membersOnly && level == null) {
            return;
        }
        long points = policy.pointsFor(event.amount(), level);
        if (points > 0) {
            earn(event.contactId(), "PURCHASE", event.purchaseId(), null, points, policy, now);
        }
        referralBonus(event.contactId(), event.purchaseId(), event.amount(), policy, now);
    }

    /**
     * The referrer's bonus, when this is the referred customer's first purchase of at least the
     * minimum: a token purchase mints nothing. Pending like earned points; once per referred customer.
     */
    private void referralBonus(UUID contactId, UUID purchaseId, BigDecimal amount, LoyaltyPolicy policy, Instant now) {
        if (policy.referralBonus == 0 || amount.compareTo(policy.referralMinPurchase) < 0) {
            return;
        }
        Object referrer = em.createNativeQuery("SELECT referred_by_id FROM contact WHERE id = :c").setParameter("c", contactId)
                .getSingleResult();
        if (referrer == null) {
            return;
        }
        long earlierQualifying = SqlValues.longValue(em.createNativeQuery("""
                SELECT count(*) FROM purchase WHERE contact_id = :c AND id <> :p AND amount >= :min""")
                .setParameter("c", contactId).setParameter("p", purchaseId).setParameter("min", policy.referralMinPurchase)
                .getSingleResult());
        UUID referrerId = (UUID) referrer;
        if (earlierQualifying > 0 || policy.membersOnly && levelOf(referrerId) == null) {
            return;
        }
        earn(referrerId, "REFERRAL", purchaseId, contactId, policy.referralBonus, policy, now);
    }

    /**
     * A refund that leaves the qualifying purchase below the minimum reverses the whole referral
     * bonus: still pending, it is simply not given; posted, it comes out of its own lot first, and
     * what the referrer already spent is the shortfall the policy writes off or keeps as debt.
     */
    private void reverseReferral(PurchaseRecorded event, LoyaltyPolicy policy, Instant now) {
        Tuple row = Rows.first(em.createNativeQuery("""
                SELECT e.id AS id, e.contact_id AS contact_id, e.points - e.reversed_points AS unreversed, e.state AS state,
                       e.lot_id AS lot_id, e.referred_contact_id AS referred_contact_id, p.amount - p.refunded_amount AS kept_amount
                FROM points_earning e JOIN purchase p ON p.id = e.purchase_id
                WHERE e.purchase_id = :p AND e.source = 'REFERRAL' AND e.state <> 'VOIDED' AND e.reversed_points < e.points
                FOR UPDATE OF e""", Tuple.class)
                .setParameter("p", event.purchaseId())).orElse(null);
        if (row == null || Rows.decimal(row, "kept_amount").compareTo(policy.referralMinPurchase) >= 0) {
            return;
        }
        long earningId = Rows.longValue(row, "id");
        UUID referrerId = Rows.uuid(row, "contact_id");
        long toReverse = Rows.longValue(row, "unreversed");
        em.createNativeQuery("""
                UPDATE points_earning SET reversed_points = points,
                       state = CASE WHEN state = 'PENDING' THEN 'VOIDED' ELSE state END
                WHERE id = :id""").setParameter("id", earningId).executeUpdate();
        if (!"POSTED".equals(Rows.string(row, "state"))) {
            return;
        }
        PointsLedger.Refs refs = new PointsLedger.Refs(event.purchaseId(), event.refundId(), null, Rows.uuid(row, "referred_contact_id"),
                null, null);
        PointsLedger.Debit debit = ledger.debit(referrerId, EntryKind.REVERSE, toReverse, "REFERRAL_REVERSED", refs, now,
                Rows.longValue(row, "lot_id"), true);
        if (debit.shortfall() > 0) {
            ledger.recordShortfall(referrerId, debit.shortfall(), policy.refundShortfall);
        }
    }

    /** Records what was earned; the unique indexes make a second earning for the same purchase or referral a no-op. */
    private void earn(UUID contactId, String source, UUID purchaseId, UUID referredContactId, long points, LoyaltyPolicy policy,
            Instant now) {
        Instant availableAt = now.plus(Duration.ofDays(policy.pendingDays));
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                INSERT INTO points_earning (contact_id, source, purchase_id, referred_contact_id, points, state, available_at, created_at)
                VALUES (:c, :source, CAST(:purchase AS uuid), CAST(:referred AS uuid), :points, 'PENDING', :available, :now)
                ON CONFLICT DO NOTHING RETURNING id""")
                .setParameter("c", contactId).setParameter("source", source)
                .setParameter("purchase", purchaseId == null ? null : purchaseId.toString())
                .setParameter("referred", referredContactId == null ? null : referredContactId.toString())
                .setParameter("points", points).setParameter("available", availableAt).setParameter("now", now).getResultList();
        if (!ids.isEmpty() && !availableAt.isAfter(now)) {
            post(ids.get(0).longValue(), policy, now);
        }
    }

    /** Turns an earning whose window has passed into ledger points (what refunds left of it). */
    private void post(long earningId, LoyaltyPolicy policy, Instant now) {
        Tuple row = Rows.first(em.createNativeQuery("""
                SELECT contact_id AS contact_id, source AS source, purchase_id AS purchase_id, referred_contact_id AS referred_contact_id,
                       points - reversed_points AS unreversed FROM points_earning
                WHERE id = :id AND state = 'PENDING' FOR UPDATE""", Tuple.class).setParameter("id", earningId)).orElse(null);
        if (row == null) {
            return;
        }
        long points = Rows.longValue(row, "unreversed");
        if (points == 0) {
            em.createNativeQuery("UPDATE points_earning SET state = 'VOIDED' WHERE id = :id").setParameter("id", earningId)
                    .executeUpdate();
            return;
        }
        boolean purchase = "PURCHASE".equals(Rows.string(row, "source"));
        PointsLedger.Refs refs = new PointsLedger.Refs(Rows.uuid(row, "purchase_id"), null, null, Rows.uuid(row, "referred_contact_id"),
                null, null);
        PointsLedger.Credit credit = ledger.credit(Rows.uuid(row, "contact_id"), purchase ? EntryKind.EARN : EntryKind.REFERRAL_BONUS, points,
                purchase ? "PURCHASE" : "REFERRAL", refs, now, policy.expiryOf(now, policies.zone()));
        em.createNativeQuery("UPDATE points_earning SET state = 'POSTED', entry_id = :entry, lot_id = :lot WHERE id = :id")
                .setParameter("entry", credit.entryId()).setParameter("lot", credit.lotId()).setParameter("id", earningId)
                .executeUpdate();
    }

    /**
     * A refund takes back floor(earned × refunded so far / amount) less what earlier refunds took,
     * so a full refund takes back exactly what was earned. Pending points are simply not given;
     * posted ones come out of the purchase's own lot first, and what was already spent is the
     * shortfall the policy writes off or keeps as debt.
     */
    private void reverse(PurchaseRecorded event, LoyaltyPolicy policy, Instant now) {
        Tuple row = Rows.first(em.createNativeQuery("""
                SELECT e.id AS id, e.points AS points, e.reversed_points AS reversed_points, e.state AS state, e.lot_id AS lot_id,
                       p.amount AS amount, p.refunded_amount AS refunded_amount
                FROM points_earning e JOIN purchase p ON p.id = e.purchase_id
                WHERE e.purchase_id = :p AND e.source = 'PURCHASE' FOR UPDATE OF e""", Tuple.class)
                .setParameter("p", event.purchaseId())).orElse(null);
        if (row == null) {
            return; // the purchase earned nothing (members only, or under one point)
        }
        long earned = Rows.longValue(row, "points");
        long reversedBefore = Rows.longValue(row, "reversed_points");
        BigDecimal amount = Rows.decimal(row, "amount");
        BigDecimal refunded = Rows.decimal(row, "refunded_amount");
        long reversedTarget = BigDecimal.valueOf(earned).multiply(refunded).divide(amount, 0, RoundingMode.FLOOR).longValueExact();
        long toReverse = reversedTarget - reversedBefore;
        if (toReverse <= 0) {
            return;
        }
        long earningId = Rows.longValue(row, "id");
        String state = Rows.string(row, "state");
        em.createNativeQuery("UPDATE points_earning SET reversed_points = :r WHERE id = :id")
                .setParameter("r", reversedTarget).setParameter("id", earningId).executeUpdate();
        if (!"POSTED".equals(state)) {
            if (reversedTarget == earned && "PENDING".equals(state)) {
                em.createNativeQuery("UPDATE points_earning SET state = 'VOIDED' WHERE id = :id").setParameter("id", earningId)
                        .executeUpdate();
            }
            return;
        }
        PointsLedger.Refs refs = new PointsLedger.Refs(event.purchaseId(), event.refundId(), null, null, null, null);
        PointsLedger.Debit debit = ledger.debit(event.contactId(), EntryKind.REVERSE, toReverse, "PURCHASE_REFUNDED", refs, now,
                Rows.longValue(row, "lot_id"), true);
        if (debit.shortfall() > 0) {
            ledger.recordShortfall(event.contactId(), debit.shortfall(), policy.refundShortfall);
        }
    }

    /** Makes the points whose pending window has passed available, a batch per transaction. */
    @Scheduled(every = "{guanxi.loyalty.release-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "points-release")
    void scheduledRelease() {
        int released = releaseDue(clock.instant());
        if (released > 0) {
            LOG.infof("Released %d pending points earnings", released);
        }
    }

    /** Releases every earning available at {@code now}; returns how many. */
    public int releaseDue(Instant now) {
        int total = 0;
        int batch;
        do {
            batch = releaseBatch(now);
            total += batch;
        } while (batch == RELEASE_BATCH);
        return total;
    }

    @Transactional
    int releaseBatch(Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("""
                SELECT id FROM points_earning WHERE state = 'PENDING' AND available_at <= :now
                ORDER BY available_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .setParameter("now", now).setParameter("limit", RELEASE_BATCH).getResultList();
        LoyaltyPolicy policy = policies.current();
        for (Number id : due) {
            post(id.longValue(), policy, now);
        }
        return due.size();
    }

    MembershipLevel levelOf(UUID contactId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT membership_level FROM customer_value WHERE contact_id = :c")
                .setParameter("c", contactId).getResultList();
        return rows.isEmpty() ? null : MembershipLevel.valueOf(rows.get(0));
    }
}
