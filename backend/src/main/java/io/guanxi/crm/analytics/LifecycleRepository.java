package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Reporting;
import io.guanxi.crm.platform.db.Rows;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lifecycle figures' SQL: stages at an instant from the stage history, and the moves of a period. */
@ApplicationScoped
public class LifecycleRepository {

    @Inject
    @PersistenceUnit(Reporting.UNIT)
    EntityManager em;

    /** Counts a figure's rows the way its drill list does, so the number and the list cannot differ. */
    @Inject
    AnalyticsRepository drills;

    /**
     * Customers (not archived, created before {@code asOf}) in each stage at {@code asOf}: the current
     * stage, unless they moved after {@code asOf}; then the stage their first later move left.
     */
    private static String stagesAt(AnalyticsQuery query, Map<String, Object> params) {
        return """
                SELECT c.id AS id, c.name AS name, c.owner_id AS owner_id, c.created_at AS created_at,
                       coalesce(later.stage_at, c.lifecycle_stage) AS stage
                FROM %s AS c
                LEFT JOIN (SELECT DISTINCT ON (h.contact_id) h.contact_id AS contact_id, h.from_stage AS stage_at
                           FROM %s AS h WHERE h.changed_at >= :asOf
                           ORDER BY h.contact_id, h.changed_at, h.seq) AS later ON later.contact_id = c.id
                WHERE c.created_at < :asOf AND NOT c.archived AND %s""".formatted(ContactReadModel.CONTACTS,
                ContactReadModel.STAGE_CHANGES, query.customerScope("c.id", "c.owner_id", params));
    }

    /**
     * Customers per stage at {@code asOf}, as {@link #stagesAt} decides them (its drill lists the same customers): from the
     * counts per owner (V49) when the scope allows and {@code asOf} starts a month or falls in the current one (few moves
     * since), else from every customer's history.
     */
    Map<String, Long> stageCounts(AnalyticsQuery query, Instant asOf) {
        return stageCounts(query, asOf, countable(query) && (monthStart(asOf) || !asOf.isBefore(currentMonthStart(query))));
    }

    /** The first instant of the current month in the counts' zone: the moves since are at most a month's. */
    static Instant currentMonthStart(AnalyticsQuery query) {
        ZoneId zone = ContactReadModel.STAGE_COUNTS_ZONE;
        return LocalDate.ofInstant(query.now(), zone).withDayOfMonth(1).atStartOfDay(zone).toInstant();
    }

    /** {@link #stageCounts} from the counts per owner ({@code counted}) or from every customer's history. */
    Map<String, Long> stageCounts(AnalyticsQuery query, Instant asOf, boolean counted) {
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", asOf);
        String sql = !counted ? "SELECT s.stage AS stage, count(*) AS n FROM (" + stagesAt(query, params) + ") AS s GROUP BY s.stage"
                : monthStart(asOf) ? flowedStagesAt(query, asOf, params) : countedStagesAt(query, asOf, params);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Tuple row : Rows.list(bind(em.createNativeQuery(sql, Tuple.class), params))) {
            counts.put(Rows.string(row, "stage"), Rows.longValue(row, "n"));
        }
        return counts;
    }

    /** The counts per owner (V49) serve a scope of at most an owner: they have no region or tier. */
    static boolean countable(AnalyticsQuery query) {
        return query.filter().region() == null && query.filter().tier() == null;
    }

    /** Whether {@code at} starts a month in the zone of the counts per owner (then the counts of moves answer alone). */
    static boolean monthStart(Instant at) {
        ZoneId zone = ContactReadModel.STAGE_COUNTS_ZONE;
        return LocalDate.ofInstant(at, zone).withDayOfMonth(1).atStartOfDay(zone).toInstant().equals(at);
    }

    /**
     * {@link #stagesAt} at the start of a month, from the counts alone: the customers created before it per stage now,
     * less the net flow into each stage of their moves since (each move counts into its to stage and out of its from
     * stage; a customer's moves since {@code asOf} lead from its stage then to its stage now).
     */
    private static String flowedStagesAt(AnalyticsQuery query, Instant asOf, Map<String, Object> params) {
        params.remove("asOf");
        params.put("asOfMonth", LocalDate.ofInstant(asOf, ContactReadModel.STAGE_COUNTS_ZONE));
        return """
                SELECT x.stage AS stage, sum(x.n) AS n FROM (
                    SELECT r.stage AS stage, r.customers AS n FROM %1$s AS r WHERE r.created_month < :asOfMonth AND NOT r.archived AND %3$s
                    UNION ALL
                    SELECT m.from_stage, m.moves FROM %2$s AS m
                    WHERE m.move_month >= :asOfMonth AND m.created_month < :asOfMonth AND NOT m.archived AND m.from_stage <> '' AND %4$s
                    UNION ALL
                    SELECT m.to_stage, -m.moves FROM %2$s AS m
                    WHERE m.move_month >= :asOfMonth AND m.created_month < :asOfMonth AND NOT m.archived AND m.from_stage <> '' AND %4$s) AS x
                GROUP BY x.stage""".formatted(ContactReadModel.STAGE_COUNTS, ContactReadModel.STAGE_MOVES,
                query.scope("r.owner_id", null, null, params), query.scope("m.owner_id", null, null, params));
    }

    /**
     * {@link #stagesAt} counted without reading every customer: the customers now per stage (not archived, created
     * before {@code asOf}: the owner counts of the months before {@code asOf}'s month, plus the customers created in
     * that month before it), less those who moved at or after {@code asOf} under their current stage, plus them under
     * the stage their first later move left (the current one if that move has no from stage, as {@link #stagesAt}).
     * The correction reads only the moves made since {@code asOf}.
     */
    private static String countedStagesAt(AnalyticsQuery query, Instant asOf, Map<String, Object> params) {
        LocalDate month = LocalDate.ofInstant(asOf, ContactReadModel.STAGE_COUNTS_ZONE).withDayOfMonth(1);
        params.put("asOfMonth", month);
        params.put("asOfMonthStart", month.atStartOfDay(ContactReadModel.STAGE_COUNTS_ZONE).toInstant());
        return """
                SELECT x.stage AS stage, sum(x.n) AS n FROM (
                    SELECT r.stage AS stage, r.customers AS n FROM %1$s AS r
                    WHERE r.created_month < :asOfMonth AND NOT r.archived AND %3$s
                    UNION ALL
                    SELECT c.lifecycle_stage, 1 FROM %2$s AS c
                    WHERE c.created_at >= :asOfMonthStart AND c.created_at < :asOf AND NOT c.archived AND %4$s
                    UNION ALL
                    SELECT d.stage, d.n FROM (
                        SELECT c.lifecycle_stage AS now_stage, coalesce(later.stage_at, c.lifecycle_stage) AS then_stage
                        FROM (SELECT DISTINCT ON (h.contact_id) h.contact_id AS contact_id, h.from_stage AS stage_at
                              FROM %5$s AS h WHERE h.changed_at >= :asOf
                              ORDER BY h.contact_id, h.changed_at, h.seq) AS later
                        JOIN %2$s AS c ON c.id = later.contact_id
                        WHERE c.created_at < :asOf AND NOT c.archived AND %4$s) AS m
                    CROSS JOIN LATERAL (VALUES (m.now_stage, -1), (m.then_stage, 1)) AS d(stage, n)
                    WHERE m.now_stage <> m.then_stage) AS x
                GROUP BY x.stage""".formatted(ContactReadModel.STAGE_COUNTS, ContactReadModel.CONTACTS,
                query.scope("r.owner_id", null, null, params), query.customerScope("c.id", "c.owner_id", params),
                ContactReadModel.STAGE_CHANGES);
    }

    DrillQuery customersInStage(AnalyticsQuery query, Instant asOf, String stage) {
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", asOf);
        params.put("stage", stage);
        return new DrillQuery("SELECT 'CONTACT' AS kind, s.id AS id, s.id AS contact_id, s.name AS title, s.owner_id AS owner_id,"
                + " s.created_at AS at, CAST(NULL AS numeric) AS amount, s.stage AS note FROM (" + stagesAt(query, params)
                + ") AS s WHERE s.stage = :stage", params);
    }

    /** The customers created in a period: summed from the counts per owner (V49) for whole months, else as the drill lists them. */
    long created(AnalyticsQuery query, Period period) {
        if (!wholeMonths(query, period)) {
            return count(createdCustomers(query, period));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("firstMonth", period.from());
        params.put("lastMonth", period.to().withDayOfMonth(1));
        Tuple row = Rows.one(bind(em.createNativeQuery("SELECT coalesce(sum(r.customers), 0) AS n FROM " + ContactReadModel.STAGE_COUNTS
                + " AS r WHERE r.created_month BETWEEN :firstMonth AND :lastMonth AND " + query.scope("r.owner_id", null, null, params),
                Tuple.class), params));
        return Rows.longValue(row, "n");
    }

    DrillQuery createdCustomers(AnalyticsQuery query, Period period) {
        Map<String, Object> params = new HashMap<>();
        params.put("start", period.start(query.zone()));
        params.put("end", period.end(query.zone()));
        return new DrillQuery("""
                SELECT 'CONTACT' AS kind, c.id AS id, c.id AS contact_id, c.name AS title, c.owner_id AS owner_id,
                       c.created_at AS at, CAST(NULL AS numeric) AS amount, c.lifecycle_stage AS note
                FROM %s AS c WHERE c.created_at >= :start AND c.created_at < :end AND %s"""
                .formatted(ContactReadModel.CONTACTS, query.customerScope("c.id", "c.owner_id", params)), params);
    }

    /**
     * The moves of a period, optionally only from one stage ({@code from}; {@link LifecycleSection#CREATED}
     * for creations) and to another; creations (no from stage) only when {@code withCreations}.
     */
    DrillQuery moves(AnalyticsQuery query, Period period, String from, String to, boolean withCreations) {
        Map<String, Object> params = new HashMap<>();
        params.put("start", period.start(query.zone()));
        params.put("end", period.end(query.zone()));
        StringBuilder where = new StringBuilder();
        if (from == null) {
            where.append(withCreations ? "" : " AND h.from_stage IS NOT NULL");
        } else if (from.equals(LifecycleSection.CREATED)) {
            where.append(" AND h.from_stage IS NULL");
        } else {
            where.append(" AND h.from_stage = :fromStage");
            params.put("fromStage", from);
        }
        if (to != null) {
            where.append(" AND h.to_stage = :toStage");
            params.put("toStage", to);
        }
        return new DrillQuery("""
                SELECT 'CONTACT' AS kind, c.id AS id, c.id AS contact_id, c.name AS title, c.owner_id AS owner_id,
                       h.changed_at AS at, CAST(NULL AS numeric) AS amount,
                       coalesce(h.from_stage, '%s') || ':' || h.to_stage AS note
                FROM %s AS h JOIN %s AS c ON c.id = h.contact_id
                WHERE h.changed_at >= :start AND h.changed_at < :end AND %s%s"""
                .formatted(LifecycleSection.CREATED, ContactReadModel.STAGE_CHANGES, ContactReadModel.CONTACTS,
                        query.customerScope("c.id", "c.owner_id", params), where), params);
    }

    /** Whether the period is whole calendar months of the counts' zone, and the scope at most an owner. */
    static boolean wholeMonths(AnalyticsQuery query, Period period) {
        return countable(query) && query.zone().equals(ContactReadModel.STAGE_COUNTS_ZONE) && period.from().getDayOfMonth() == 1
                && period.to().equals(period.to().withDayOfMonth(period.to().lengthOfMonth()));
    }

    /** The rows of {@link ContactReadModel#STAGE_MOVES} ({@code m}) of a whole-month period, in scope. */
    private static String monthsOf(AnalyticsQuery query, Period period, Map<String, Object> params) {
        params.put("firstMonth", period.from());
        params.put("lastMonth", period.to().withDayOfMonth(1));
        return "m.move_month BETWEEN :firstMonth AND :lastMonth AND " + query.scope("m.owner_id", null, null, params);
    }

    /** Moves of a period counted by "FROM:TO" (FROM is NEW for a creation). */
    Map<String, Long> flow(AnalyticsQuery query, Period period) {
        if (wholeMonths(query, period)) {
            Map<String, Object> params = new HashMap<>();
            String sql = "SELECT CASE WHEN m.from_stage = '' THEN '" + LifecycleSection.CREATED + "' ELSE m.from_stage END || ':' || m.to_stage"
                    + " AS move, sum(m.moves) AS n FROM " + ContactReadModel.STAGE_MOVES + " AS m WHERE " + monthsOf(query, period, params)
                    + " GROUP BY 1 HAVING sum(m.moves) <> 0";
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Tuple row : Rows.list(bind(em.createNativeQuery(sql, Tuple.class), params))) {
                counts.put(Rows.string(row, "move"), Rows.longValue(row, "n"));
            }
            return counts;
        }
        DrillQuery moves = moves(query, period, null, null, true);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Tuple row : Rows.list(bind(em.createNativeQuery("SELECT m.note AS move, count(*) AS n FROM (" + moves.sql() + ") AS m GROUP BY m.note",
                Tuple.class), moves.params()))) {
            counts.put(Rows.string(row, "move"), Rows.longValue(row, "n"));
        }
        return counts;
    }

    long count(DrillQuery drill) {
        return drills.count(drill);
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }
}
