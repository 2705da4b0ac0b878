package io.guanxi.crm.loyalty;

import io.guanxi.crm.platform.jobs.JobResponse;
import io.guanxi.crm.platform.jobs.Jobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
    PointsExpiryRepository repository;

    @Inject
    Jobs jobs;

    @Inject
    Clock clock;

    @Scheduled(cron = "{guanxi.loyalty.expiry-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "points-expiry")
    @Nonconcurrent
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
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> repository.accountsWithExpiringPoints(now));
        long accounts = 0;
        long lots = 0;
        long points = 0;
        for (int from = 0; from < due.size(); from += SLICE) {
            List<UUID> slice = due.subList(from, Math.min(due.size(), from + SLICE));
            PointsExpiryRepository.SliceResult done = QuarkusTransaction.requiringNew().call(() -> repository.expireSlice(slice, now));
            accounts += done.accounts();
            lots += done.lots();
            points += done.points();
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
}
