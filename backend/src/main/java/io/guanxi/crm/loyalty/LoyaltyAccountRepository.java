package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.tier.MembershipLevel;
import io.guanxi.crm.tier.TierReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reads behind a customer's account, statement and finance's liability report: over the loyalty tables, with the
 * membership level through the tier feature's {@link TierReadModel}.
 */
@ApplicationScoped
public class LoyaltyAccountRepository {

    /** A customer's figures; zeros for a customer who never had points. */
    record AccountFigures(long balance, long debt, long writtenOff, long pending, Instant nextAvailableAt, long expiringSoon,
            Instant nextExpiryAt, long earned, long redeemed, MembershipLevel level) {
    }

    /** One statement line, with the reward redeemed and when its lot expires. */
    record EntryRow(long id, EntryKind kind, long points, long balanceAfter, long shortfall, String cause, UUID purchaseId,
            UUID refundId, UUID redemptionId, String rewardName, String redemptionState, UUID referredContactId, String reason,
            UUID actorId, Instant expiresAt, Instant createdAt) {
    }

    /** The liability of one membership level ("NONE" for non-members). */
    record LiabilityRow(String level, long accounts, long points, long pending, long expiringSoon, long writtenOff) {
    }

    @Inject
    EntityManager em;

    AccountFigures figures(UUID contactId, Instant soon) {
        Tuple row = Rows.one(em.createNativeQuery("""
                SELECT COALESCE(a.balance, 0) AS balance, COALESCE(a.debt, 0) AS debt, COALESCE(a.written_off, 0) AS written_off,
                       (SELECT COALESCE(sum(points - reversed_points), 0) FROM points_earning WHERE contact_id = c.id AND state = 'PENDING') AS pending,
                       (SELECT min(available_at) FROM points_earning WHERE contact_id = c.id AND state = 'PENDING') AS next_available_at,
                       (SELECT COALESCE(sum(remaining), 0) FROM points_lot WHERE contact_id = c.id AND remaining > 0 AND expires_at <= :soon) AS expiring_soon,
                       (SELECT min(expires_at) FROM points_lot WHERE contact_id = c.id AND remaining > 0) AS next_expiry_at,
                       (SELECT COALESCE(sum(points) FILTER (WHERE kind IN ('EARN', 'REFERRAL_BONUS')), 0)
                             + COALESCE(sum(points) FILTER (WHERE kind = 'ADJUST' AND points > 0), 0)
                        FROM points_entry WHERE contact_id = c.id) AS earned,
                       (SELECT -COALESCE(sum(points) FILTER (WHERE kind = 'REDEEM' OR cause = 'REDEMPTION_CANCELLED'), 0)
                        FROM points_entry WHERE contact_id = c.id) AS redeemed,
                       v.membership_level AS membership_level
                FROM (SELECT CAST(:c AS uuid) AS id) c LEFT JOIN loyalty_account a ON a.contact_id = c.id
                LEFT JOIN %s v ON v.contact_id = c.id""".formatted(TierReadModel.MEMBERSHIP_LEVELS), Tuple.class)
                .setParameter("c", contactId).setParameter("soon", soon));
        return new AccountFigures(Rows.longOrZero(row, "balance"), Rows.longOrZero(row, "debt"), Rows.longOrZero(row, "written_off"),
                Rows.longOrZero(row, "pending"), Rows.instant(row, "next_available_at"), Rows.longOrZero(row, "expiring_soon"),
                Rows.instant(row, "next_expiry_at"), Rows.longOrZero(row, "earned"), Rows.longOrZero(row, "redeemed"),
                Rows.enumValue(row, "membership_level", MembershipLevel.class));
    }

    long countEntries(UUID contactId) {
        return SqlValues.longValue(em.createNativeQuery("SELECT count(*) FROM points_entry WHERE contact_id = :c")
                .setParameter("c", contactId).getSingleResult());
    }

    /** A page of the statement, newest first. */
    List<EntryRow> entries(UUID contactId, int limit, int offset) {
        return Rows.list(em.createNativeQuery("""
                SELECT e.id AS id, e.kind AS kind, e.points AS points, e.balance_after AS balance_after, e.shortfall AS shortfall,
                       e.cause AS cause, e.purchase_id AS purchase_id, e.refund_id AS refund_id, e.redemption_id AS redemption_id,
                       w.name AS reward_name, r.state AS redemption_state, e.referred_contact_id AS referred_contact_id,
                       e.reason AS reason, e.actor_id AS actor_id, l.expires_at AS expires_at, e.created_at AS created_at
                FROM points_entry e
                LEFT JOIN points_lot l ON l.entry_id = e.id
                LEFT JOIN redemption r ON r.id = e.redemption_id
                LEFT JOIN reward w ON w.id = r.reward_id
                WHERE e.contact_id = :c ORDER BY e.id DESC LIMIT :size OFFSET :offset""", Tuple.class)
                .setParameter("c", contactId).setParameter("size", limit).setParameter("offset", offset)).stream()
                .map(r -> new EntryRow(Rows.longOrZero(r, "id"), Rows.enumValue(r, "kind", EntryKind.class), Rows.longOrZero(r, "points"),
                        Rows.longOrZero(r, "balance_after"), Rows.longOrZero(r, "shortfall"), Rows.string(r, "cause"),
                        Rows.uuid(r, "purchase_id"), Rows.uuid(r, "refund_id"), Rows.uuid(r, "redemption_id"), Rows.string(r, "reward_name"),
                        Rows.string(r, "redemption_state"), Rows.uuid(r, "referred_contact_id"), Rows.string(r, "reason"),
                        Rows.uuid(r, "actor_id"), Rows.instant(r, "expires_at"), Rows.instant(r, "created_at")))
                .toList();
    }

    /** Points held, pending, expiring by {@code soon} and written off, by membership level; a level with no holders has no row. */
    List<LiabilityRow> liabilityByLevel(Instant soon) {
        return Rows.list(em.createNativeQuery("""
                WITH soon AS (
                    SELECT contact_id, sum(remaining) AS points FROM points_lot
                    WHERE remaining > 0 AND expires_at <= :soon GROUP BY contact_id),
                pending AS (
                    SELECT contact_id, sum(points - reversed_points) AS points FROM points_earning
                    WHERE state = 'PENDING' GROUP BY contact_id),
                holders AS (
                    SELECT contact_id FROM loyalty_account UNION SELECT contact_id FROM pending)
                SELECT COALESCE(v.membership_level, 'NONE') AS level,
                       count(*) FILTER (WHERE a.balance > 0) AS accounts,
                       COALESCE(sum(a.balance), 0) AS points, COALESCE(sum(p.points), 0) AS pending,
                       COALESCE(sum(s.points), 0) AS expiring_soon, COALESCE(sum(a.written_off), 0) AS written_off
                FROM holders h
                LEFT JOIN loyalty_account a ON a.contact_id = h.contact_id
                LEFT JOIN pending p ON p.contact_id = h.contact_id
                LEFT JOIN soon s ON s.contact_id = h.contact_id
                LEFT JOIN %s v ON v.contact_id = h.contact_id
                GROUP BY 1""".formatted(TierReadModel.MEMBERSHIP_LEVELS), Tuple.class).setParameter("soon", soon)).stream()
                .map(r -> new LiabilityRow(Rows.string(r, "level"), Rows.longOrZero(r, "accounts"), Rows.longOrZero(r, "points"),
                        Rows.longOrZero(r, "pending"), Rows.longOrZero(r, "expiring_soon"), Rows.longOrZero(r, "written_off")))
                .toList();
    }
}
