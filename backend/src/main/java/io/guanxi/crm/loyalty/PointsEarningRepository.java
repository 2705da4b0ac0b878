package io.guanxi.crm.loyalty;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.purchase.PurchaseReadModel;
import io.guanxi.crm.tier.MembershipLevel;
import io.guanxi.crm.tier.TierReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every statement on {@code points_earning}, and the reads of other features that earning needs, through their read
 * models: who referred a customer ({@link ContactReadModel}), a purchase's amount and refunds ({@link PurchaseReadModel}),
 * a customer's membership level ({@link TierReadModel}).
 */
@ApplicationScoped
public class PointsEarningRepository {

    /** A referral bonus earning of a purchase, locked, with what the purchase keeps after refunds. */
    record ReferralEarning(long id, UUID referrerId, long unreversed, String state, Long lotId, UUID referredContactId,
            BigDecimal keptAmount) {
    }

    /** A pending earning, locked. */
    record PendingEarning(UUID contactId, String source, UUID purchaseId, UUID referredContactId, long unreversed) {
    }

    /** A purchase's own earning, locked, with the purchase's amount and what was refunded of it. */
    record PurchaseEarning(long id, long points, long reversedPoints, String state, Long lotId, BigDecimal amount,
            BigDecimal refundedAmount) {
    }

    @Inject
    EntityManager em;

    Optional<UUID> referrerOf(UUID contactId) {
        return em.createNativeQuery("SELECT c.referred_by_id FROM " + ContactReadModel.CONTACTS + " c WHERE c.id = :c", UUID.class)
                .setParameter("c", contactId).getResultStream().filter(java.util.Objects::nonNull).findFirst().map(UUID.class::cast);
    }

    long earlierQualifyingPurchases(UUID contactId, UUID purchaseId, BigDecimal minimum) {
        return SqlValues.longValue(em.createNativeQuery("SELECT count(*) FROM " + PurchaseReadModel.PURCHASES
                + " p WHERE p.contact_id = :c AND p.id <> :p AND p.amount >= :min")
                .setParameter("c", contactId).setParameter("p", purchaseId).setParameter("min", minimum).getSingleResult());
    }

    Optional<ReferralEarning> lockReferralEarning(UUID purchaseId) {
        return Rows.first(em.createNativeQuery("""
                SELECT e.id AS id, e.contact_id AS contact_id, e.points - e.reversed_points AS unreversed, e.state AS state,
                       e.lot_id AS lot_id, e.referred_contact_id AS referred_contact_id, p.kept_amount AS kept_amount
                FROM points_earning e JOIN %s p ON p.id = e.purchase_id
                WHERE e.purchase_id = :p AND e.source = 'REFERRAL' AND e.state <> 'VOIDED' AND e.reversed_points < e.points
                FOR UPDATE OF e""".formatted(PurchaseReadModel.PURCHASES), Tuple.class).setParameter("p", purchaseId))
                .map(r -> new ReferralEarning(Rows.longValue(r, "id"), Rows.uuid(r, "contact_id"), Rows.longValue(r, "unreversed"),
                        Rows.string(r, "state"), Rows.nullableLong(r, "lot_id"), Rows.uuid(r, "referred_contact_id"),
                        Rows.decimal(r, "kept_amount")));
    }

    /** Reverses all of an earning; a pending one is voided. */
    void reverseAll(long earningId) {
        em.createNativeQuery("""
                UPDATE points_earning SET reversed_points = points,
                       state = CASE WHEN state = 'PENDING' THEN 'VOIDED' ELSE state END
                WHERE id = :id""").setParameter("id", earningId).executeUpdate();
    }

    /** Records an earning; empty when the unique indexes say it was recorded before (same purchase or referral). */
    Optional<Long> insertPending(UUID contactId, String source, UUID purchaseId, UUID referredContactId, long points, Instant availableAt,
            Instant now) {
        List<?> ids = em.createNativeQuery("""
                INSERT INTO points_earning (contact_id, source, purchase_id, referred_contact_id, points, state, available_at, created_at)
                VALUES (:c, :source, CAST(:purchase AS uuid), CAST(:referred AS uuid), :points, 'PENDING', :available, :now)
                ON CONFLICT DO NOTHING RETURNING id""")
                .setParameter("c", contactId).setParameter("source", source)
                .setParameter("purchase", purchaseId == null ? null : purchaseId.toString())
                .setParameter("referred", referredContactId == null ? null : referredContactId.toString())
                .setParameter("points", points).setParameter("available", availableAt).setParameter("now", now).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(SqlValues.longValue(ids.get(0)));
    }

    Optional<PendingEarning> lockPending(long earningId) {
        return Rows.first(em.createNativeQuery("""
                SELECT contact_id AS contact_id, source AS source, purchase_id AS purchase_id, referred_contact_id AS referred_contact_id,
                       points - reversed_points AS unreversed FROM points_earning
                WHERE id = :id AND state = 'PENDING' FOR UPDATE""", Tuple.class).setParameter("id", earningId))
                .map(r -> new PendingEarning(Rows.uuid(r, "contact_id"), Rows.string(r, "source"), Rows.uuid(r, "purchase_id"),
                        Rows.uuid(r, "referred_contact_id"), Rows.longValue(r, "unreversed")));
    }

    void voidEarning(long earningId) {
        em.createNativeQuery("UPDATE points_earning SET state = 'VOIDED' WHERE id = :id").setParameter("id", earningId).executeUpdate();
    }

    void markPosted(long earningId, long entryId, long lotId) {
        em.createNativeQuery("UPDATE points_earning SET state = 'POSTED', entry_id = :entry, lot_id = :lot WHERE id = :id")
                .setParameter("entry", entryId).setParameter("lot", lotId).setParameter("id", earningId).executeUpdate();
    }

    Optional<PurchaseEarning> lockPurchaseEarning(UUID purchaseId) {
        return Rows.first(em.createNativeQuery("""
                SELECT e.id AS id, e.points AS points, e.reversed_points AS reversed_points, e.state AS state, e.lot_id AS lot_id,
                       p.amount AS amount, p.amount - p.kept_amount AS refunded_amount
                FROM points_earning e JOIN %s p ON p.id = e.purchase_id
                WHERE e.purchase_id = :p AND e.source = 'PURCHASE' FOR UPDATE OF e""".formatted(PurchaseReadModel.PURCHASES), Tuple.class)
                .setParameter("p", purchaseId))
                .map(r -> new PurchaseEarning(Rows.longValue(r, "id"), Rows.longValue(r, "points"), Rows.longValue(r, "reversed_points"),
                        Rows.string(r, "state"), Rows.nullableLong(r, "lot_id"), Rows.decimal(r, "amount"), Rows.decimal(r, "refunded_amount")));
    }

    void setReversed(long earningId, long reversedPoints) {
        em.createNativeQuery("UPDATE points_earning SET reversed_points = :r WHERE id = :id")
                .setParameter("r", reversedPoints).setParameter("id", earningId).executeUpdate();
    }

    /** Up to {@code limit} pending earnings available at {@code now}, locked, skipping those another worker holds. */
    List<Long> lockDue(Instant now, int limit) {
        return em.createNativeQuery("""
                SELECT id FROM points_earning WHERE state = 'PENDING' AND available_at <= :now
                ORDER BY available_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .setParameter("now", now).setParameter("limit", limit).getResultStream().map(SqlValues::longValue).toList();
    }

    Optional<MembershipLevel> levelOf(UUID contactId) {
        return em.createNativeQuery("SELECT v.membership_level FROM " + TierReadModel.MEMBERSHIP_LEVELS + " v WHERE v.contact_id = :c",
                String.class).setParameter("c", contactId).getResultStream().filter(java.util.Objects::nonNull).findFirst()
                .map(level -> MembershipLevel.valueOf((String) level));
    }
}
