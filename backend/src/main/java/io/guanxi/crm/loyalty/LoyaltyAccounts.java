package io.guanxi.crm.loyalty;

import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.loyalty.api.AdjustmentRequest;
import io.guanxi.crm.loyalty.api.PointsAccountResponse;
import io.guanxi.crm.loyalty.api.PointsEntryResponse;
import io.guanxi.crm.loyalty.api.PointsLiability;
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
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT COALESCE(a.balance, 0), COALESCE(a.debt, 0), COALESCE(a.written_off, 0),
                       (SELECT COALESCE(sum(points - reversed_points), 0) FROM points_earning WHERE contact_id = c.id AND state = 'PENDING'),
                       (SELECT min(available_at) FROM points_earning WHERE contact_id = c.id AND state = 'PENDING'),
                       (SELECT COALESCE(sum(remaining), 0) FROM points_lot WHERE contact_id = c.id AND remaining > 0 AND expires_at <= :soon),
                       (SELECT min(expires_at) FROM points_lot WHERE contact_id = c.id AND remaining > 0),
                       (SELECT COALESCE(sum(points) FILTER (WHERE kind IN ('EARN', 'REFERRAL_BONUS')), 0)
                             + COALESCE(sum(points) FILTER (WHERE kind = 'ADJUST' AND points > 0), 0)
                        FROM points_entry WHERE contact_id = c.id),
                       (SELECT -COALESCE(sum(points) FILTER (WHERE kind = 'REDEEM' OR cause = 'REDEMPTION_CANCELLED'), 0)
                        FROM points_entry WHERE contact_id = c.id),
                       v.membership_level
                FROM contact c LEFT JOIN loyalty_account a ON a.contact_id = c.id LEFT JOIN customer_value v ON v.contact_id = c.id
                WHERE c.id = :c""", Object[].class).setParameter("c", contactId).setParameter("soon", soon).getSingleResult();
        long balance = number(row[0]);
        MembershipLevel level = row[9] == null ? null : MembershipLevel.valueOf((String) row[9]);
        return new PointsAccountResponse(contactId, balance, number(row[3]), SqlValues.instant(row[4]), number(row[5]),
                policy.expiringSoonDays, SqlValues.instant(row[6]), level, policy.multiplier(level), number(row[7]), number(row[8]),
                number(row[2]), number(row[1]), value(balance, policy));
    }

    @Transactional
    public PageResponse<PointsEntryResponse> statement(UUID contactId, Integer page, Integer size) {
        contacts.requireVisibleContact(contactId);
        PageRequest paging = PageRequest.of(page, size, null, Map.of("createdAt", "e.id"), "createdAt,desc");
        long total = number(em.createNativeQuery("SELECT count(*) FROM points_entry WHERE contact_id = :c")
                .setParameter("c", contactId).getSingleResult());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = total == 0 ? List.of() : em.createNativeQuery("""
                SELECT e.id, e.kind, e.points, e.balance_after, e.shortfall, e.cause, e.purchase_id, e.refund_id, e.redemption_id,
                       w.name, r.state, e.referred_contact_id, e.reason, e.actor_id, u.display_name, l.expires_at, e.created_at
                FROM points_entry e
                LEFT JOIN points_lot l ON l.entry_id = e.id
                LEFT JOIN redemption r ON r.id = e.redemption_id
                LEFT JOIN reward w ON w.id = r.reward_id
                LEFT JOIN app_user u ON u.id = e.actor_id
                WHERE e.contact_id = :c ORDER BY e.id DESC LIMIT :size OFFSET :offset""", Object[].class)
                .setParameter("c", contactId).setParameter("size", paging.size()).setParameter("offset", paging.offset())
                .getResultList();
        List<PointsEntryResponse> items = rows.stream().map(r -> new PointsEntryResponse(number(r[0]), EntryKind.valueOf((String) r[1]),
                number(r[2]), number(r[3]), number(r[4]), (String) r[5], (UUID) r[6], (UUID) r[7], (UUID) r[8], (String) r[9],
                (String) r[10], (UUID) r[11], (String) r[12], (UUID) r[13], (String) r[14], SqlValues.instant(r[15]),
                SqlValues.instant(r[16]))).toList();
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH soon AS (
                    SELECT contact_id, sum(remaining) AS points FROM points_lot
                    WHERE remaining > 0 AND expires_at <= :soon GROUP BY contact_id),
                pending AS (
                    SELECT contact_id, sum(points - reversed_points) AS points FROM points_earning
                    WHERE state = 'PENDING' GROUP BY contact_id),
                holders AS (
                    SELECT contact_id FROM loyalty_account UNION SELECT contact_id FROM pending)
                SELECT COALESCE(v.membership_level, 'NONE') AS level,
                       count(*) FILTER (WHERE a.balance > 0),
                       COALESCE(sum(a.balance), 0), COALESCE(sum(p.points), 0), COALESCE(sum(s.points), 0),
                       COALESCE(sum(a.written_off), 0)
                FROM holders h
                LEFT JOIN loyalty_account a ON a.contact_id = h.contact_id
                LEFT JOIN pending p ON p.contact_id = h.contact_id
                LEFT JOIN soon s ON s.contact_id = h.contact_id
                LEFT JOIN customer_value v ON v.contact_id = h.contact_id
                GROUP BY 1""", Object[].class)
                .setParameter("soon", now.plus(Duration.ofDays(policy.expiringSoonDays))).getResultList();
        List<PointsLiability.Row> byLevel = new ArrayList<>();
        for (String level : List.of("SILVER", "GOLD", "PLATINUM", "NONE")) {
            Object[] r = rows.stream().filter(x -> level.equals(x[0])).findFirst().orElse(new Object[] {level, 0, 0, 0, 0, 0});
            long points = number(r[2]);
            byLevel.add(new PointsLiability.Row(level, number(r[1]), points, value(points, policy), number(r[3]), number(r[4]),
                    number(r[5])));
        }
        long points = byLevel.stream().mapToLong(PointsLiability.Row::points).sum();
        PointsLiability.Row total = new PointsLiability.Row("ALL", byLevel.stream().mapToLong(PointsLiability.Row::accounts).sum(),
                points, value(points, policy), byLevel.stream().mapToLong(PointsLiability.Row::pending).sum(),
                byLevel.stream().mapToLong(PointsLiability.Row::expiringSoon).sum(),
                byLevel.stream().mapToLong(PointsLiability.Row::writtenOff).sum());
        return new PointsLiability(now, policy.pointValueCny, byLevel, total);
    }

    private static BigDecimal value(long points, LoyaltyPolicy policy) {
        return policy.pointValueCny.multiply(BigDecimal.valueOf(points)).setScale(2, RoundingMode.HALF_UP);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
