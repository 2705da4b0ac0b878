package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The set-based statements of the points expiry. */
@ApplicationScoped
public class PointsExpiryRepository {

    /** What one slice expired. */
    record SliceResult(long accounts, long lots, long points) {
    }

    @Inject
    EntityManager em;

    /** The accounts with points due to expire at {@code now}, in id order. */
    List<UUID> accountsWithExpiringPoints(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                SELECT DISTINCT contact_id FROM points_lot WHERE remaining > 0 AND expires_at <= :now ORDER BY contact_id""", UUID.class)
                .setParameter("now", now).getResultList();
        return due;
    }

    /**
     * Locks the slice's accounts (in id order, like every other writer locks one), then in a new statement — so the lots
     * are read after the locks and nothing spent meanwhile is expired again — empties the lots due, one EXPIRE entry per
     * account naming the lots it emptied.
     */
    SliceResult expireSlice(List<UUID> slice, Instant now) {
        String ids = slice.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        em.createNativeQuery("""
                SELECT contact_id FROM loyalty_account WHERE contact_id = ANY(CAST(:ids AS uuid[])) ORDER BY contact_id FOR UPDATE""")
                .setParameter("ids", ids).getResultList();
        Tuple done = Rows.one(em.createNativeQuery("""
                WITH due AS (
                    SELECT id, contact_id, remaining FROM points_lot
                    WHERE contact_id = ANY(CAST(:ids AS uuid[])) AND remaining > 0 AND expires_at <= :now),
                zeroed AS (
                    UPDATE points_lot l SET remaining = 0 FROM due WHERE l.id = due.id
                    RETURNING l.id, l.contact_id, due.remaining AS points),
                totals AS (SELECT contact_id, sum(points) AS points FROM zeroed GROUP BY contact_id),
                accounts AS (
                    UPDATE loyalty_account a SET balance = a.balance - t.points, updated_at = :now FROM totals t
                    WHERE a.contact_id = t.contact_id RETURNING a.contact_id, a.balance, t.points),
                entries AS (
                    INSERT INTO points_entry (contact_id, kind, points, balance_after, cause, created_at)
                    SELECT contact_id, 'EXPIRE', -points, balance, 'LOTS_EXPIRED', :now FROM accounts
                    RETURNING id, contact_id),
                uses AS (
                    INSERT INTO points_lot_use (entry_id, lot_id, points)
                    SELECT e.id, z.id, z.points FROM entries e JOIN zeroed z USING (contact_id) RETURNING points)
                SELECT (SELECT count(*) FROM accounts) AS accounts, count(*) AS lots, sum(points) AS points FROM uses""", Tuple.class)
                .setParameter("ids", ids).setParameter("now", now));
        return new SliceResult(Rows.longValue(done, "accounts"), Rows.longValue(done, "lots"), Rows.longOrZero(done, "points"));
    }
}
