package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every statement on {@code loyalty_account}, {@code points_entry}, {@code points_lot} and {@code points_lot_use} that
 * {@link PointsLedger} runs. The ledger holds the rules (lock first, FIFO lots, debt settled from new points); this
 * class holds the SQL.
 */
@ApplicationScoped
public class PointsLedgerRepository {

    @Inject
    EntityManager em;

    /** The account row locked, if it exists. */
    Optional<PointsLedger.Account> lockAccount(UUID contactId) {
        return Rows.first(em.createNativeQuery("SELECT balance AS balance, debt AS debt FROM loyalty_account WHERE contact_id = :c FOR UPDATE",
                Tuple.class).setParameter("c", contactId))
                .map(row -> new PointsLedger.Account(Rows.longValue(row, "balance"), Rows.longValue(row, "debt")));
    }

    void openAccount(UUID contactId, Instant now) {
        em.createNativeQuery("""
                INSERT INTO loyalty_account (contact_id, created_at, updated_at) VALUES (:c, :now, :now)
                ON CONFLICT DO NOTHING""").setParameter("c", contactId).setParameter("now", now).executeUpdate();
    }

    long insertLot(UUID contactId, long entryId, long points, Instant now, Instant expiresAt) {
        return SqlValues.longValue(em.createNativeQuery("""
                INSERT INTO points_lot (contact_id, entry_id, points, remaining, earned_at, expires_at)
                VALUES (:c, :entry, :points, :points, :now, :expires) RETURNING id""")
                .setParameter("c", contactId).setParameter("entry", entryId).setParameter("points", points)
                .setParameter("now", now).setParameter("expires", expiresAt).getSingleResult());
    }

    void reduceDebt(UUID contactId, long settled) {
        em.createNativeQuery("UPDATE loyalty_account SET debt = debt - :settled WHERE contact_id = :c")
                .setParameter("settled", settled).setParameter("c", contactId).executeUpdate();
    }

    /** Lock, check and take in one statement; the balance after, or empty when it held fewer than {@code points}. */
    Optional<Long> takeIfCovered(UUID contactId, long points, Instant now) {
        List<?> updated = em.createNativeQuery("""
                UPDATE loyalty_account SET balance = balance - :points, updated_at = :now
                WHERE contact_id = :c AND balance >= :points RETURNING balance""")
                .setParameter("points", points).setParameter("now", now).setParameter("c", contactId).getResultList();
        return updated.isEmpty() ? Optional.empty() : Optional.of(SqlValues.longValue(updated.get(0)));
    }

    long balance(UUID contactId) {
        List<?> balance = em.createNativeQuery("SELECT balance FROM loyalty_account WHERE contact_id = :c").setParameter("c", contactId)
                .getResultList();
        return balance.isEmpty() ? 0 : SqlValues.longValue(balance.get(0));
    }

    /** The lots with points left, those that expire first first. */
    List<PointsLots.Lot> openLots(UUID contactId) {
        return Rows.list(em.createNativeQuery("""
                SELECT id AS id, remaining AS remaining, expires_at AS expires_at FROM points_lot WHERE contact_id = :c AND remaining > 0
                ORDER BY expires_at, id""", Tuple.class).setParameter("c", contactId)).stream()
                .map(r -> new PointsLots.Lot(Rows.longValue(r, "id"), Rows.longValue(r, "remaining"), Rows.instant(r, "expires_at")))
                .toList();
    }

    /** The entry, the lots it drains and the record of which lots, in one statement; returns the entry's id. */
    long insertDebit(UUID contactId, EntryKind kind, long points, long balanceAfter, long shortfall, String cause, PointsLedger.Refs refs,
            Instant now, List<PointsLots.Take> takes) {
        String ids = takes.stream().map(t -> Long.toString(t.lotId())).collect(Collectors.joining(",", "{", "}"));
        String amounts = takes.stream().map(t -> Long.toString(t.points())).collect(Collectors.joining(",", "{", "}"));
        return SqlValues.longValue(bindEntry(em.createNativeQuery("WITH entry AS (" + INSERT_ENTRY + "), " + """
                taken AS (
                    UPDATE points_lot l SET remaining = l.remaining - u.points
                    FROM unnest(CAST(:ids AS bigint[]), CAST(:amounts AS bigint[])) AS u(lot_id, points) WHERE l.id = u.lot_id
                    RETURNING l.id, u.points),
                uses AS (INSERT INTO points_lot_use (entry_id, lot_id, points) SELECT entry.id, taken.id, taken.points FROM entry, taken)
                SELECT id FROM entry"""), contactId, kind, points, balanceAfter, shortfall, cause, refs, now)
                .setParameter("ids", ids).setParameter("amounts", amounts).getSingleResult());
    }

    /** What a debit took, by lot. */
    Map<Long, Long> uses(long debitEntryId) {
        return Rows.list(em.createNativeQuery("SELECT lot_id AS lot_id, points AS points FROM points_lot_use WHERE entry_id = :e",
                Tuple.class).setParameter("e", debitEntryId)).stream()
                .collect(Collectors.toMap(u -> Rows.longValue(u, "lot_id"), u -> Rows.longValue(u, "points")));
    }

    /** Puts back into the lots what a debit took from them. */
    void refillLots(long debitEntryId) {
        em.createNativeQuery("""
                UPDATE points_lot l SET remaining = l.remaining + u.points FROM points_lot_use u
                WHERE u.entry_id = :e AND l.id = u.lot_id""").setParameter("e", debitEntryId).executeUpdate();
    }

    void addShortfall(UUID contactId, long shortfall, RefundShortfall policy) {
        String column = policy == RefundShortfall.WRITE_OFF ? "written_off" : "debt";
        em.createNativeQuery("UPDATE loyalty_account SET " + column + " = " + column + " + :s WHERE contact_id = :c")
                .setParameter("s", shortfall).setParameter("c", contactId).executeUpdate();
    }

    void setBalance(UUID contactId, long balance, Instant now) {
        em.createNativeQuery("UPDATE loyalty_account SET balance = :b, updated_at = :now WHERE contact_id = :c")
                .setParameter("b", balance).setParameter("now", now).setParameter("c", contactId).executeUpdate();
    }

    private static final String INSERT_ENTRY = """
            INSERT INTO points_entry (contact_id, kind, points, balance_after, shortfall, cause, purchase_id, refund_id,
                                      redemption_id, referred_contact_id, reason, actor_id, created_at)
            VALUES (:c, :kind, :points, :balance, :shortfall, :cause, CAST(:purchase AS uuid), CAST(:refund AS uuid),
                    CAST(:redemption AS uuid), CAST(:referred AS uuid), CAST(:reason AS varchar), CAST(:actor AS uuid), :now)
            RETURNING id""";

    long insertEntry(UUID contactId, EntryKind kind, long points, long balanceAfter, long shortfall, String cause, PointsLedger.Refs refs,
            Instant now) {
        return SqlValues.longValue(bindEntry(em.createNativeQuery(INSERT_ENTRY), contactId, kind, points, balanceAfter, shortfall, cause,
                refs, now).getSingleResult());
    }

    private static Query bindEntry(Query query, UUID contactId, EntryKind kind, long points, long balanceAfter, long shortfall,
            String cause, PointsLedger.Refs refs, Instant now) {
        return query.setParameter("c", contactId).setParameter("kind", kind.name()).setParameter("points", points)
                .setParameter("balance", balanceAfter).setParameter("shortfall", shortfall).setParameter("cause", cause)
                .setParameter("purchase", text(refs.purchaseId())).setParameter("refund", text(refs.refundId()))
                .setParameter("redemption", text(refs.redemptionId())).setParameter("referred", text(refs.referredContactId()))
                .setParameter("reason", refs.reason()).setParameter("actor", text(refs.actorId())).setParameter("now", now);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
