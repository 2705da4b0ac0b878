package io.guanxi.crm.privacy;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The monthly retention review (guanxi.privacy.retention.review-cron, default the 1st at 04:20). */
@ApplicationScoped
public class RetentionScheduling {

    @Inject
    RetentionReviews reviews;

    @Scheduled(identity = "privacy-retention-review", cron = "{guanxi.privacy.retention.review-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void review() {
        reviews.run();
    }
}
