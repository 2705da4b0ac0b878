package io.guanxi.crm.tier;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Nightly recompute and the periodic level review (downgrades happen only there). */
@ApplicationScoped
public class TierSchedule {

    private static final Logger LOG = Logger.getLogger(TierSchedule.class);

    @Inject
    TierService tiers;

    @Scheduled(cron = "{guanxi.tiers.recompute-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "tier-recompute")
    @Nonconcurrent
    void nightly() {
        if (!tiers.recomputeNow(false)) {
            LOG.info("Tier recompute skipped: one is already running");
        }
    }

    @Scheduled(cron = "{guanxi.tiers.review-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "tier-review")
    @Nonconcurrent
    void review() {
        if (!tiers.recomputeNow(true)) {
            LOG.info("Tier review skipped: a recompute is already running");
        }
    }
}
