package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.churn.ChurnReadModel;
import io.guanxi.crm.churnrisk.ChurnRiskReadModel;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Reporting;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.purchase.PurchaseReadModel;
import io.guanxi.crm.survey.Nps;
import io.guanxi.crm.survey.SurveyReadModel;
import io.guanxi.crm.winback.WinbackReadModel;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statements behind the retention figures: churns, the customer base at an instant, NPS answers,
 * win-back targets and churn risk, each over a period and the caller's scope. A figure's count and the
 * rows behind it ({@code *Rows}) share one WHERE, so they count the same rows.
 */
@ApplicationScoped
public class RetentionRepository {

    /** The columns of a row behind a figure, when nothing fills them. */
    private static final String NO_AT = "CAST(NULL AS timestamptz)";
    private static final String NO_AMOUNT = "CAST(NULL AS numeric)";

    @Inject
    @PersistenceUnit(Reporting.UNIT)
    EntityManager em;

    /** A period's bounds, half open, and the months (first days, business time zone) it touches. */
    record Span(Instant start, Instant end, LocalDate firstMonth, LocalDate lastMonth) {

        static Span of(Period period, ZoneId zone) {
            return new Span(period.start(zone), period.end(zone), period.from().withDayOfMonth(1), period.to().withDayOfMonth(1));
        }

    }

    // ---- churn ----

    /** Churns in the span (by the time they churned) of customers in scope: {@code ch} the churn, {@code c} its customer. */
    private static String churnsIn(Span span, AnalyticsQuery query, Map<String, Object> params) {
        params.put("churnStart", span.start());
        params.put("churnEnd", span.end());
        params.put("churnFirstMonth", span.firstMonth());
        params.put("churnLastMonth", span.lastMonth());
        // The month range adds nothing (a churn's month is the month of churned_at) but lets the (month, owner) index serve.
        return " FROM " + ChurnReadModel.CHURNED + " AS ch JOIN " + ContactReadModel.CONTACTS + " AS c ON c.id = ch.contact_id"
                + " WHERE ch.month BETWEEN :churnFirstMonth AND :churnLastMonth AND ch.churned_at >= :churnStart AND ch.churned_at < :churnEnd"
                + " AND " + query.customerScope("ch.contact_id", "c.owner_id", params);
    }

    /** Churns in the span per review month (yyyy-MM) and cause (null while unknown). */
    List<Tuple> churnsByMonthAndCause(Span span, AnalyticsQuery query) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT to_char(ch.month, 'YYYY-MM') AS month, ch.cause AS cause, count(*) AS churned" + churnsIn(span, query, params)
                + " GROUP BY ch.month, ch.cause";
        return Rows.list(bind(em.createNativeQuery(sql, Tuple.class), params));
    }

    /** The churns behind a churn figure: those in the span meeting {@code condition} (on {@code ch}, with its own parameters). */
    DrillQuery churnRows(Span span, AnalyticsQuery query, String condition, Map<String, Object> conditionParams) {
        Map<String, Object> params = new HashMap<>(conditionParams);
        String sql = "SELECT 'CHURN' AS kind, ch.id AS id, ch.contact_id AS contact_id, c.name AS title, c.owner_id AS owner_id,"
                + " ch.churned_at AS at, " + NO_AMOUNT + " AS amount, ch.cause AS note" + churnsIn(span, query, params) + " AND " + condition;
        return new DrillQuery(sql, params);
    }

    /**
     * Customers in scope at each instant, as the churn review counts its base: not archived, created
     * before it, and in PURCHASE or LOYALTY then — the stage its last move before the instant led to,
     * else the stage its first move after it left, else (no history at all) its current stage. From the
     * counts per owner (V49) when the scope allows and the instants all start months or all fall in the current
     * month, else from every customer's history.
     */
    long[] customersAt(List<Instant> instants, AnalyticsQuery query) {
        Instant recent = LifecycleRepository.currentMonthStart(query);
        boolean counted = LifecycleRepository.countable(query) && !instants.isEmpty()
                && (instants.stream().allMatch(LifecycleRepository::monthStart) || instants.stream().noneMatch(i -> i.isBefore(recent)));
        return counted ? countedCustomersAt(instants, query) : customersAtFromHistory(instants, query);
    }

    /**
     * {@link #customersAt} from every customer in scope and its history (any scope). One pass over the history: each
     * move opens a span (its time, the next move's time] in the stage it led to; before the first move the customer was
     * in the stage that move left.
     */
    long[] customersAtFromHistory(List<Instant> instants, AnalyticsQuery query) {
        Map<String, Object> params = new HashMap<>();
        String scoped = "SELECT l.id AS id, l.created_at AS created_at, l.lifecycle_stage AS lifecycle_stage FROM "
                + ContactReadModel.LIFECYCLE + " AS l WHERE NOT l.archived AND " + query.customerScope("l.id", "l.owner_id", params);
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            params.put("at" + i, instants.get(i));
            counts.add(("count(*) FILTER (WHERE s.created_at < :at%1$d AND (s.after_at IS NULL OR s.after_at < :at%1$d)"
                    + " AND (s.until_at IS NULL OR s.until_at >= :at%1$d)) AS customers%1$d").formatted(i));
        }
        // Each span carries its customer's creation time, so the spans need no join back to the customers: most
        // customers have no move at all and give one span each, straight from the scan of the customers.
        String sql = """
                WITH scoped AS (%1$s),
                moves AS (
                    SELECT h.contact_id AS contact_id, s.created_at AS created_at, h.changed_at AS changed_at, h.from_stage AS from_stage,
                           h.to_stage AS to_stage, lead(h.changed_at) OVER w AS next_at, row_number() OVER w AS n
                    FROM %2$s AS h JOIN scoped AS s ON s.id = h.contact_id
                    WINDOW w AS (PARTITION BY h.contact_id ORDER BY h.changed_at, h.seq)),
                spans AS (
                    SELECT m.created_at AS created_at, m.changed_at AS after_at, m.next_at AS until_at, m.to_stage AS stage FROM moves AS m
                    UNION ALL
                    SELECT m.created_at, CAST(NULL AS timestamptz), m.changed_at, m.from_stage FROM moves AS m WHERE m.n = 1
                    UNION ALL
                    SELECT s.created_at, CAST(NULL AS timestamptz), CAST(NULL AS timestamptz), s.lifecycle_stage FROM scoped AS s
                    WHERE NOT EXISTS (SELECT 1 FROM %2$s AS h WHERE h.contact_id = s.id))
                SELECT %3$s
                FROM spans AS s
                WHERE s.stage IN ('PURCHASE', 'LOYALTY')""".formatted(scoped, ContactReadModel.STAGE_CHANGES, String.join(", ", counts));
        Tuple row = Rows.one(bind(em.createNativeQuery(sql, Tuple.class), params));
        long[] customers = new long[instants.size()];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = Rows.longValue(row, "customers" + i);
        }
        return customers;
    }

    /**
     * {@link #customersAt} without reading every customer: the customers in PURCHASE or LOYALTY now, created before each
     * instant (the owner counts of V49, {@code ContactReadModel.STAGE_COUNTS}, plus those created in the instant's month
     * before it), corrected for the customers who moved at or after the first instant: those are counted by the same
     * spans of stages as {@link #customersAt} instead of by their current stage. A customer without such a move is in
     * its current stage at every instant, which is the stage its last move led to (the contact feature records every
     * move with the change, in the same transaction) or, without a history, the current stage itself.
     */
    long[] countedCustomersAt(List<Instant> instants, AnalyticsQuery query) {
        if (instants.stream().allMatch(LifecycleRepository::monthStart)) {
            return flowedCustomersAt(instants, query);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("movedFrom", instants.stream().min(Instant::compareTo).orElseThrow());
        String scope = query.customerScope("l.id", "l.owner_id", params);
        String ownerScope = query.scope("r.owner_id", null, null, params);
        String createdScope = query.customerScope("c.id", "c.owner_id", params);
        List<String> then = new ArrayList<>();
        List<String> now = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            LocalDate month = LocalDate.ofInstant(instants.get(i), ContactReadModel.STAGE_COUNTS_ZONE).withDayOfMonth(1);
            params.put("at" + i, instants.get(i));
            params.put("month" + i, month);
            params.put("monthStart" + i, month.atStartOfDay(ContactReadModel.STAGE_COUNTS_ZONE).toInstant());
            then.add(("count(*) FILTER (WHERE s.created_at < :at%1$d AND (s.after_at IS NULL OR s.after_at < :at%1$d)"
                    + " AND (s.until_at IS NULL OR s.until_at >= :at%1$d)) AS then%1$d").formatted(i));
            now.add("count(*) FILTER (WHERE s.created_at < :at%1$d) AS now%1$d".formatted(i));
            counted.add("coalesce(sum(r.customers) FILTER (WHERE r.created_month < :month%1$d), 0) AS counted%1$d".formatted(i));
            customers.add(("k.counted%1$d + (SELECT count(*) FROM %2$s AS c WHERE c.lifecycle_stage IN ('PURCHASE', 'LOYALTY')"
                    + " AND c.created_at >= :monthStart%1$d AND c.created_at < :at%1$d AND NOT c.archived AND %3$s)"
                    + " + a.then%1$d - n.now%1$d AS customers%1$d").formatted(i, ContactReadModel.CONTACTS, createdScope));
        }
        String sql = """
                WITH scoped AS (
                    SELECT l.id AS id, l.created_at AS created_at, l.lifecycle_stage AS lifecycle_stage
                    FROM (SELECT DISTINCT h.contact_id AS id FROM %2$s AS h WHERE h.changed_at >= :movedFrom) AS moved
                    JOIN %1$s AS l ON l.id = moved.id
                    WHERE NOT l.archived AND %3$s),
                moves AS (
                    SELECT h.contact_id AS contact_id, s.created_at AS created_at, h.changed_at AS changed_at, h.from_stage AS from_stage,
                           h.to_stage AS to_stage, lead(h.changed_at) OVER w AS next_at, row_number() OVER w AS n
                    FROM %2$s AS h JOIN scoped AS s ON s.id = h.contact_id
                    WINDOW w AS (PARTITION BY h.contact_id ORDER BY h.changed_at, h.seq)),
                spans AS (
                    SELECT m.created_at AS created_at, m.changed_at AS after_at, m.next_at AS until_at, m.to_stage AS stage FROM moves AS m
                    UNION ALL
                    SELECT m.created_at, CAST(NULL AS timestamptz), m.changed_at, m.from_stage FROM moves AS m WHERE m.n = 1)
                SELECT %8$s
                FROM (SELECT %4$s FROM spans AS s WHERE s.stage IN ('PURCHASE', 'LOYALTY')) AS a,
                     (SELECT %5$s FROM scoped AS s WHERE s.lifecycle_stage IN ('PURCHASE', 'LOYALTY')) AS n,
                     (SELECT %6$s FROM %7$s AS r WHERE r.stage IN ('PURCHASE', 'LOYALTY') AND NOT r.archived AND %9$s) AS k"""
                .formatted(ContactReadModel.LIFECYCLE, ContactReadModel.STAGE_CHANGES, scope, String.join(", ", then),
                        String.join(", ", now), String.join(", ", counted), ContactReadModel.STAGE_COUNTS, String.join(", ", customers),
                        ownerScope);
        Tuple row = Rows.one(bind(em.createNativeQuery(sql, Tuple.class), params));
        long[] result = new long[instants.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = Rows.longValue(row, "customers" + i);
        }
        return result;
    }

    /**
     * {@link #customersAt} at month starts, from the counts alone: per instant, the customers created before it in
     * PURCHASE or LOYALTY now, less the net flow into those stages of their moves since it
     * ({@code ContactReadModel.STAGE_MOVES}).
     */
    private long[] flowedCustomersAt(List<Instant> instants, AnalyticsQuery query) {
        Map<String, Object> params = new HashMap<>();
        List<String> counted = new ArrayList<>();
        List<String> flow = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            params.put("month" + i, LocalDate.ofInstant(instants.get(i), ContactReadModel.STAGE_COUNTS_ZONE));
            counted.add("coalesce(sum(r.customers) FILTER (WHERE r.created_month < :month%1$d), 0) AS customers%1$d".formatted(i));
            flow.add(("coalesce(sum(m.moves) FILTER (WHERE m.move_month >= :month%1$d AND m.created_month < :month%1$d"
                    + " AND m.from_stage IN ('PURCHASE', 'LOYALTY')), 0) - coalesce(sum(m.moves) FILTER (WHERE m.move_month >= :month%1$d"
                    + " AND m.created_month < :month%1$d AND m.to_stage IN ('PURCHASE', 'LOYALTY')), 0) AS flow%1$d").formatted(i));
        }
        String sql = "SELECT * FROM (SELECT " + String.join(", ", counted) + " FROM " + ContactReadModel.STAGE_COUNTS
                + " AS r WHERE r.stage IN ('PURCHASE', 'LOYALTY') AND NOT r.archived AND " + query.scope("r.owner_id", null, null, params) + ") AS k, (SELECT "
                + String.join(", ", flow) + " FROM " + ContactReadModel.STAGE_MOVES + " AS m WHERE (m.from_stage IN ('PURCHASE', 'LOYALTY')"
                + " OR m.to_stage IN ('PURCHASE', 'LOYALTY')) AND NOT m.archived AND m.from_stage <> '' AND " + query.scope("m.owner_id", null, null, params) + ") AS f";
        Tuple row = Rows.one(bind(em.createNativeQuery(sql, Tuple.class), params));
        long[] result = new long[instants.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = Rows.longValue(row, "customers" + i) + Rows.longValue(row, "flow" + i);
        }
        return result;
    }

    // ---- NPS ----

    /** NPS answers in the span of customers in scope: {@code a} the answer, {@code c} its customer. */
    private static String answersIn(String answers, Span span, AnalyticsQuery query, Map<String, Object> params) {
        params.put("npsStart", span.start());
        params.put("npsEnd", span.end());
        return " FROM " + answers + " AS a JOIN " + ContactReadModel.CONTACTS + " AS c ON c.id = a.contact_id"
                + " WHERE a.answered_at >= :npsStart AND a.answered_at < :npsEnd AND " + query.customerScope("a.contact_id", "c.owner_id", params);
    }

    /** The month (yyyy-MM, business time zone) an answer was given in. */
    private static String answerMonth(AnalyticsQuery query, Map<String, Object> params) {
        params.put("npsZone", query.zone().getId());
        return "to_char(a.answered_at AT TIME ZONE :npsZone, 'YYYY-MM')";
    }

    /**
     * Promoters (9–10), passives (7–8) and detractors (0–6) per month of answering: from the counts per owner × month
     * (V57, {@link SurveyReadModel#NPS_BY_OWNER_MONTH}) when {@link #npsFromRollup} allows, else from the answers.
     */
    List<Tuple> npsByMonth(Span span, AnalyticsQuery query) {
        if (npsFromRollup(span, query)) {
            Map<String, Object> params = new HashMap<>();
            params.put("npsFirstMonth", span.firstMonth());
            params.put("npsLastMonth", span.lastMonth());
            String sql = "SELECT to_char(r.month, 'YYYY-MM') AS month, sum(r.promoters) AS promoters, sum(r.passives) AS passives,"
                    + " sum(r.detractors) AS detractors FROM " + SurveyReadModel.NPS_BY_OWNER_MONTH
                    + " AS r WHERE r.month BETWEEN :npsFirstMonth AND :npsLastMonth AND " + query.scope("r.owner_id", null, null, params)
                    + " GROUP BY r.month HAVING sum(r.promoters) <> 0 OR sum(r.passives) <> 0 OR sum(r.detractors) <> 0";
            return Rows.list(bind(em.createNativeQuery(sql, Tuple.class), params));
        }
        return npsByMonthFromAnswers(span, query);
    }

    /**
     * Whether a span's NPS counts can be summed from {@link SurveyReadModel#NPS_BY_OWNER_MONTH}: the section counts in the
     * zone the rollup counts in, the span is whole calendar months there, and the scope is at most an owner (the rollup
     * has no region or tier).
     */
    static boolean npsFromRollup(Span span, AnalyticsQuery query) {
        ZoneId zone = query.zone();
        return query.filter().region() == null && query.filter().tier() == null && SurveyReadModel.NPS_BY_OWNER_MONTH_ZONE.equals(zone.getId())
                && span.start().equals(span.firstMonth().atStartOfDay(zone).toInstant())
                && span.end().equals(span.lastMonth().plusMonths(1).atStartOfDay(zone).toInstant());
    }

    /** {@link #npsByMonth} from the answers of the span themselves (any scope, zone and days). */
    List<Tuple> npsByMonthFromAnswers(Span span, AnalyticsQuery query) {
        Map<String, Object> params = new HashMap<>();
        String month = answerMonth(query, params);
        String sql = "SELECT " + month + " AS month, count(*) FILTER (WHERE a.score >= " + Nps.PROMOTER_MIN + ") AS promoters,"
                + " count(*) FILTER (WHERE a.score > " + Nps.DETRACTOR_MAX + " AND a.score < " + Nps.PROMOTER_MIN + ") AS passives,"
                + " count(*) FILTER (WHERE a.score <= " + Nps.DETRACTOR_MAX + ") AS detractors"
                + answersIn(SurveyReadModel.NPS_ANSWERS, span, query, params) + " GROUP BY 1";
        return Rows.list(bind(em.createNativeQuery(sql, Tuple.class), params));
    }

    /** The answers behind an NPS figure: those in the span with a score in [min, max], of one month (yyyy-MM) or all. */
    DrillQuery answerRows(Span span, AnalyticsQuery query, int minScore, int maxScore, String monthOrNull) {
        Map<String, Object> params = new HashMap<>();
        String from = answersIn(SurveyReadModel.NPS_ANSWER_RECORDS, span, query, params);
        params.put("npsMin", minScore);
        params.put("npsMax", maxScore);
        String month = "";
        if (monthOrNull != null) {
            month = " AND " + answerMonth(query, params) + " = :npsMonth";
            params.put("npsMonth", monthOrNull);
        }
        String sql = "SELECT 'SURVEY_ANSWER' AS kind, a.id AS id, a.contact_id AS contact_id, c.name AS title, c.owner_id AS owner_id,"
                + " a.answered_at AS at, " + NO_AMOUNT + " AS amount, CAST(a.score AS text) AS note" + from
                + " AND a.score BETWEEN :npsMin AND :npsMax" + month;
        return new DrillQuery(sql, params);
    }

    // ---- win-back ----

    /**
     * Targets of started plans of customers in scope, each with the time it was won back: as CHECK froze
     * it, or while the plan is being done, its first kept purchase after the start within the goal's
     * days (what the plan's page shows). {@code t} the target, {@code c} its customer.
     */
    private static String startedTargets(AnalyticsQuery query, Map<String, Object> params) {
        return " " + """
                FROM (SELECT w.id AS id, w.contact_id AS contact_id, w.started_at AS started_at, w.outcome AS outcome,
                             CASE WHEN w.checked_at IS NOT NULL THEN w.won_back_at
                                  ELSE (SELECT min(pu.occurred_at) FROM %s AS pu
                                        WHERE pu.contact_id = w.contact_id AND pu.kept_amount > 0 AND pu.occurred_at >= w.started_at
                                          AND pu.occurred_at < w.started_at + make_interval(days => w.goal_days)) END AS won_back_at
                      FROM %s AS w WHERE w.started_at IS NOT NULL) AS t
                JOIN %s AS c ON c.id = t.contact_id
                WHERE""".formatted(PurchaseReadModel.PURCHASES, WinbackReadModel.TARGETS, ContactReadModel.CONTACTS)
                + " " + query.customerScope("t.contact_id", "c.owner_id", params);
    }

    /** Won back in the span; and of the targets of plans started in the span, how many and how many won back so far. */
    Tuple winback(Span span, AnalyticsQuery query) {
        Map<String, Object> params = new HashMap<>();
        params.put("winbackStart", span.start());
        params.put("winbackEnd", span.end());
        String sql = "SELECT count(*) FILTER (WHERE t.won_back_at >= :winbackStart AND t.won_back_at < :winbackEnd) AS won_back,"
                + " count(*) FILTER (WHERE t.started_at >= :winbackStart AND t.started_at < :winbackEnd) AS started,"
                + " count(*) FILTER (WHERE t.started_at >= :winbackStart AND t.started_at < :winbackEnd AND t.won_back_at IS NOT NULL)"
                + " AS started_won_back" + startedTargets(query, params);
        return Rows.one(bind(em.createNativeQuery(sql, Tuple.class), params));
    }

    /** Targets won back in the span per owner of the customer (a rep's win-back results). */
    Map<UUID, Long> wonBackByOwner(Span span, AnalyticsQuery query) {
        Map<String, Object> params = new HashMap<>();
        params.put("winbackStart", span.start());
        params.put("winbackEnd", span.end());
        String sql = "SELECT c.owner_id AS owner_id, count(*) AS won_back" + startedTargets(query, params)
                + " AND t.won_back_at >= :winbackStart AND t.won_back_at < :winbackEnd AND c.owner_id IS NOT NULL GROUP BY c.owner_id";
        Map<UUID, Long> wonBack = new HashMap<>();
        for (Tuple row : Rows.list(bind(em.createNativeQuery(sql, Tuple.class), params))) {
            wonBack.put(Rows.uuid(row, "owner_id"), Rows.longValue(row, "won_back"));
        }
        return wonBack;
    }

    /** Targets won back in the span ({@code byStart} false), or won back at all of plans started in it ({@code byStart} true). */
    DrillQuery winbackRows(Span span, AnalyticsQuery query, boolean byStart) {
        Map<String, Object> params = new HashMap<>();
        params.put("winbackStart", span.start());
        params.put("winbackEnd", span.end());
        String condition = byStart ? "t.started_at >= :winbackStart AND t.started_at < :winbackEnd AND t.won_back_at IS NOT NULL"
                : "t.won_back_at >= :winbackStart AND t.won_back_at < :winbackEnd";
        String sql = "SELECT 'WINBACK_TARGET' AS kind, t.id AS id, t.contact_id AS contact_id, c.name AS title, c.owner_id AS owner_id,"
                + " t.won_back_at AS at, " + NO_AMOUNT + " AS amount, t.outcome AS note" + startedTargets(query, params) + " AND " + condition;
        return new DrillQuery(sql, params);
    }

    // ---- churn risk ----

    private static String scored(AnalyticsQuery query, Map<String, Object> params) {
        return " FROM " + ChurnRiskReadModel.LEVELS + " AS r JOIN " + ContactReadModel.CONTACTS + " AS c ON c.id = r.contact_id WHERE "
                + query.customerScope("r.contact_id", "c.owner_id", params);
    }

    /** Customers in scope per churn-risk level, now. */
    List<Tuple> riskLevels(AnalyticsQuery query) {
        Map<String, Object> params = new HashMap<>();
        String sql = "SELECT r.level AS level, count(*) AS customers" + scored(query, params) + " GROUP BY r.level";
        return Rows.list(bind(em.createNativeQuery(sql, Tuple.class), params));
    }

    /** The customers at a churn-risk level now. */
    DrillQuery riskRows(AnalyticsQuery query, String level) {
        Map<String, Object> params = new HashMap<>();
        params.put("riskLevel", level);
        String sql = "SELECT 'CONTACT' AS kind, c.id AS id, c.id AS contact_id, c.name AS title, c.owner_id AS owner_id, " + NO_AT + " AS at, "
                + NO_AMOUNT + " AS amount, r.level AS note" + scored(query, params) + " AND r.level = :riskLevel";
        return new DrillQuery(sql, params);
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }
}
