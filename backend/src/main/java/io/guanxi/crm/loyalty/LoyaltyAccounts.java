package io.guanxi.crm.loyalty;

import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.loyalty.api.AdjustmentRequest;
import io.guanxi.crm.loyalty.api.PointsAccountResponse;
import io.guanxi.crm.loyalty.api.PointsEntryResponse;
import io.guanxi.crm.loyalty.api.PointsLiability;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.idempotency.Idempotency;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.tier.MembershipLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A customer's points as people see them: the account, its statement, managers' adjustments, and finance's liability. */
@ApplicationScoped
public class LoyaltyAccounts {

    @Inject
    EntityManager em;

    @Inject
    PointsLedger ledger;

    @Inject
    PointsEarning earning;

    @Inject
    LoyaltyPolicies policies;

    @Inject
    ContactService contacts;

    @Inject
    CurrentUser currentUser;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @Transactional
    public PointsAccountResponse account(UUID contactId) {
        contacts.requireVisibleContact(contactId);
        LoyaltyPolicy policy = policies.current();
        Instant now = clock.instant();
        Instant soon = now.plus(Duration.ofDays(policy.expiringSoonDays));
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
                FROM contact c LEFT JOIN loyalty_account a ON a.contact_id = c.id LEFT JOIN customer_value v ON v.contact_id = c.id
                WHERE c.id = :c""", Tuple.class).setParameter("c", contactId).setParameter("soon", soon));
        long balance = Rows.longOrZero(row, "balance");
        MembershipLevel level = Rows.enumValue(row, "membership_level", MembershipLevel.class);
        return new PointsAccountResponse(contactId, balance, Rows.longOrZero(row, "pending"), Rows.instant(row, "next_available_at"),
                Rows.longOrZero(row, "expiring_soon"), policy.expiringSoonDays, Rows.instant(row, "next_expiry_at"), level,
                policy.multiplier(level), Rows.longOrZero(row, "earned"), Rows.longOrZero(row, "redeemed"),
                Rows.longOrZero(row, "written_off"), Rows.longOrZero(row, "debt"), value(balance, policy));
    }

    @Transactional
    public PageResponse<PointsEntryResponse> statement(UUID contactId, Integer page, Integer size) {
        contacts.requireVisibleContact(contactId);
        PageRequest paging = PageRequest.of(page, size, null, Map.of("createdAt", "e.id"), "createdAt,desc");
        long total = SqlValues.longValue(em.createNativeQuery("SELECT count(*) FROM points_entry WHERE contact_id = :c")
                .setParameter("c", contactId).getSingleResult());
        List<Tuple> rows = total == 0 ? List.of() : Rows.list(em.createNativeQuery("""
                SELECT e.id AS id, e.kind AS kind, e.points AS points, e.balance_after AS balance_after, e.shortfall AS shortfall,
                       e.cause AS cause, e.purchase_id AS purchase_id, e.refund_id AS refund_id, e.redemption_id AS redemption_id,
                       w.name AS reward_name, r.state AS redemption_state, e.referred_contact_id AS referred_contact_id,
                       e.reason AS reason, e.actor_id AS actor_id, u.display_name AS actor_name, l.expires_at AS expires_at,
                       e.created_at AS created_at
                FROM points_entry e
                LEFT JOIN points_lot l ON l.entry_id = e.id
                LEFT JOIN redemption r ON r.id = e.redemption_id
                LEFT JOIN reward w ON w.id = r.reward_id
                LEFT JOIN app_user u ON u.id = e.actor_id
                WHERE e.contact_id = :c ORDER BY e.id DESC LIMIT :size OFFSET :offset""", Tuple.class)
                .setParameter("c", contactId).setParameter("size", paging.size()).setParameter("offset", paging.offset()));
        List<PointsEntryResponse> items = rows.stream().map(r -> new PointsEntryResponse(Rows.longOrZero(r, "id"),
                Rows.enumValue(r, "kind", EntryKind.class), Rows.longOrZero(r, "points"), Rows.longOrZero(r, "balance_after"),
                Rows.longOrZero(r, "shortfall"), Rows.string(r, "cause"), Rows.uuid(r, "purchase_id"), Rows.uuid(r, "refund_id"),
                Rows.uuid(r, "redemption_id"), Rows.string(r, "reward_name"), Rows.string(r, "redemption_state"),
                Rows.uuid(r, "referred_contact_id"), Rows.string(r, "reason"), Rows.uuid(r, "actor_id"), Rows.string(r, "actor_name"),
                Rows.instant(r, "expires_at"), Rows.instant(r, "created_at"))).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    /** A manager's correction with a mandatory reason; a deduction beyond the balance is a 409 and writes nothing. */
    @Transactional
    public Idempotency.Outcome adjust(UUID contactId, AdjustmentRequest request, String key) {
        return idempotency.once(currentUser.id(), key, "points-adjustment:" + contactId, request, () -> {
            contacts.requireVisibleContact(contactId);
            if (request.points() == 0) {
                throw ProblemException.invalidField("points", "must not be 0");
            }
            LoyaltyPolicy policy = policies.current();
            if (policy.membersOnly && request.points() > 0 && earning.levelOf(contactId) == null) {
                throw ProblemException.invalidField("contactId", "is not a member; the policy gives points to members only");
            }
            Instant now = clock.instant();
            PointsLedger.Refs refs = PointsLedger.Refs.actor(currentUser.id(), request.reason().trim());
            if (request.points() > 0) {
                ledger.credit(contactId, EntryKind.ADJUST, request.points(), "MANAGER_ADJUSTMENT", refs, now,
                        policy.expiryOf(now, policies.zone()));
            } else {
                ledger.debit(contactId, EntryKind.ADJUST, -(long) request.points(), "MANAGER_ADJUSTMENT", refs, now, null, false);
            }
            return Idempotency.Outcome.of(201, account(contactId), null);
        });
    }

    /** Points given to make up for a complaint (the complaint's resolution decides; the caller checked who may). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void compensate(UUID contactId, long points, String reason, UUID actor) {
        LoyaltyPolicy policy = policies.current();
        if (policy.membersOnly && earning.levelOf(contactId) == null) {
            throw ProblemException.invalidField("compensationPoints", "the customer is not a member; the policy gives points to members only");
        }
        Instant now = clock.instant();
        ledger.credit(contactId, EntryKind.ADJUST, points, "COMPLAINT_COMPENSATION", PointsLedger.Refs.actor(actor, reason), now,
                policy.expiryOf(now, policies.zone()));
    }

    @Transactional
    public PointsLiability liability() {
        LoyaltyPolicy policy = policies.current();
        Instant now = clock.instant();
        List<Tuple> rows = Rows.list(em.createNativeQuery("""
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
                LEFT JOIN customer_value v ON v.contact_id = h.contact_id
                GROUP BY 1""", Tuple.class)
                .setParameter("soon", now.plus(Duration.ofDays(policy.expiringSoonDays))));
        Map<String, Tuple> byName = rows.stream().collect(Collectors.toMap(r -> Rows.string(r, "level"), r -> r));
        List<PointsLiability.Row> byLevel = new ArrayList<>();
        for (String level : List.of("SILVER", "GOLD", "PLATINUM", "NONE")) {
            Tuple r = byName.get(level);
            long points = orZero(r, "points");
            byLevel.add(new PointsLiability.Row(level, orZero(r, "accounts"), points, value(points, policy), orZero(r, "pending"),
                    orZero(r, "expiring_soon"), orZero(r, "written_off")));
        }
        long points = byLevel.stream().mapToLong(PointsLiability.Row::points).sum();
        PointsLiability.Row total = new PointsLiability.Row("ALL", byLevel.stream().mapToLong(PointsLiability.Row::accounts).sum(),
                points, value(points, policy), byLevel.stream().mapToLong(PointsLiability.Row::pending).sum(),
                byLevel.stream().mapToLong(PointsLiability.Row::expiringSoon).sum(),
                byLevel.stream().mapToLong(PointsLiability.Row::writtenOff).sum());
        return new PointsLiability(now, policy.pointValueCny, byLevel, total);
    }

    /** A level with no holders has no row: all its sums are 0. */
    private static long orZero(Tuple row, String alias) {
        return row == null ? 0 : Rows.longOrZero(row, alias);
    }

    private static BigDecimal value(long points, LoyaltyPolicy policy) {
        return policy.pointValueCny.multiply(BigDecimal.valueOf(points)).setScale(2, RoundingMode.HALF_UP);
    }
}
