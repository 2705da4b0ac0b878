package io.guanxi.crm.lead;

import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.activity.RuleActivity;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Rows;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * 001 §4.2 "客户3天未互动，自动触发关怀": an open, owned lead whose customer had no interaction for the
 * policy's care period gets one follow-up activity for its owner, due that day. One, not a pile: the
 * rule keeps one open per lead, and one done within the period is not repeated. Hourly.
 */
@ApplicationScoped
public class LeadFollowUps {

    @Inject
    LeadFollowUpRepository leads;

    @Inject
    ScoringPolicyService policies;

    @Inject
    RuleActivities activities;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "lead-follow-ups", every = "${guanxi.activities.scan-every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void scheduled() {
        scheduleFollowUps(clock.instant());
    }

    /** Returns how many follow-ups were made. */
    @Transactional
    public int scheduleFollowUps(Instant now) {
        int days = policies.current().careAfterDays;
        ZoneId zone = ZoneId.of(config.zone());
        LocalDate today = LocalDate.ofInstant(now, zone);
        var quiet = leads.quietLeads(now, days).stream()
                .map(r -> RuleActivity.forLeadOn(Rows.uuid(r, "owner_id"), Rows.uuid(r, "contact_id"), Rows.uuid(r, "id"), today, zone))
                .toList();
        return activities.schedule(ActivityRule.LEAD_NO_INTERACTION, Map.of("days", Integer.toString(days)), quiet,
                now.minus(Duration.ofDays(days)), now);
    }
}
