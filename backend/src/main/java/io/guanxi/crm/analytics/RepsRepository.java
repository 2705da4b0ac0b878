package io.guanxi.crm.analytics;

import io.guanxi.crm.activity.ActivityReadModel;
import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.interaction.InteractionReadModel;
import io.guanxi.crm.lead.LeadReadModel;
import io.guanxi.crm.platform.db.Reporting;
import io.guanxi.crm.platform.db.Rows;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A rep's follow-up efficiency, per owner of leads (assignee of activities) and for the whole scope (the
 * team row, unassigned leads included): how fast new leads are first contacted, the work on open leads,
 * conversion, and activities done on time.
 */
@ApplicationScoped
public class RepsRepository {

    /** A lead's first 24 h: once over, a lead not contacted within them is missed. */
    private static final String DAY = "interval '24 hours'";

    /** A first contact at most this many whole minutes after the lead's creation is "within 24 h". */
    static final int WITHIN_MINUTES = 24 * 60;

    /** How new leads were followed up: per owner ({@code owner} set) or the team ({@code owner} null). */
    record Speed(UUID owner, long newLeads, BigDecimal medianHours, BigDecimal p90Hours, long within24h, long missed24h, long converted) {
    }

    /** Interactions in the period on the contacts of the leads open during it. */
    record OpenWork(UUID owner, long openLeads, long interactions) {
    }

    /** Activities due in the period whose deadline has passed (or that are done), and those done by it. */
    record Timeliness(UUID owner, long due, long onTime) {
    }

    @Inject
    @PersistenceUnit(Reporting.UNIT)
    EntityManager em;

    /**
     * Leads created in the period: the team's figures and, with {@code byRep}, each owner's. From
     * {@link LeadReadModel#FIRST_CONTACT_BY_MONTH} when {@link #speedFromRollup} and no percentile falls into one of its
     * open buckets; else from the raw leads.
     */
    List<Speed> speed(AnalyticsQuery query, Period period, boolean byRep) {
        if (speedFromRollup(query, period)) {
            List<Speed> rolled = rolledUpSpeed(query, period, byRep);
            if (rolled != null) {
                return rolled;
            }
        }
        return speedRaw(query, period.start(query.zone()), period.end(query.zone()), byRep);
    }

    /**
     * Whether a period's follow-up speed can be read from {@link LeadReadModel#FIRST_CONTACT_BY_MONTH} (and its conversions
     * from {@link LeadReadModel#FUNNEL_BY_MONTH}): whole calendar months in the zone both count in, no region or tier filter
     * (the rollup has the lead's owner only).
     */
    static boolean speedFromRollup(AnalyticsQuery query, Period period) {
        return query.filter().region() == null && query.filter().tier() == null
                && LeadReadModel.FIRST_CONTACT_BY_MONTH_ZONE.equals(query.zone().getId())
                && LeadReadModel.FUNNEL_BY_DAY_ZONE.equals(query.zone().getId())
                && period.from().getDayOfMonth() == 1 && period.to().plusDays(1).getDayOfMonth() == 1;
    }

    /**
     * The rollup's counts per minute summed over the period's months, per owner and for the team; the values at the two
     * ranks percentile_cont interpolates between are the first minutes whose running count passes each rank, and the
     * interpolation is percentile_cont's own ({@code lo + (hi - lo) × fraction} in double precision), so the figures are
     * the raw statement's to the last digit. Null when a neighbouring rank falls into an open bucket (the raw leads decide).
     * Leads missed = not contacted within 24 h, less those created in the last 24 h (not decided yet, counted live).
     */
    private List<Speed> rolledUpSpeed(AnalyticsQuery query, Period period, boolean byRep) {
        Map<String, Object> params = new HashMap<>();
        params.put("fromMonth", period.from());
        params.put("toMonth", period.to().withDayOfMonth(1));
        String grouping = byRep ? "GROUP BY GROUPING SETS ((r.minutes), (r.owner_id, r.minutes))" : "GROUP BY r.minutes";
        String sql = """
                WITH h AS (
                    SELECT %1$s, r.minutes AS minutes, sum(r.leads) AS leads
                    FROM %2$s AS r
                    WHERE r.month >= :fromMonth AND r.month <= :toMonth AND %3$s
                    %4$s),
                c AS (
                    SELECT h.team, h.owner_id, h.minutes, h.leads,
                           sum(h.leads) FILTER (WHERE h.minutes IS NOT NULL) OVER (PARTITION BY h.team, h.owner_id ORDER BY h.minutes) AS upto,
                           CAST(sum(h.leads) FILTER (WHERE h.minutes IS NOT NULL) OVER (PARTITION BY h.team, h.owner_id) - 1 AS float8) AS last_rank
                    FROM h),
                g AS (
                    SELECT c.team, c.owner_id, sum(c.leads) AS new_leads,
                           COALESCE(sum(c.leads) FILTER (WHERE c.minutes <= %5$d), 0) AS within_24h,
                           COALESCE(sum(c.leads) FILTER (WHERE c.minutes IS NULL OR c.minutes > %5$d), 0) AS not_within_24h,
                           min(c.last_rank) AS last_rank,
                           min(c.minutes) FILTER (WHERE c.upto > floor(CAST(0.5 AS float8) * c.last_rank)) AS lo50,
                           min(c.minutes) FILTER (WHERE c.upto > ceil(CAST(0.5 AS float8) * c.last_rank)) AS hi50,
                           min(c.minutes) FILTER (WHERE c.upto > floor(CAST(0.9 AS float8) * c.last_rank)) AS lo90,
                           min(c.minutes) FILTER (WHERE c.upto > ceil(CAST(0.9 AS float8) * c.last_rank)) AS hi90
                    FROM c GROUP BY c.team, c.owner_id)
                SELECT g.team, g.owner_id, g.new_leads, g.within_24h, g.not_within_24h,
                       round(CAST((CAST(g.lo50 AS float8) + (CAST(g.hi50 AS float8) - CAST(g.lo50 AS float8))
                                   * (CAST(0.5 AS float8) * g.last_rank - floor(CAST(0.5 AS float8) * g.last_rank))) / 60 AS numeric), 2) AS median_hours,
                       round(CAST((CAST(g.lo90 AS float8) + (CAST(g.hi90 AS float8) - CAST(g.lo90 AS float8))
                                   * (CAST(0.9 AS float8) * g.last_rank - floor(CAST(0.9 AS float8) * g.last_rank))) / 60 AS numeric), 2) AS p90_hours,
                       COALESCE(g.lo50 IN (%6$d, %7$d) OR g.hi50 IN (%6$d, %7$d) OR g.lo90 IN (%6$d, %7$d) OR g.hi90 IN (%6$d, %7$d), FALSE)
                           AS open_bucket
                FROM g""".formatted(byRep ? "GROUPING(r.owner_id) AS team, r.owner_id AS owner_id" : "1 AS team, CAST(NULL AS uuid) AS owner_id",
                LeadReadModel.FIRST_CONTACT_BY_MONTH, query.scope("r.owner_id", null, null, params), grouping, WITHIN_MINUTES,
                LeadReadModel.FIRST_CONTACT_BELOW, LeadReadModel.FIRST_CONTACT_HORIZON);
        var statement = em.createNativeQuery(sql, Tuple.class);
        params.forEach(statement::setParameter);
        List<Tuple> rows = Rows.list(statement);
        if (rows.stream().anyMatch(r -> Boolean.TRUE.equals(Rows.bool(r, "open_bucket")))) {
            return null;
        }
        Map<UUID, Long> converted = convertedFromRollup(query, period, byRep);
        Map<UUID, Long> undecided = undecided(query, period, byRep);
        List<Speed> speed = new ArrayList<>();
        for (Tuple row : rows) {
            if (Rows.intValue(row, "team") == 0 && Rows.uuid(row, "owner_id") == null) {
                continue; // the leads in a queue: no rep's row
            }
            UUID owner = owner(row);
            speed.add(new Speed(owner, Rows.longValue(row, "new_leads"), decimal(row, "median_hours"), decimal(row, "p90_hours"),
                    Rows.longValue(row, "within_24h"), Rows.longValue(row, "not_within_24h") - undecided.getOrDefault(owner, 0L),
                    converted.getOrDefault(owner, 0L)));
        }
        if (speed.stream().noneMatch(s -> s.owner() == null)) {
            speed.add(new Speed(null, 0, null, null, 0, 0, 0));
        }
        return speed;
    }

    /** The period's new leads converted so far, per owner and for the team (the null key), from {@link LeadReadModel#FUNNEL_BY_MONTH}. */
    private Map<UUID, Long> convertedFromRollup(AnalyticsQuery query, Period period, boolean byRep) {
        Map<String, Object> params = new HashMap<>();
        params.put("fromMonth", period.from());
        params.put("toMonth", period.to().withDayOfMonth(1));
        String sql = """
                SELECT %s, COALESCE(sum(f.leads) FILTER (WHERE f.converted), 0) AS converted
                FROM %s AS f
                WHERE f.month >= :fromMonth AND f.month <= :toMonth AND %s
                %s""".formatted(team(byRep, "f.owner_id"), LeadReadModel.FUNNEL_BY_MONTH, query.scope("f.owner_id", null, null, params),
                groupBy(byRep, "f.owner_id"));
        Map<UUID, Long> converted = new HashMap<>();
        run(sql, params, row -> Map.entry(Optional.ofNullable(owner(row)), Rows.longValue(row, "converted")))
                .forEach(e -> converted.put(e.getKey().orElse(null), e.getValue()));
        return converted;
    }

    /**
     * The period's new leads not contacted within 24 h whose first 24 h are not over yet (created after now − 24 h): in the
     * rollup's "not within 24 h", but not missed yet. Three disjoint parts: those not contacted created from the start of
     * today (business zone) on, summed from {@link LeadReadModel#FUNNEL_BY_DAY}; those not contacted created earlier in the
     * last 24 h, and those contacted after more than 1 440 whole minutes, read from V58's partial indexes on such leads.
     * Nothing to read when the period ended more than a day ago.
     */
    private Map<UUID, Long> undecided(AnalyticsQuery query, Period period, boolean byRep) {
        Instant decidedBefore = query.now().minus(Duration.ofHours(24));
        Instant to = period.end(query.zone());
        Map<UUID, Long> undecided = new HashMap<>();
        if (!to.isAfter(decidedBefore)) {
            return undecided;
        }
        LocalDate today = LocalDate.ofInstant(query.now(), query.zone());
        Map<String, Object> params = new HashMap<>();
        params.put("cohortFrom", period.start(query.zone()));
        params.put("cohortTo", to);
        params.put("decidedBefore", decidedBefore);
        params.put("todayStart", today.atStartOfDay(query.zone()).toInstant());
        params.put("fromDay", period.from().isAfter(today) ? period.from() : today);
        params.put("toDay", period.to());
        String sql = """
                SELECT %1$s, COALESCE(sum(u.leads), 0) AS undecided
                FROM (SELECT l.owner_id AS owner_id, 1 AS leads
                      FROM %2$s AS l
                      WHERE l.created_at >= :cohortFrom AND l.created_at < :cohortTo AND l.created_at > :decidedBefore
                        AND l.created_at < :todayStart AND l.contacted_at IS NULL AND l.first_interaction_at IS NULL AND %3$s
                      UNION ALL
                      SELECT l.owner_id, 1
                      FROM %2$s AS l
                      WHERE l.created_at >= :cohortFrom AND l.created_at < :cohortTo AND l.created_at > :decidedBefore
                        AND LEAST(l.contacted_at, l.first_interaction_at) - l.created_at >= interval '%4$d minutes' AND %3$s
                      UNION ALL
                      SELECT f.owner_id, f.leads
                      FROM %5$s AS f
                      WHERE f.day >= :fromDay AND f.day <= :toDay AND NOT f.contacted AND %6$s) AS u
                %7$s""".formatted(team(byRep, "u.owner_id"), LeadReadModel.LEADS, query.scope("l.owner_id", null, null, params),
                WITHIN_MINUTES + 1, LeadReadModel.FUNNEL_BY_DAY, query.scope("f.owner_id", null, null, params), groupBy(byRep, "u.owner_id"));
        run(sql, params, row -> Map.entry(Optional.ofNullable(owner(row)), Rows.longValue(row, "undecided")))
                .forEach(e -> undecided.put(e.getKey().orElse(null), e.getValue()));
        return undecided;
    }

    /** Leads created in [from, to), from the raw leads: the team's figures and, with {@code byRep}, each owner's. */
    private List<Speed> speedRaw(AnalyticsQuery query, Instant from, Instant to, boolean byRep) {
        Map<String, Object> params = new HashMap<>();
        String sql = """
                SELECT %s,
                       count(*) AS new_leads,
                       round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY c.minutes) / 60 AS numeric), 2) AS median_hours,
                       round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY c.minutes) / 60 AS numeric), 2) AS p90_hours,
                       count(*) FILTER (WHERE c.within_24h) AS within_24h, count(*) FILTER (WHERE c.missed_24h) AS missed_24h,
                       count(*) FILTER (WHERE c.converted) AS converted
                FROM %s AS c
                %s""".formatted(team(byRep, "c.owner_id"), cohort(query, from, to, params), groupBy(byRep, "c.owner_id"));
        return run(sql, params, row -> new Speed(owner(row), Rows.longValue(row, "new_leads"), decimal(row, "median_hours"),
                decimal(row, "p90_hours"), Rows.longValue(row, "within_24h"), Rows.longValue(row, "missed_24h"), Rows.longValue(row, "converted")));
    }

    /**
     * Leads open at some time in the period (created before its end, neither converted nor lost before its start) and
     * the interactions in the period on their customers: from {@link LeadReadModel#OPEN_WORK_BY_MONTH} when
     * {@link #openWorkFromRollup}, else counted from the raw leads and interactions.
     */
    List<OpenWork> openWork(AnalyticsQuery query, Period period) {
        if (openWorkFromRollup(query, period)) {
            Map<String, Object> params = new HashMap<>();
            params.put("fromMonth", period.from());
            params.put("toMonth", period.to().withDayOfMonth(1));
            String sql = """
                    SELECT %s, COALESCE(sum(r.leads), 0) AS open_leads, COALESCE(sum(r.interactions), 0) AS interactions
                    FROM %s AS r
                    WHERE r.created_month <= :toMonth AND r.closed_month >= :fromMonth
                      AND (r.month = DATE '-infinity' OR (r.month >= :fromMonth AND r.month <= :toMonth)) AND %s
                    %s
                    HAVING GROUPING(r.owner_id) = 1 OR sum(r.leads) > 0""".formatted(team(true, "r.owner_id"), LeadReadModel.OPEN_WORK_BY_MONTH,
                    query.scope("r.owner_id", null, "r.region", params), groupBy(true, "r.owner_id"));
            return run(sql, params, row -> new OpenWork(owner(row), Rows.longValue(row, "open_leads"), Rows.longValue(row, "interactions")));
        }
        Map<String, Object> params = new HashMap<>(Map.of("periodFrom", period.start(query.zone()), "periodTo", period.end(query.zone())));
        String sql = """
                SELECT %s, count(*) AS open_leads, COALESCE(sum(o.interactions), 0) AS interactions
                FROM (SELECT l.owner_id,
                             (SELECT count(*) FROM %s AS i
                              WHERE i.contact_id = l.contact_id AND i.occurred_at >= :periodFrom AND i.occurred_at < :periodTo) AS interactions
                      FROM %s AS l
                      WHERE l.created_at < :periodTo AND (l.converted_at IS NULL OR l.converted_at >= :periodFrom)
                        AND (l.lost_at IS NULL OR l.lost_at >= :periodFrom) AND %s) AS o
                %s""".formatted(team(true, "o.owner_id"), InteractionReadModel.CONTACT_ACTIVITY, LeadReadModel.LEADS,
                query.scope("l.owner_id", "l.contact_id", "l.region", params), groupBy(true, "o.owner_id"));
        return run(sql, params, row -> new OpenWork(owner(row), Rows.longValue(row, "open_leads"), Rows.longValue(row, "interactions")));
    }

    /**
     * Whether a period's open work can be summed from {@link LeadReadModel#OPEN_WORK_BY_MONTH}: the period is whole calendar
     * months in the zone the rollup counts in, and there is no tier filter (the rollup has the lead's owner and region,
     * not its customer's tier).
     */
    static boolean openWorkFromRollup(AnalyticsQuery query, Period period) {
        return query.filter().tier() == null && LeadReadModel.OPEN_WORK_BY_MONTH_ZONE.equals(query.zone().getId())
                && period.from().getDayOfMonth() == 1 && period.to().plusDays(1).getDayOfMonth() == 1;
    }

    /**
     * Activities due in the period: the team's and, with {@code byRep}, each assignee's. When {@link #timelinessFromRollup},
     * the DONE ones are summed from {@link ActivityReadModel#DONE_BY_MONTH} and the OPEN ones past their deadline (which
     * depend on now) counted live; else all are counted from the raw activities.
     */
    List<Timeliness> timeliness(AnalyticsQuery query, Period period, boolean byRep) {
        Map<String, Object> params = new HashMap<>();
        if (timelinessFromRollup(query, period)) {
            params.put("fromMonth", period.from());
            params.put("toMonth", period.to().withDayOfMonth(1));
            params.put("dueFrom", period.start(query.zone()));
            params.put("dueTo", period.end(query.zone()));
            params.put("now", query.now());
            String sql = """
                    SELECT %s, COALESCE(sum(t.due), 0) AS due, COALESCE(sum(t.on_time), 0) AS on_time
                    FROM (SELECT r.assignee_id, r.done AS due, r.on_time
                          FROM %s AS r
                          WHERE r.month >= :fromMonth AND r.month <= :toMonth AND %s
                          UNION ALL
                          SELECT a.assignee_id, 1, 0
                          FROM %s AS a
                          WHERE a.status = 'OPEN' AND a.overdue_at <= :now AND a.due_at >= :dueFrom AND a.due_at < :dueTo AND %s) AS t
                    %s""".formatted(team(byRep, "t.assignee_id"), ActivityReadModel.DONE_BY_MONTH,
                    query.scope("r.assignee_id", null, null, params), ActivityReadModel.ACTIVITIES, query.scope("a.assignee_id", null, null, params),
                    // An assignee whose rollup rows are all zero (activities undone, moved away) has no row, as in the raw count.
                    byRep ? groupBy(true, "t.assignee_id") + " HAVING GROUPING(t.assignee_id) = 1 OR sum(t.due) > 0" : "");
            return run(sql, params, row -> new Timeliness(owner(row), Rows.longValue(row, "due"), Rows.longValue(row, "on_time")));
        }
        String sql = """
                SELECT %s, count(*) AS due, count(*) FILTER (WHERE a.on_time) AS on_time
                FROM %s AS a
                %s""".formatted(team(byRep, "a.assignee_id"), activities(query, period.start(query.zone()), period.end(query.zone()), params),
                groupBy(byRep, "a.assignee_id"));
        return run(sql, params, row -> new Timeliness(owner(row), Rows.longValue(row, "due"), Rows.longValue(row, "on_time")));
    }

    /**
     * Whether a period's timeliness can be summed from {@link ActivityReadModel#DONE_BY_MONTH}: the period is whole calendar
     * months in the zone the rollup counts in, and there is no region or tier filter (the rollup has the assignee, not the
     * customer's region or tier).
     */
    static boolean timelinessFromRollup(AnalyticsQuery query, Period period) {
        return query.filter().region() == null && query.filter().tier() == null
                && ActivityReadModel.DONE_BY_MONTH_ZONE.equals(query.zone().getId())
                && period.from().getDayOfMonth() == 1 && period.to().plusDays(1).getDayOfMonth() == 1;
    }

    /** The period's new leads for which {@code condition} (over {@link #cohort}'s columns, alias c) holds, of one owner or all. */
    static DrillQuery leadDrill(AnalyticsQuery query, String condition, UUID owner) {
        Map<String, Object> params = new HashMap<>();
        String sql = """
                SELECT 'LEAD' AS kind, c.id AS id, c.contact_id AS contact_id, n.name AS title, c.owner_id AS owner_id,
                       c.created_at AS at, CAST(NULL AS numeric) AS amount, CAST(NULL AS text) AS note
                FROM %s AS c JOIN %s AS n ON n.id = c.contact_id
                WHERE %s AND %s""".formatted(cohort(query, query.start(), query.end(), params), ContactReadModel.CONTACTS, condition,
                ownerIs("c.owner_id", owner, params));
        return new DrillQuery(sql, params);
    }

    /** The period's due activities not done by their deadline, of one assignee or all. */
    static DrillQuery lateActivities(AnalyticsQuery query, UUID assignee) {
        Map<String, Object> params = new HashMap<>();
        String sql = """
                SELECT 'ACTIVITY' AS kind, a.id AS id, a.contact_id AS contact_id, n.name AS title, a.assignee_id AS owner_id,
                       a.due_at AS at, CAST(NULL AS numeric) AS amount, CAST(NULL AS text) AS note
                FROM %s AS a JOIN %s AS n ON n.id = a.contact_id
                WHERE NOT a.on_time AND %s""".formatted(activities(query, query.start(), query.end(), params), ContactReadModel.CONTACTS,
                ownerIs("a.assignee_id", assignee, params));
        return new DrillQuery(sql, params);
    }

    /**
     * The leads created in [from, to) in the scope, with their time to first contact ({@link FunnelRepository#FIRST_CONTACT})
     * in whole minutes after creation ({@code minutes}, floor; null while not contacted); {@code within_24h}: first contacted
     * within 24 h (at most 1 440 whole minutes); {@code missed_24h}: not, and the 24 h are over (a lead younger than a day
     * and not yet contacted is neither); {@code converted}.
     */
    private static String cohort(AnalyticsQuery query, Instant from, Instant to, Map<String, Object> params) {
        params.put("cohortFrom", from);
        params.put("cohortTo", to);
        params.put("now", query.now());
        return """
                (SELECT m.id, m.contact_id, m.owner_id, m.created_at, m.converted, m.minutes, m.contacted,
                        COALESCE(m.minutes <= %1$d, FALSE) AS within_24h,
                        m.created_at + %2$s <= :now AND (m.minutes IS NULL OR m.minutes > %1$d) AS missed_24h
                 FROM (SELECT f.id, f.contact_id, f.owner_id, f.created_at, f.converted_at IS NOT NULL AS converted,
                              floor(EXTRACT(EPOCH FROM f.first_contact - f.created_at) / 60) AS minutes,
                              f.first_contact IS NOT NULL AS contacted
                       FROM (SELECT l.id, l.contact_id, l.owner_id, l.created_at, l.converted_at, %3$s AS first_contact
                             FROM %4$s AS l
                             WHERE l.created_at >= :cohortFrom AND l.created_at < :cohortTo AND %5$s) AS f) AS m)""".formatted(
                WITHIN_MINUTES, DAY, FunnelRepository.FIRST_CONTACT, LeadReadModel.LEADS,
                query.scope("l.owner_id", "l.contact_id", "l.region", params));
    }

    /**
     * Activities due in [from, to) in the scope (the assignee as owner, the customer's region and tier), not
     * cancelled, whose deadline ({@code overdue_at}) has passed or that are done; {@code on_time}: done by it.
     */
    private static String activities(AnalyticsQuery query, Instant from, Instant to, Map<String, Object> params) {
        params.put("dueFrom", from);
        params.put("dueTo", to);
        params.put("now", query.now());
        return """
                (SELECT a.id, a.contact_id, a.assignee_id, a.due_at, a.status = 'DONE' AND a.completed_at <= a.overdue_at AS on_time
                 FROM %s AS a
                 WHERE a.due_at >= :dueFrom AND a.due_at < :dueTo AND a.status <> 'CANCELLED'
                   AND (a.status = 'DONE' OR a.overdue_at <= :now) AND %s)""".formatted(ActivityReadModel.ACTIVITIES,
                query.scope("a.assignee_id", "a.contact_id", null, params));
    }

    private static String ownerIs(String column, UUID owner, Map<String, Object> params) {
        if (owner == null) {
            return "TRUE";
        }
        params.put("drillOwner", owner);
        return column + " = :drillOwner";
    }

    /** The grouping columns: {@code team} is 1 on the row of the whole scope, 0 on an owner's. */
    private static String team(boolean byRep, String owner) {
        return byRep ? "GROUPING(" + owner + ") AS team, " + owner + " AS owner_id" : "1 AS team, CAST(NULL AS uuid) AS owner_id";
    }

    private static String groupBy(boolean byRep, String owner) {
        return byRep ? "GROUP BY GROUPING SETS ((), (" + owner + "))" : "";
    }

    /** Rows of the owners (the team's row has a null owner; an unassigned group is left out: it is no rep's). */
    private <T> List<T> run(String sql, Map<String, Object> params, Function<Tuple, T> map) {
        var statement = em.createNativeQuery(sql, Tuple.class);
        params.forEach(statement::setParameter);
        return Rows.list(statement).stream().filter(r -> Rows.intValue(r, "team") == 1 || Rows.uuid(r, "owner_id") != null)
                .map(map).toList();
    }

    private static UUID owner(Tuple row) {
        return Rows.intValue(row, "team") == 1 ? null : Rows.uuid(row, "owner_id");
    }

    private static BigDecimal decimal(Tuple row, String alias) {
        return row.get(alias) == null ? null : Rows.decimal(row, alias);
    }
}
