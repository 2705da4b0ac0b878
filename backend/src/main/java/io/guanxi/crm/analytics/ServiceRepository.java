package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.complaint.ComplaintReadModel;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.survey.SurveyReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import java.util.Map;

/**
 * The statements behind the service figures (docs/analytics.md, Service). Each figure is one condition on the
 * complaints ({@code c}, {@link ComplaintReadModel#SLA_CLOCKS}) and their customers ({@code k}): the number counts it
 * and its drill lists it, so the two cannot disagree. Parameters: {@code :start}, {@code :end} (the window, end
 * exclusive) and {@code :asOf} (the end of the period, or now if earlier).
 */
@ApplicationScoped
public class ServiceRepository {

    /** Complaints with their customer; the customer is joined only where the scope or a drill needs it. */
    private static final String COMPLAINTS = ComplaintReadModel.SLA_CLOCKS + " AS c LEFT JOIN " + ContactReadModel.CONTACTS
            + " AS k ON k.id = c.contact_id";

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
    EntityManager em;

    long count(String condition, Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        String sql = "SELECT count(*) AS n FROM " + COMPLAINTS + " WHERE " + condition + " AND " + scope(query, params);
        return Rows.longValue(Rows.one(bind(sql, params)), "n");
    }

    Ratio compliance(Deadline deadline, Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        String sql = "SELECT count(*) FILTER (WHERE " + deadline.met() + ") AS met, count(*) AS decided FROM " + COMPLAINTS
                + " WHERE " + deadline.decided() + " AND " + scope(query, params);
        Tuple row = Rows.one(bind(sql, params));
        return new Ratio(Rows.longValue(row, "met"), Rows.longValue(row, "decided"));
    }

    BigDecimal medianHoursToResolve(Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        String sql = "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY " + HOURS_TO_RESOLVE + ") AS median FROM " + COMPLAINTS
                + " WHERE " + RESOLVED + " AND " + scope(query, params);
        return twoPlaces(Rows.one(bind(sql, params)), "median");
    }

    BigDecimal averageSatisfaction(Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        String sql = "SELECT avg(s.score) AS average FROM " + satisfactionFrom() + " WHERE " + satisfactionCondition(query, params);
        return twoPlaces(Rows.one(bind(sql, params)), "average");
    }

    /** Per value of a dimension column: complaints received in the window, and resolutions due in it and missed. */
    Map<String, long[]> receivedAndBreachedBy(String column, Window window, AnalyticsQuery query) {
        Map<String, Object> params = params(window);
        String missed = Deadline.RESOLUTION.missed();
        String sql = "SELECT c." + column + " AS key, count(*) FILTER (WHERE " + RECEIVED + ") AS received, count(*) FILTER (WHERE " + missed
                + ") AS breached FROM " + COMPLAINTS + " WHERE ((" + RECEIVED + ") OR (" + missed + ")) AND " + scope(query, params)
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
        String sql = "SELECT to_char(c.received_at AT TIME ZONE :zone, 'YYYY-MM') AS month, count(*) AS n FROM " + COMPLAINTS + " WHERE "
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
                + ") AS met, count(*) AS decided FROM " + COMPLAINTS + " WHERE " + d.decided() + " AND " + scope(query, params) + " GROUP BY 1";
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
        String sql = "SELECT 'COMPLAINT' AS kind, c.id AS id, c.contact_id AS contact_id, k.name AS title, k.owner_id AS owner_id, "
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
        return query.customerScope("c.contact_id", "k.owner_id", params);
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
