package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The only writer of points entries and lots. Every operation first locks the account row, so the
 * operations on one account run one after another and the cached balance, the entries and the lots
 * always agree: balance = sum of entries = sum of what is left in the lots, never below zero.
 * Entries are appended, never changed (a trigger refuses updates and deletes).
 */
@ApplicationScoped
public class PointsLedger {

    /** Who and what an entry is about; all optional. */
    public record Refs(UUID purchaseId, UUID refundId, UUID redemptionId, UUID referredContactId, String reason, UUID actorId) {
        public static Refs none() {
            return new Refs(null, null, null, null, null, null);
        }

        public static Refs actor(UUID actorId, String reason) {
            return new Refs(null, null, null, null, reason, actorId);
        }
    }

    public record Account(long balance, long debt) {
    }

    public record Credit(long entryId, long lotId, long balanceAfter) {
    }

    public record Debit(long entryId, long taken, long shortfall, long balanceAfter) {
    }

    @Inject
    EntityManager em;

    /** Locks the account, opening it on first use. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account lock(UUID contactId, Instant now) {
        List<Tuple> rows = selectForUpdate(contactId);
        if (rows.isEmpty()) {
            em.createNativeQuery("""
                    INSERT INTO loyalty_account (contact_id, created_at, updated_at) VALUES (:c, :now, :now)
                    ON CONFLICT DO NOTHING""").setParameter("c", contactId).setParameter("now", now).executeUpdate();
            rows = selectForUpdate(contactId);
        }
        Tuple row = rows.get(0);
        return new Account(Rows.longValue(row, "balance"), Rows.longValue(row, "debt"));
    }

    private List<Tuple> selectForUpdate(UUID contactId) {
        return Rows.list(em.createNativeQuery("SELECT balance AS balance, debt AS debt FROM loyalty_account WHERE contact_id = :c FOR UPDATE",
                Tuple.class).setParameter("c", contactId));
    }

    /**
     * Adds points as a new lot expiring at {@code expiresAt}. A debt left by an earlier refund is
     * paid off from the new points first (policy OFFSET_FUTURE_EARNINGS).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Credit credit(UUID contactId, EntryKind kind, long points, String cause, Refs refs, Instant now, Instant expiresAt) {
        if (points <= 0) {
            throw new IllegalArgumentException("a credit is positive: " + points);
        }
        Account account = lock(contactId, now);
        long balance = account.balance() + points;
        long entryId = insertEntry(contactId, kind, points, balance, 0, cause, refs, now);
        long lotId = SqlValues.longValue(em.createNativeQuery("""
                INSERT INTO points_lot (contact_id, entry_id, points, remaining, earned_at, expires_at)
                VALUES (:c, :entry, :points, :points, :now, :expires) RETURNING id""")
                .setParameter("c", contactId).setParameter("entry", entryId).setParameter("points", points)
                .setParameter("now", now).setParameter("expires", expiresAt).getSingleResult());
        setBalance(contactId, balance, now);
        if (account.debt() > 0) {
            long settled = Math.min(account.debt(), points);
            Debit debit = debit(contactId, EntryKind.REVERSE, settled, "DEBT_SETTLED", Refs.none(), now, lotId, false);
            em.createNativeQuery("UPDATE loyalty_account SET debt = debt - :settled WHERE contact_id = :c")
                    .setParameter("settled", settled).setParameter("c", contactId).executeUpdate();
            balance = debit.balanceAfter();
        }
        return new Credit(entryId, lotId, balance);
    }

    /**
     * Takes points, the preferred lot first and then those that expire first. Without
     * {@code allowShortfall} a debit larger than the balance is a 409 and writes nothing; with it
     * (refund reversals) it takes what there is and records the rest as the entry's shortfall.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Debit debit(UUID contactId, EntryKind kind, long points, String cause, Refs refs, Instant now, Long preferredLotId,
            boolean allowShortfall) {
        if (points <= 0) {
            throw new IllegalArgumentException("a debit takes a positive number of points: " + points);
        }
        long balanceBefore;
        if (allowShortfall) {
            balanceBefore = lock(contactId, now).balance();
        } else {
            // Lock, check and take in one statement: the account row stays locked for as few round trips as possible.
            List<?> updated = em.createNativeQuery("""
                    UPDATE loyalty_account SET balance = balance - :points, updated_at = :now
                    WHERE contact_id = :c AND balance >= :points RETURNING balance""")
                    .setParameter("points", points).setParameter("now", now).setParameter("c", contactId).getResultList();
            if (updated.isEmpty()) {
                List<?> balance = em.createNativeQuery("SELECT balance FROM loyalty_account WHERE contact_id = :c")
                        .setParameter("c", contactId).getResultList();
                throw insufficient(balance.isEmpty() ? 0 : SqlValues.longValue(balance.get(0)), points);
            }
            balanceBefore = SqlValues.longValue(updated.get(0)) + points;
        }
        List<Tuple> rows = Rows.list(em.createNativeQuery("""
                SELECT id AS id, remaining AS remaining, expires_at AS expires_at FROM points_lot WHERE contact_id = :c AND remaining > 0
                ORDER BY expires_at, id""", Tuple.class).setParameter("c", contactId));
        List<PointsLots.Lot> lots = rows.stream().map(r -> new PointsLots.Lot(Rows.longValue(r, "id"), Rows.longValue(r, "remaining"),
                Rows.instant(r, "expires_at"))).toList();
        List<PointsLots.Take> takes = PointsLots.take(lots, points, preferredLotId);
        long taken = PointsLots.total(takes);
        long shortfall = points - taken;
        if (!allowShortfall && shortfall > 0) {
            throw new IllegalStateException("lots of " + contactId + " hold less than its balance");
        }
        long balance = balanceBefore - taken;
        String ids = takes.stream().map(t -> Long.toString(t.lotId())).collect(Collectors.joining(",", "{", "}"));
        String amounts = takes.stream().map(t -> Long.toString(t.points())).collect(Collectors.joining(",", "{", "}"));
        // The entry, the lots it drains and the record of which lots, in one statement.
        long entryId = SqlValues.longValue(bindEntry(em.createNativeQuery("WITH entry AS (" + INSERT_ENTRY + "), " + """
                taken AS (
                    UPDATE points_lot l SET remaining = l.remaining - u.points
                    FROM unnest(CAST(:ids AS bigint[]), CAST(:amounts AS bigint[])) AS u(lot_id, points) WHERE l.id = u.lot_id
                    RETURNING l.id, u.points),
                uses AS (INSERT INTO points_lot_use (entry_id, lot_id, points) SELECT entry.id, taken.id, taken.points FROM entry, taken)
                SELECT id FROM entry"""), contactId, kind, -taken, balance, shortfall, cause, refs, now)
                .setParameter("ids", ids).setParameter("amounts", amounts).getSingleResult());
        if (allowShortfall && taken > 0) {
            setBalance(contactId, balance, now);
        }
        return new Debit(entryId, taken, shortfall, balance);
    }

    /** Gives back what a debit took, to the very lots it took from (a cancelled redemption). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Credit restore(UUID contactId, long debitEntryId, String cause, Refs refs, Instant now) {
        Account account = lock(contactId, now);
        List<Tuple> uses = Rows.list(em.createNativeQuery("SELECT lot_id AS lot_id, points AS points FROM points_lot_use WHERE entry_id = :e",
                Tuple.class).setParameter("e", debitEntryId));
        Map<Long, Long> byLot = uses.stream().collect(Collectors.toMap(u -> Rows.longValue(u, "lot_id"), u -> Rows.longValue(u, "points")));
        long points = byLot.values().stream().mapToLong(Long::longValue).sum();
        long balance = account.balance() + points;
        long entryId = insertEntry(contactId, EntryKind.REVERSE, points, balance, 0, cause, refs, now);
        em.createNativeQuery("""
                UPDATE points_lot l SET remaining = l.remaining + u.points FROM points_lot_use u
                WHERE u.entry_id = :e AND l.id = u.lot_id""").setParameter("e", debitEntryId).executeUpdate();
        setBalance(contactId, balance, now);
        return new Credit(entryId, 0, balance);
    }

    /** Adds to the points a refund could not take back (write-off or debt, as the policy says). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordShortfall(UUID contactId, long shortfall, RefundShortfall policy) {
        String column = policy == RefundShortfall.WRITE_OFF ? "written_off" : "debt";
        em.createNativeQuery("UPDATE loyalty_account SET " + column + " = " + column + " + :s WHERE contact_id = :c")
                .setParameter("s", shortfall).setParameter("c", contactId).executeUpdate();
    }

    public static ProblemException insufficient(long balance, long needed) {
        return new ProblemException(409, ProblemTypes.INSUFFICIENT_POINTS, "Insufficient points",
                "This needs " + needed + " points; the customer has " + balance + " available", List.of(),
                Map.of("balance", balance, "needed", needed));
    }

    private static final String INSERT_ENTRY = """
            INSERT INTO points_entry (contact_id, kind, points, balance_after, shortfall, cause, purchase_id, refund_id,
                                      redemption_id, referred_contact_id, reason, actor_id, created_at)
            VALUES (:c, :kind, :points, :balance, :shortfall, :cause, CAST(:purchase AS uuid), CAST(:refund AS uuid),
                    CAST(:redemption AS uuid), CAST(:referred AS uuid), CAST(:reason AS varchar), CAST(:actor AS uuid), :now)
            RETURNING id""";

    private long insertEntry(UUID contactId, EntryKind kind, long points, long balanceAfter, long shortfall, String cause, Refs refs,
            Instant now) {
        return SqlValues.longValue(bindEntry(em.createNativeQuery(INSERT_ENTRY), contactId, kind, points, balanceAfter, shortfall, cause,
                refs, now).getSingleResult());
    }

    private static Query bindEntry(Query query, UUID contactId, EntryKind kind, long points, long balanceAfter, long shortfall,
            String cause, Refs refs, Instant now) {
        return query.setParameter("c", contactId).setParameter("kind", kind.name()).setParameter("points", points)
                .setParameter("balance", balanceAfter).setParameter("shortfall", shortfall).setParameter("cause", cause)
                .setParameter("purchase", text(refs.purchaseId())).setParameter("refund", text(refs.refundId()))
                .setParameter("redemption", text(refs.redemptionId())).setParameter("referred", text(refs.referredContactId()))
                .setParameter("reason", refs.reason()).setParameter("actor", text(refs.actorId())).setParameter("now", now);
    }

    private void setBalance(UUID contactId, long balance, Instant now) {
        em.createNativeQuery("UPDATE loyalty_account SET balance = :b, updated_at = :now WHERE contact_id = :c")
                .setParameter("b", balance).setParameter("now", now).setParameter("c", contactId).executeUpdate();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
