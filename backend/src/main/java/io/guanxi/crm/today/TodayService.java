package io.guanxi.crm.today;

import io.guanxi.crm.activity.ActivityDay;
import io.guanxi.crm.care.CareBirthdays;
import io.guanxi.crm.complaint.ComplaintQueues;
import io.guanxi.crm.contact.QuietCustomers;
import io.guanxi.crm.lead.LeadQueues;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.today.api.TeamToday;
import io.guanxi.crm.today.api.TodayResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * 工作台: composes a working day from the features' published queues (owns no table), in one read-only
 * transaction so that every count is of the same moment.
 */
@ApplicationScoped
public class TodayService {

    private static final int FIRST = 10;

    @Inject
    ActivityDay activities;

    @Inject
    LeadQueues leads;

    @Inject
    QuietCustomers quietCustomers;

    @Inject
    ComplaintQueues complaints;

    @Inject
    CareBirthdays birthdays;

    @Inject
    CurrentUser currentUser;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Transactional
    public TodayResponse today() {
        Instant now = clock.instant();
        ActivityDay.MyDay day = activities.myDay(now, FIRST);
        boolean rep = currentUser.has(Role.SALES_REP);
        boolean agent = currentUser.has(Role.SERVICE_AGENT);
        boolean manager = currentUser.isManagerOrAdmin();
        Instant quietSince = now.minus(Duration.ofDays(config.activities().quietCustomerDays()));
        return new TodayResponse(now, LocalDate.ofInstant(now, ZoneId.of(config.zone())), day.overdue(), day.dueToday(),
                day.nextSevenDays(),
                rep ? leads.myNewLeads(5) : null,
                rep ? quietCustomers.mine(quietSince, 5) : null,
                rep ? birthdays.mineThisWeek(now, 5) : null,
                agent ? complaints.urgent(FIRST) : null,
                manager ? new TeamToday(activities.teamOverdue(now, FIRST), leads.unassigned(5),
                        leads.reachSince(now.minus(Duration.ofDays(7))), activities.onTimeThisWeek(now)) : null);
    }
}
