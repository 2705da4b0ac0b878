package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.jobs.JobResponse;
import io.guanxi.crm.platform.jobs.Jobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Expires what is left of the lots whose time has come: one EXPIRE entry per account and run,
 * naming the lots it emptied. Set-based, a slice of accounts per transaction; each slice first locks
 * its accounts (in id order, like every other writer locks one), then reads the lots afresh.
 */
@ApplicationScoped
public class PointsExpiry {

    public static final String JOB_KIND = "POINTS_EXPIRY";
    private static final Logger LOG = Logger.getLogger(PointsExpiry.class);
    private static final int SLICE = 1000;

    /** What a run expired. */
    public record ExpiryReport(Instant asOf, long accounts, long lots, long points) {
    }

    @Inject
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    Clock clock;

    @Scheduled(cron = "{guanxi.loyalty.expiry-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "points-expiry")
    void nightly() {
        if (!jobs.runNow(JOB_KIND, progress -> expire(clock.instant(), progress))) {
            LOG.info("Points expiry skipped: a run is already going");
        }
    }

    /** Starts a run in the background (409 while one runs). */
    public JobResponse start(UUID requestedBy) {
        Instant now = clock.instant();
        return jobs.start(JOB_KIND, requestedBy, progress -> expire(now, progress));
    }

    /** Expires everything due at {@code now}; {@code progress} may be null. */
    public ExpiryReport expire(Instant now, Jobs.Progress progress) {
        @SuppressWarnings("unchecked")
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT DISTINCT contact_id FROM points_lot WHERE remaining > 0 AND expires_at <= :now ORDER BY contact_id""", UUID.class)
                .setParameter("now", now).getResultList());
        long accounts = 0;
        long lots = 0;
        long points = 0;
        for (int from = 0; from < due.size(); from += SLICE) {
            List<UUID> slice = due.subList(from, Math.min(due.size(), from + SLICE));
            Tuple done = QuarkusTransaction.requiringNew().call(() -> expireSlice(slice, now));
            accounts += Rows.longValue(done, "accounts");
            lots += Rows.longValue(done, "lots");
            points += Rows.longOrZero(done, "points");
            if (progress != null) {
                progress.update("expiring", from + slice.size(), (long) due.size());
            }
        }
        ExpiryReport report = new ExpiryReport(now, accounts, lots, points);
        if (points > 0) {
            LOG.infof("Points expiry: %s", report);
        }
        return report;
    }

    private Tuple expireSlice(List<UUID> slice, Instant now) {
        String ids = slice.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        em.createNativeQuery("""
                SELECT contact_id FROM loyalty_account WHERE contact_id = ANY(CAST(:ids AS uuid[])) ORDER BY contact_id FOR UPDATE""")
                .setParameter("ids", ids).getResultList();
        // A new statement, so the lots are read after the locks: nothing spent meanwhile is expired again.
        return Rows.one(em.createNativeQuery("""
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
    }
}
