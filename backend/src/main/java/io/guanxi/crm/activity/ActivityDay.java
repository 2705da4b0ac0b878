package io.guanxi.crm.activity;

import io.guanxi.crm.activity.api.ActivityResponse;
import io.guanxi.crm.activity.api.OnTime;
import io.guanxi.crm.activity.api.TeamLoad;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.paging.Slice;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The activities side of a working day, published for the today page: what is overdue, what falls due
 * today and in the next seven days for the caller, and for managers the team's backlog and punctuality.
 */
@ApplicationScoped
public class ActivityDay {

    /** One's day: overdue and due today (each counted up to the cap, with the first few), and how many fall due in the 7 days after (up to the cap). */
    public record MyDay(Slice<ActivityResponse> overdue, Slice<ActivityResponse> dueToday, long nextSevenDays) {
    }

    @Inject
    ActivityRepository activities;

    @Inject
    ActivityService service;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    GuanxiConfig config;

    @Transactional
    public MyDay myDay(Instant now, int limit) {
        UUID me = currentUser.id();
        ZoneId zone = ZoneId.of(config.zone());
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant start = today.atStartOfDay(zone).toInstant();
        Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        Instant weekEnd = today.plusDays(8).atStartOfDay(zone).toInstant();
        return new MyDay(
                Slice.of(activities.countOverdue(me, now), service.toResponses(activities.firstOverdue(me, now, limit))),
                Slice.of(activities.countDue(me, start, tomorrow, now),
                        service.toResponses(activities.firstDue(me, start, tomorrow, now, limit))),
                Math.min(activities.countDue(me, tomorrow, weekEnd, now), Slice.COUNT_CAP));
    }

    /** Managers and admins: who on the team has overdue activities, most first. */
    @Transactional
    public List<TeamLoad> teamOverdue(Instant now, int limit) {
        requireManager();
        List<Tuple> rows = activities.overdueByAssignee(now, limit);
        Map<UUID, String> names = users.displayNames(rows.stream().map(r -> Rows.uuid(r, "assignee_id")).toList());
        return rows.stream().map(r -> new TeamLoad(Rows.uuid(r, "assignee_id"), names.get(Rows.uuid(r, "assignee_id")),
                Rows.longValue(r, "overdue"))).toList();
    }

    /** Managers and admins: the team's punctuality since Monday (business time zone). */
    @Transactional
    public OnTime onTimeThisWeek(Instant now) {
        requireManager();
        ZoneId zone = ZoneId.of(config.zone());
        Instant monday = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(zone).toInstant();
        Tuple row = activities.doneOnTime(monday, now);
        return new OnTime(Rows.longValue(row, "due"), Rows.longValue(row, "on_time"));
    }

    private void requireManager() {
        if (!currentUser.isManagerOrAdmin()) {
            throw ProblemException.forbidden("Only managers and admins see team figures");
        }
    }
}
