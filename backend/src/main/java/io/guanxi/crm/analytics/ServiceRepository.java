package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.complaint.ComplaintReadModel;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Reporting;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.survey.SurveyReadModel;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The statements behind the service figures (docs/analytics.md, Service). Each figure is one condition on the
 * complaints ({@code c}, {@link ComplaintReadModel#SLA_CLOCKS}), scoped by the owner the complaint carries (V56): the
 * number counts it and its drill lists it (with the customer, {@code k}, for the name), so the two cannot disagree.
 * Parameters: {@code :start}, {@code :end} (the window, end exclusive) and {@code :asOf} (the end of the period, or now if
 * earlier).
 */
@ApplicationScoped
public class ServiceRepository {

    /** The complaints counted: the owner is on the complaint, a region filter looks the customer up by itself. */
    private static final String CLOCKS = ComplaintReadModel.SLA_CLOCKS + " AS c";
    /** Complaints with their customer, for the drill lists (the customer's name). */
    private static final String COMPLAINTS = CLOCKS + " LEFT JOIN " + ContactReadModel.CONTACTS + " AS k ON k.id = c.contact_id";

    static final String RECEIVED = "c.received_at >= :start AND c.received_at < :end";
    /** Open at {@code :asOf}: received before it and not followed up by then (a complaint closes only after its follow-up). */
    static final String OPEN = "c.received_at < :asOf AND (c.followed_up_at IS NULL OR c.followed_up_at >= :asOf)";
    /** The due time of the clock an open complaint was on at {@code :asOf}: first response, else resolution, else the follow-up call. */
    private static final String CURRENT_DUE = "CASE WHEN c.acknowledged_at IS NULL OR c.acknowledged_at >= :asOf THEN c.acknowledge_due_at"
            + " WHEN c.resolved_at IS NULL OR c.resolved_at >= :asOf THEN c.resolve_due_at ELSE c.follow_up_due_at END";
    /** As the complaint board says OVERDUE: open, and the current deadline has come. */
    static final String OVERDUE_OPEN = OPEN + " AND " + CURRENT_DUE + " <= :asOf";
    private static final String OVERDUE_CLOCK = "'service.' || CASE WHEN c.acknowledged_at IS NULL OR c.acknowledged_at >= :asOf THEN 'ACKNOWLEDGE'"
            + " WHEN c.resolved_at IS NULL OR c.resolved_at >= :asOf THEN 'RESOLVE' ELSE 'FOLLOW_UP' END";
    static final String RESOLVED = "c.resolved_at >= :start AND c.resolved_at < :end";
    private static final String HOURS_TO_RESOLVE = "extract(epoch FROM c.resolved_at - c.received_at) / 3600";

    /** An SLA deadline measured for compliance: when it is due and when it was kept. */
    enum Deadline {
        FIRST_RESPONSE("c.acknowledge_due_at", "c.acknowledged_at"),
        RESOLUTION("c.resolve_due_at", "c.resolved_at");

        private final String due;
        private final String done;

        Deadline(String due, String done) {
            this.due = due;
            this.done = done;
        }

        /** Due in the window. */
        String dueIn() {
            return due + " >= :start AND " + due + " < :end";
        }

        /** Due in the window and decided by {@code :asOf}: kept, or due by then (kept late, or still not done: a miss). */
        String decided() {
            return dueIn() + " AND (" + due + " <= :asOf OR " + done + " <= " + due + ")";
        }

        String met() {
            return done + " <= " + due;
        }

        /** Decided and not kept: the rows behind the compliance figure. */
        String missed() {
            return dueIn() + " AND " + due + " <= :asOf AND (" + done + " IS NULL OR " + done + " > " + due + ")";
        }
    }

    /** The window a figure covers; a table row's drill narrows it to the row's month. */
    record Window(Instant start, Instant end, Instant asOf) {
    }

    record Ratio(long met, long decided) {
    }

    @Inject
    @PersistenceUnit(Reporting.UNIT)
    EntityManager em;

    long count(String condition, Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        String sql = "SELECT count(*) AS n FROM " + CLOCKS + " WHERE " + condition + " AND " + scope(query, params);
        return Rows.longValue(Rows.one(bind(sql, params)), "n");
    }

    Ratio compliance(Deadline deadline, Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        String sql = "SELECT count(*) FILTER (WHERE " + deadline.met() + ") AS met, count(*) AS decided FROM " + CLOCKS
                + " WHERE " + deadline.decided() + " AND " + scope(query, params);
        Tuple row = Rows.one(bind(sql, params));
        return new Ratio(Rows.longValue(row, "met"), Rows.longValue(row, "decided"));
    }

    BigDecimal medianHoursToResolve(Window window, AnalyticsQuery query) {
        if (fromRollup(window, query)) {
            return medianFromRollup(window, query);
        }
        Map<String, Object> params = params(window);
        String sql = "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY " + HOURS_TO_RESOLVE + ") AS median FROM " + CLOCKS
                + " WHERE " + RESOLVED + " AND " + scope(query, params);
        return twoPlaces(Rows.one(bind(sql, params)), "median");
    }

    /**
     * {@link #medianHoursToResolve} for whole months, as percentile_cont computes it: of the N durations in order, the one
     * at 0.5 × (N − 1), interpolated between the two around it. The counts per whole hour ({@link
     * ComplaintReadModel#RESOLVE_HOURS_BY_OWNER_MONTH}) say which hour each of the two falls in and at which place; only
     * the complaints resolved in the window with a duration in that hour are read, in order of duration (V48's index).
     */
    private BigDecimal medianFromRollup(Window window, AnalyticsQuery query) {
        ZoneId zone = query.zone();
        Map<String, Object> params = new HashMap<>();
        params.put("fromMonth", window.start().atZone(zone).toLocalDate());
        params.put("toMonth", window.end().atZone(zone).toLocalDate());
        String sql = "SELECT r.hours AS hours, sum(r.complaints) AS n, sum(r.complaints) * sum(r.micros_sq) = sum(r.micros) * sum(r.micros)"
                + " AS all_equal, CAST(sum(r.micros) / sum(r.complaints) AS bigint) AS micros FROM " + ComplaintReadModel.RESOLVE_HOURS_BY_OWNER_MONTH
                + " AS r WHERE r.month >= :fromMonth AND r.month < :toMonth AND " + query.scope("r.owner_id", null, null, params)
                + " GROUP BY 1 HAVING sum(r.complaints) <> 0 ORDER BY 1";
        List<Tuple> hours = Rows.list(bind(sql, params));
        long total = hours.stream().mapToLong(r -> Rows.longValue(r, "n")).sum();
        if (total == 0) {
            return null;
        }
        double position = 0.5 * (total - 1);
        long first = (long) Math.floor(position);
        long second = (long) Math.ceil(position);
        double low = durationAt(first, hours, window, query);
        double value = second == first ? low : low + (position - first) * (durationAt(second, hours, window, query) - low);
        return new BigDecimal(Double.toString(value)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The duration in hours at a place (from 0) in the window's resolutions ordered by duration. */
    private double durationAt(long place, List<Tuple> hours, Window window, AnalyticsQuery query) {
        long before = 0;
        for (Tuple hour : hours) {
            long n = Rows.longValue(hour, "n");
            if (place < before + n) {
                if (Boolean.TRUE.equals(hour.get("all_equal"))) {
                    // every duration in this hour is the same: their mean, in hours as the statement over the rows computes them
                    Tuple row = Rows.one(em.createNativeQuery("SELECT CAST(extract(epoch FROM CAST(:micros AS bigint) * interval '1 microsecond')"
                            + " / 3600 AS double precision) AS hours", Tuple.class).setParameter("micros", Rows.longValue(hour, "micros")));
                    return Rows.decimal(row, "hours").doubleValue();
                }
                Map<String, Object> params = params(window);
                params.put("hour", Rows.longValue(hour, "hours"));
                params.put("offset", place - before);
                String duration = "(c.resolved_at - c.received_at)";
                String sql = "SELECT CAST(" + HOURS_TO_RESOLVE + " AS double precision) AS hours FROM " + CLOCKS + " WHERE c.resolved_at IS NOT NULL AND "
                        + duration + " >= CAST(:hour AS bigint) * interval '1 hour' AND " + duration
                        + " < (CAST(:hour AS bigint) + 1) * interval '1 hour' AND " + RESOLVED + " AND " + scope(query, params) + " ORDER BY "
                        + duration + " OFFSET CAST(:offset AS bigint) LIMIT 1";
                return Rows.decimal(Rows.one(bind(sql, params)), "hours").doubleValue();
            }
            before += n;
        }
        throw new IllegalStateException("place " + place + " beyond " + before + " resolutions");
    }

    BigDecimal averageSatisfaction(Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        String sql = "SELECT avg(s.score) AS average FROM " + satisfactionFrom() + " WHERE " + satisfactionCondition(query, params);
        return twoPlaces(Rows.one(bind(sql, params)), "average");
    }

    /**
     * A condition every complaint overdue at {@code :asOf} meets (so adding it changes no count) and that GiST indexes
     * answer (V48): the clock it is on at {@code :asOf} is done at or after its due time, or not yet, so the span from
     * that due time to when it was done (open-ended) holds {@code :asOf}.
     */
    private static final String LATE_SPAN_HOLDS_AS_OF = "(" + lateSpan("c.acknowledge_due_at", "c.acknowledged_at", "") + " OR "
            + lateSpan("c.resolve_due_at", "c.resolved_at", "") + " OR "
            + lateSpan("c.follow_up_due_at", "c.followed_up_at", "c.follow_up_due_at IS NOT NULL AND ") + ")";

    private static String lateSpan(String due, String done, String guard) {
        String late = guard + "(" + done + " IS NULL OR " + done + " >= " + due + ")";
        return "(" + late + " AND CASE WHEN " + late + " THEN tstzrange(" + due + ", " + done + ", '[]') END @> CAST(:asOf AS timestamptz))";
    }

    /**
     * Settled at {@code :asOf}: not followed up, and every step done was done before it (the complaints of an instant
     * now, whose steps are all in the past). Such a complaint is {@link #OVERDUE_OPEN} exactly when it was received before
     * {@code :asOf} and the due time of its first step not done ({@link #SETTLED_DUE}) has come.
     */
    static final String SETTLED = "c.followed_up_at IS NULL AND (c.acknowledged_at IS NULL OR c.acknowledged_at < :asOf)"
            + " AND (c.resolved_at IS NULL OR c.resolved_at < :asOf)";
    /** The due time of a settled complaint's current step; keyed, with the owner, by V56's complaint_open_owner_due_idx. */
    static final String SETTLED_DUE = "CASE WHEN c.acknowledged_at IS NULL THEN c.acknowledge_due_at WHEN c.resolved_at IS NULL"
            + " THEN c.resolve_due_at ELSE c.follow_up_due_at END";
    /**
     * Not settled but possibly open at {@code :asOf}: a step done at or after it (V56's complaint_last_done_idx; none
     * when {@code :asOf} is now). With {@link #OVERDUE_OPEN}, this and {@link #SETTLED} split its complaints in two.
     */
    static final String DONE_SINCE = "greatest(c.acknowledged_at, c.resolved_at, c.followed_up_at) >= :asOf";

    /**
     * {@code service.overdueOpen}: {@link #OVERDUE_OPEN}, counted in two disjoint parts: the {@link #SETTLED} complaints
     * by the due time of their current step (index-only per owner: every complaint overdue now is one), and the others
     * ({@link #DONE_SINCE}) through the late clocks' spans (the overdue ones of an instant in the past).
     */
    long overdueOpenCount(Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        String scope = scope(query, params);
        String sql = "SELECT (SELECT count(*) FROM " + CLOCKS + " WHERE " + SETTLED + " AND c.received_at < :asOf AND " + SETTLED_DUE
                + " <= :asOf AND " + scope + ") AS settled, (SELECT count(*) FROM " + CLOCKS + " WHERE " + DONE_SINCE + " AND "
                + OVERDUE_OPEN + " AND " + LATE_SPAN_HOLDS_AS_OF + " AND " + scope + ") AS unsettled";
        Tuple row = Rows.one(bind(sql, params));
        return Rows.longValue(row, "settled") + Rows.longValue(row, "unsettled");
    }

    /** Whether the scope allows counting from {@link ComplaintReadModel#SLA_BY_OWNER_MONTH}: at most an owner, in its zone. */
    static boolean rollupScope(AnalyticsQuery query) {
        return query.filter().region() == null && query.filter().tier() == null
                && ComplaintReadModel.SLA_BY_OWNER_MONTH_ZONE.equals(query.zone().getId());
    }

    /**
     * {@code service.open} at {@code :asOf} ({@link #rollupScope}): received before it less followed up before it. The
     * rollup counts each complaint in the months of its receipt and of its closing (the later of receipt and follow-up),
     * so the months before the month M of {@code :asOf} give received − closed before M; what happened from M to
     * {@code :asOf} is counted live (nothing when {@code :asOf} starts a month).
     */
    long openFromRollup(Window window, AnalyticsQuery query) {
        ZoneId zone = query.zone();
        LocalDate month = YearMonth.from(window.asOf().atZone(zone)).atDay(1);
        Instant since = month.atStartOfDay(zone).toInstant();
        Map<String, Object> params = new HashMap<>();
        params.put("month", month);
        String sql = "SELECT COALESCE(sum(r.received - r.closed), 0) AS n FROM " + ComplaintReadModel.SLA_BY_OWNER_MONTH
                + " AS r WHERE r.month < :month AND " + query.scope("r.owner_id", null, null, params);
        long open = Rows.longValue(Rows.one(bind(sql, params)), "n");
        if (since.isBefore(window.asOf())) {
            Map<String, Object> live = params(window);
            live.put("since", since);
            // received since M (closed too if followed up by :asOf), index-only; and received before M, followed up since M
            String liveSql = "SELECT (SELECT count(*) FILTER (WHERE c.followed_up_at IS NULL OR c.followed_up_at >= :asOf) FROM " + CLOCKS
                    + " WHERE c.received_at >= :since AND c.received_at < :asOf AND " + scope(query, live) + ") AS received,"
                    + " (SELECT count(*) FROM " + CLOCKS + " WHERE c.received_at < :since AND c.followed_up_at >= :since"
                    + " AND c.followed_up_at < :asOf AND " + scope(query, live) + ") AS closed";
            Tuple row = Rows.one(bind(liveSql, live));
            open += Rows.longValue(row, "received") - Rows.longValue(row, "closed");
        }
        return open;
    }

    /** A cell of {@link #tallies}: a month (yyyy-MM, business time zone), a category and a severity. */
    record Cell(String month, String category, String severity) {
    }

    /** What a cell counts: received, and per deadline the decided and the met ones (decided − met = missed). */
    static final class Tally {
        long received;
        long acknowledgeDecided;
        long acknowledgeMet;
        long resolveDecided;
        long resolveMet;
    }

    /**
     * Whether a window's received and compliance figures can be summed from {@link ComplaintReadModel#SLA_BY_OWNER_MONTH}:
     * the service counts in the zone the rollup counts in, the window is whole calendar months there, and the scope is at
     * most an owner (the rollup has no region or tier).
     */
    static boolean fromRollup(Window window, AnalyticsQuery query) {
        return rollupScope(query) && monthStart(window.start(), query.zone()) && monthStart(window.end(), query.zone());
    }

    private static boolean monthStart(Instant instant, ZoneId zone) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return day.getDayOfMonth() == 1 && day.atStartOfDay(zone).toInstant().equals(instant);
    }

    /**
     * The window's receipts and deadlines per cell (a whole-month window, {@link #fromRollup}). The months that ended by
     * {@code :asOf} come from the rollup whole: every deadline in them is due, so decided = due. From the month of
     * {@code :asOf} on, a deadline is decided when met (the rollup's count: met never depends on the instant) or missed
     * — due by {@code :asOf} and not kept — which is counted live over those months only, as {@link Deadline#missed}.
     */
    Map<Cell, Tally> tallies(Window window, AnalyticsQuery query) {
        ZoneId zone = query.zone();
        Instant asOfMonth = YearMonth.from(window.asOf().atZone(zone)).atDay(1).atStartOfDay(zone).toInstant();
        Instant cut = asOfMonth.isBefore(window.start()) ? window.start() : asOfMonth.isAfter(window.end()) ? window.end() : asOfMonth;
        Map<String, Object> params = new HashMap<>();
        params.put("fromMonth", window.start().atZone(zone).toLocalDate());
        params.put("toMonth", window.end().atZone(zone).toLocalDate());
        params.put("cutMonth", cut.atZone(zone).toLocalDate());
        String sql = """
                SELECT to_char(r.month, 'YYYY-MM') AS month, r.category AS category, r.severity AS severity, sum(r.received) AS received,
                       sum(CASE WHEN r.month < :cutMonth THEN r.acknowledge_due ELSE r.acknowledge_met END) AS acknowledge_decided,
                       sum(r.acknowledge_met) AS acknowledge_met,
                       sum(CASE WHEN r.month < :cutMonth THEN r.resolve_due ELSE r.resolve_met END) AS resolve_decided,
                       sum(r.resolve_met) AS resolve_met
                FROM %s AS r WHERE r.month >= :fromMonth AND r.month < :toMonth AND %s GROUP BY 1, 2, 3"""
                .formatted(ComplaintReadModel.SLA_BY_OWNER_MONTH, query.scope("r.owner_id", null, null, params));
        Map<Cell, Tally> tallies = new HashMap<>();
        for (Tuple r : Rows.list(bind(sql, params))) {
            Tally t = tallies.computeIfAbsent(new Cell(Rows.string(r, "month"), Rows.string(r, "category"), Rows.string(r, "severity")),
                    c -> new Tally());
            t.received += Rows.longValue(r, "received");
            t.acknowledgeDecided += Rows.longValue(r, "acknowledge_decided");
            t.acknowledgeMet += Rows.longValue(r, "acknowledge_met");
            t.resolveDecided += Rows.longValue(r, "resolve_decided");
            t.resolveMet += Rows.longValue(r, "resolve_met");
        }
        if (cut.isBefore(window.end())) {
            Map<String, Object> live = params(new Window(cut, window.end(), window.asOf()));
            live.put("zone", zone.getId());
            String missed = "SELECT '%s' AS clock, to_char(%s AT TIME ZONE :zone, 'YYYY-MM') AS month, c.category AS category,"
                    + " c.severity AS severity, count(*) AS n FROM " + CLOCKS + " WHERE %s AND " + scope(query, live) + " GROUP BY 2, 3, 4";
            String liveSql = missed.formatted("A", Deadline.FIRST_RESPONSE.due, Deadline.FIRST_RESPONSE.missed()) + " UNION ALL "
                    + missed.formatted("R", Deadline.RESOLUTION.due, Deadline.RESOLUTION.missed());
            for (Tuple r : Rows.list(bind(liveSql, live))) {
                Tally t = tallies.computeIfAbsent(new Cell(Rows.string(r, "month"), Rows.string(r, "category"), Rows.string(r, "severity")),
                        c -> new Tally());
                if ("A".equals(Rows.string(r, "clock"))) {
                    t.acknowledgeDecided += Rows.longValue(r, "n");
                } else {
                    t.resolveDecided += Rows.longValue(r, "n");
                }
            }
        }
        return tallies;
    }

    /** Per value of a dimension column: complaints received in the window, and resolutions due in it and missed. */
    Map<String, long[]> receivedAndBreachedBy(String column, Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        String missed = Deadline.RESOLUTION.missed();
        String sql = "SELECT c." + column + " AS key, count(*) FILTER (WHERE " + RECEIVED + ") AS received, count(*) FILTER (WHERE " + missed
                + ") AS breached FROM " + CLOCKS + " WHERE ((" + RECEIVED + ") OR (" + missed + ")) AND " + scope(query, params)
                + " GROUP BY c." + column;
        Map<String, long[]> result = new HashMap<>();
        Rows.list(bind(sql, params)).forEach(r -> result.put(Rows.string(r, "key"),
                new long[] {Rows.longValue(r, "received"), Rows.longValue(r, "breached")}));
        return result;
    }

    /** Complaints received per month (yyyy-MM in the business time zone). */
    Map<String, Long> receivedByMonth(Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        params.put("zone", query.zone().getId());
        String sql = "SELECT to_char(c.received_at AT TIME ZONE :zone, 'YYYY-MM') AS month, count(*) AS n FROM " + CLOCKS + " WHERE "
                + RECEIVED + " AND " + scope(query, params) + " GROUP BY 1";
        Map<String, Long> result = new LinkedHashMap<>();
        Rows.list(bind(sql, params)).forEach(r -> result.put(Rows.string(r, "month"), Rows.longValue(r, "n")));
        return result;
    }

    /** Resolution compliance per month of the due time (yyyy-MM in the business time zone). */
    Map<String, Ratio> resolutionComplianceByMonth(Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        params.put("zone", query.zone().getId());
        Deadline d = Deadline.RESOLUTION;
        String sql = "SELECT to_char(" + d.due + " AT TIME ZONE :zone, 'YYYY-MM') AS month, count(*) FILTER (WHERE " + d.met()
                + ") AS met, count(*) AS decided FROM " + CLOCKS + " WHERE " + d.decided() + " AND " + scope(query, params) + " GROUP BY 1";
        Map<String, Ratio> result = new LinkedHashMap<>();
        Rows.list(bind(sql, params)).forEach(r -> result.put(Rows.string(r, "month"),
                new Ratio(Rows.longValue(r, "met"), Rows.longValue(r, "decided"))));
        return result;
    }

    /**
     * The complaints meeting {@code condition} (and {@code narrow}, a condition on the row's key, bound to
     * {@code :key}) as drill rows: {@code at} and {@code note} are SQL over {@code c}, {@code amount} numeric or null.
     */
    DrillQuery complaintRows(String condition, String narrow, String key, String at, String amount, String note, Window window,
            AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        if (narrow != null) {
            params.put("key", key);
        }
        String sql = "SELECT 'COMPLAINT' AS kind, c.id AS id, c.contact_id AS contact_id, k.name AS title, c.owner_id AS owner_id, "
                + at + " AS at, CAST(" + amount + " AS numeric) AS amount, CAST(" + note + " AS text) AS note FROM " + COMPLAINTS
                + " WHERE " + condition + (narrow == null ? "" : " AND " + narrow) + " AND " + scope(query, params);
        return drill(sql, params);
    }

    DrillQuery received(String narrow, String key, Window window, AnalyticsQuery query) {
        return complaintRows(RECEIVED, narrow, key, "c.received_at", "NULL", "NULL", window, query);
    }

    DrillQuery open(Window window, AnalyticsQuery query) {
        return complaintRows(OPEN, null, null, "c.received_at", "NULL", "NULL", window, query);
    }

    /** At the due time that passed; the note names the clock ({@code service.ACKNOWLEDGE}, …RESOLVE, …FOLLOW_UP). */
    DrillQuery overdueOpen(Window window, AnalyticsQuery query) {
        return complaintRows(OVERDUE_OPEN, null, null, CURRENT_DUE, "NULL", OVERDUE_CLOCK, window, query);
    }

    /** At the due time; the note says {@code service.LATE} (done after it) or {@code service.OVERDUE} (not done). */
    DrillQuery missed(Deadline deadline, String narrow, String key, Window window, AnalyticsQuery query) {
        String note = "CASE WHEN " + deadline.done + " IS NULL THEN 'service.OVERDUE' ELSE 'service.LATE' END";
        return complaintRows(deadline.missed(), narrow, key, deadline.due, "NULL", note, window, query);
    }

    /** At the resolution, with the hours it took as the amount. */
    DrillQuery resolved(Window window, AnalyticsQuery query) {
        return complaintRows(RESOLVED, null, null, "c.resolved_at", "round(CAST(" + HOURS_TO_RESOLVE + " AS numeric), 2)", "NULL", window,
                query);
    }

    /** The satisfaction answers averaged, the score as the amount. */
    DrillQuery satisfactionAnswers(Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        String sql = "SELECT 'SURVEY_ANSWER' AS kind, s.id AS id, s.contact_id AS contact_id, k.name AS title, k.owner_id AS owner_id,"
                + " s.answered_at AS at, CAST(s.score AS numeric) AS amount, CAST(NULL AS text) AS note FROM " + satisfactionFrom()
                + " WHERE " + satisfactionCondition(query, params);
        return drill(sql, params);
    }

    private static String satisfactionFrom() {
        return SurveyReadModel.COMPLAINT_SATISFACTION + " AS s LEFT JOIN " + ContactReadModel.CONTACTS + " AS k ON k.id = s.contact_id";
    }

    private static String satisfactionCondition(AnalyticsQuery query, Map<String, Object> params) {
        return "s.answered_at >= :start AND s.answered_at < :end AND " + query.customerScope("s.contact_id", "k.owner_id", params);
    }

    private static String scope(AnalyticsQuery query, Map<String, Object> params) {
        return query.customerScope("c.contact_id", "c.owner_id", params);
    }

    private static Map<String, Object> params(Window window) {
        Map<String, Object> params = new HashMap<>();
        params.put("start", window.start());
        params.put("end", window.end());
        params.put("asOf", window.asOf());
        return params;
    }

    private Query bind(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        used(sql, params).forEach(query::setParameter);
        return query;
    }

    /** A drill's statement with the parameters it names (a figure's window has more than some statements use). */
    private static DrillQuery drill(String sql, Map<String, Object> params) {
        return new DrillQuery(sql, used(sql, params));
    }

    private static Map<String, Object> used(String sql, Map<String, Object> params) {
        return params.entrySet().stream().filter(e -> sql.contains(":" + e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static BigDecimal twoPlaces(Tuple row, String alias) {
        Object value = row.get(alias);
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }

}
