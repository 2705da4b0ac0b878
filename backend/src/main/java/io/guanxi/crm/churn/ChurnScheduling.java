package io.guanxi.crm.churn;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The churn jobs: the daily rule (guanxi.churn.rule-cron, default 03:45 each day) and the monthly review
 * (guanxi.churn.review-cron, default every hour at :10), which produces last month's review — last month
 * in the business time zone — when it does not exist yet, so it appears within the first hour of the 1st
 * there whatever the server's own zone, and a server that was down on the 1st catches up.
 */
@ApplicationScoped
public class ChurnScheduling {

    @Inject
    ChurnService churn;

    @Inject
    ChurnReviews reviews;

    @Inject
    Clock clock;

    @Scheduled(identity = "churn-rule", cron = "{guanxi.churn.rule-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void rule() {
        churn.runRule(clock.instant());
    }

    @Scheduled(identity = "churn-review", cron = "{guanxi.churn.review-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void review() {
        reviews.produceDue(clock.instant());
    }
}
