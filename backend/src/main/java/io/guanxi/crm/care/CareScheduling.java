package io.guanxi.crm.care;

import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.activity.RuleActivities.PlannedActivity;
import io.guanxi.crm.activity.RuleActivity;
import io.guanxi.crm.care.api.CareScanResult;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.tier.MembershipLevel;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns customers' occasions into care activities for their owners (SPEC §8; 000 ch.3 "客户关怀"):
 * due the policy's days before the occasion (today if that has passed), once per occasion per customer,
 * never for an archived customer. A personal call (for the policy's tiers and levels) is service and
 * needs no consent; a greeting message is marketing and is made only for a customer who agreed to
 * marketing messages — for the others the occasion is recorded as NO_CONSENT and nothing is sent.
 */
@ApplicationScoped
public class CareScheduling {

    @Inject
    CarePolicies policies;

    @Inject
    CareRepository care;

    @Inject
    RuleActivities activities;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "care-scan", every = "${guanxi.care.scan-every:6h}", delayed = "3m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void scheduled() {
        scan(clock.instant());
    }

    @Transactional
    public CareScanResult scan(Instant now) {
        CarePolicy policy = policies.current();
        ZoneId zone = ZoneId.of(config.zone());
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<String> callLevels = policy.callMinLevel == null ? List.of()
                : Arrays.stream(MembershipLevel.values()).filter(l -> l.compareTo(policy.callMinLevel) >= 0).map(Enum::name).toList();
        List<Tuple> claimed = care.claimDue(CareWindow.of(today, zone, policy), policy, callLevels, now);

        List<PlannedActivity> calls = new ArrayList<>();
        List<PlannedActivity> greetings = new ArrayList<>();
        int withoutConsent = 0;
        for (Tuple row : claimed) {
            String handling = row.get("handling", String.class);
            if (handling.equals("NO_CONSENT")) {
                withoutConsent++;
                continue;
            }
            Occasion occasion = Occasion.valueOf(row.get("occasion", String.class));
            LocalDate date = Rows.localDate(row, "occasion_date");
            LocalDate dueDay = date.minusDays(policy.daysBefore).isBefore(today) ? today : date.minusDays(policy.daysBefore);
            RuleActivity activity = RuleActivity.forContactOn(Rows.uuid(row, "owner_id"), Rows.uuid(row, "contact_id"), dueDay, zone);
            Map<String, String> params = handling.equals("CALL")
                    ? Map.of("occasion", occasion.name(), "date", date.toString())
                    : Map.of("occasion", occasion.name(), "date", date.toString(),
                            "messageZh", render(policy.greetingZh, "尊敬的", row.get("name", String.class), occasion.nameZh()),
                            "messageEn", render(policy.greetingEn, "Dear", row.get("name", String.class), occasion.nameEn()));
            (handling.equals("CALL") ? calls : greetings).add(new PlannedActivity(Rows.uuid(row, "activity_id"), activity, params));
        }
        activities.scheduleEach(ActivityRule.CARE_CALL, calls, now);
        activities.scheduleEach(ActivityRule.CARE_GREETING, greetings, now);
        return new CareScanResult(calls.size(), greetings.size(), withoutConsent);
    }

    /** The greeting with its placeholders filled in; one that is not a placeholder stays as written. */
    static String render(String template, String honorific, String name, String occasion) {
        return template.replace("{honorific}", honorific).replace("{name}", name).replace("{occasion}", occasion);
    }
}
