package io.guanxi.crm.churnrisk;

import io.guanxi.crm.consent.ConsentChanged;
import io.guanxi.crm.consent.ConsentPurposes;
import io.guanxi.crm.churnrisk.api.ChurnRiskReport;
import io.guanxi.crm.complaint.ComplaintChanged;
import io.guanxi.crm.survey.SurveyAnswered;
import io.guanxi.crm.interaction.InteractionLogged;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.jobs.JobResponse;
import io.guanxi.crm.platform.jobs.Jobs;
import io.guanxi.crm.purchase.PurchaseRecorded;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes churn-risk scores: every customer nightly ({@code guanxi.churn-risk.recompute-cron}) or when an
 * admin asks (a platform job), and one customer in the transaction of each event that moves a signal —
 * a purchase or refund, an interaction, a complaint received or moved a step. The owners of those
 * events do not know this feature.
 */
@ApplicationScoped
public class ChurnRiskRecompute {

    public static final String JOB_KIND = "CHURN_RISK_RECOMPUTE";
    private static final Logger LOG = Logger.getLogger(ChurnRiskRecompute.class);

    @Inject
    ChurnRiskRepository repository;

    @Inject
    ChurnRiskPolicies policies;

    @Inject
    Jobs jobs;

    @Inject
    Clock clock;

    @Inject
    GuanxiConfig config;

    public JobResponse start(UUID requestedBy) {
        return jobs.start(JOB_KIND, requestedBy, progress -> run());
    }

    @Scheduled(cron = "{guanxi.churn-risk.recompute-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "churn-risk-recompute")
    @Nonconcurrent
    void nightly() {
        if (!jobs.runNow(JOB_KIND, progress -> run())) {
            LOG.info("Churn-risk recompute skipped: one is already running");
        }
    }

    private ChurnRiskReport run() {
        return QuarkusTransaction.requiringNew().timeout(config.churnRisk().recomputeTimeout()).call(() -> recomputeAll(clock.instant()));
    }

    /** Every customer, in the caller's transaction. */
    @Transactional
    ChurnRiskReport recomputeAll(Instant now) {
        long started = System.nanoTime();
        repository.lockForRecompute();
        ChurnRiskPolicy policy = policies.current();
        Tuple result = repository.write(null, policy.version, policy.expiringWithinDays, now);
        return new ChurnRiskReport(Rows.longValue(result, "customers"), Rows.longValue(result, "high"), Rows.longValue(result, "medium"),
                Rows.longValue(result, "removed"), policy.version, now, (System.nanoTime() - started) / 1_000_000);
    }

    /** These customers only (a contact that is no longer a customer loses its row). */
    @Transactional
    public void recompute(List<UUID> contactIds) {
        recompute(contactIds, clock.instant());
    }

    @Transactional
    void recompute(List<UUID> contactIds, Instant now) {
        ChurnRiskPolicy policy = policies.current();
        repository.write(contactIds, policy.version, policy.expiringWithinDays, now);
    }

    // After tiers (a level) and points (lots) have followed the same purchase.
    void onPurchase(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) PurchaseRecorded event) {
        recompute(List.of(event.contactId()));
    }

    void onInteraction(@Observes InteractionLogged event) {
        recompute(List.of(event.contactId()));
    }

    void onComplaint(@Observes ComplaintChanged event) {
        recompute(List.of(event.contactId()));
    }

    // An objection to profiling removes the score at once; withdrawing it brings the score back.
    void onConsentChanged(@Observes ConsentChanged event) {
        if (ConsentPurposes.PROFILING.equals(event.purposeCode())) {
            recompute(List.of(event.contactId()));
        }
    }

    // After the survey stored the answer: a detractor's score rises at once.
    void onSurveyAnswered(@Observes SurveyAnswered event) {
        recompute(List.of(event.contactId()));
    }
}
