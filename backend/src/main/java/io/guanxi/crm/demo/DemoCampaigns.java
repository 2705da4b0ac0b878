package io.guanxi.crm.demo;

import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.activity.RuleActivities.PlannedActivity;
import io.guanxi.crm.activity.RuleActivity;
import io.guanxi.crm.campaign.Campaign;
import io.guanxi.crm.campaign.CampaignCategory;
import io.guanxi.crm.campaign.CampaignOutcome;
import io.guanxi.crm.campaign.CampaignRepository;
import io.guanxi.crm.campaign.CampaignState;
import io.guanxi.crm.campaign.Segments;
import io.guanxi.crm.campaign.api.Segment;
import io.guanxi.crm.contact.LifecycleStage;
import io.guanxi.crm.contact.Region;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One launched campaign (the manager's, to loyal customers in 华东) with some outcomes, so the campaigns page has one. */
@ApplicationScoped
public class DemoCampaigns {

    private static final CampaignOutcome[] SOME = {CampaignOutcome.REACHED, CampaignOutcome.NO_ANSWER, CampaignOutcome.BOOKED};

    @Inject
    CampaignRepository campaigns;

    @Inject
    RuleActivities activities;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    public void seed(UUID manager) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            ZoneId zone = ZoneId.of(config.zone());
            LocalDate today = LocalDate.ofInstant(now, zone);
            Campaign campaign = new Campaign();
            campaign.id = Ids.newId();
            campaign.name = "中秋客户关怀";
            campaign.category = CampaignCategory.RELATIONSHIP;
            campaign.segment = new Segment(List.of(), List.of(), List.of(LifecycleStage.LOYALTY), List.of(), List.of(Region.EAST), null, List.of(), null);
            campaign.script = "您好，我是您的客户经理。中秋将至，感谢您一直以来的支持，祝您和家人节日快乐！最近产品使用还顺利吗？";
            campaign.startsOn = today;
            campaign.endsOn = today.plusDays(14);
            campaign.ownerId = manager;
            campaign.purchaseWindowDays = 30;
            campaign.state = CampaignState.LAUNCHED;
            campaign.createdBy = manager;
            campaign.createdAt = campaign.updatedAt = campaign.launchedAt = now;
            campaign.launchedBy = manager;
            campaigns.persist(campaign);
            campaigns.flush();
            Instant dueAt = today.atStartOfDay(zone).toInstant();
            Instant overdueAt = campaign.endsOn.plusDays(1).atStartOfDay(zone).toInstant();
            List<Tuple> targets = campaigns.claimTargets(campaign.id, Segments.everyoneMatching(campaign.segment, false, now));
            List<PlannedActivity> planned = new ArrayList<>();
            for (Tuple row : targets) {
                planned.add(new PlannedActivity(Rows.uuid(row, "activity_id"), new RuleActivity(Rows.uuid(row, "assignee_id"),
                        Rows.uuid(row, "contact_id"), null, null, dueAt, overdueAt),
                        Map.of("campaignId", campaign.id.toString(), "campaign", campaign.name)));
            }
            activities.scheduleEach(ActivityRule.CAMPAIGN, planned, now);
            // A third of the targets already called: some reached, some not, some booked.
            for (int i = 0; i < targets.size(); i += 3) {
                Tuple row = targets.get(i);
                campaigns.recordOutcome(campaign.id, Rows.uuid(row, "contact_id"), SOME[(i / 3) % SOME.length],
                        Rows.uuid(row, "assignee_id"), now);
                activities.completePlanned(Rows.uuid(row, "activity_id"), Rows.uuid(row, "assignee_id"), now);
            }
        });
    }
}
