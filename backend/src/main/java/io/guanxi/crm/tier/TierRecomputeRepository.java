package io.guanxi.crm.tier;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.purchase.PurchaseReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The set-based SQL of the recompute ({@link TierRecompute}): one statement derives revenue, ABC
 * tier, ABCD quadrant, membership level, RFM and CLV for all customers into the temporary table
 * {@code tier_calc} (the policy is passed in, not read); history rows for what moved; the upsert of
 * changed customers slice by slice; and the report's aggregates over {@code tier_calc}. Sales are
 * read through {@link PurchaseReadModel.PURCHASES}, the purchase feature's published relation.
 */
@ApplicationScoped
public class TierRecomputeRepository {

    /** Never two writers, even across service instances. */
    private static final long LOCK = 0x74696572L;
    /** Slices of the write, for progress; must match the "% 10" of LEVELED. */
    static final int SLICES = 10;

    /**
     * The level a customer's window revenue and tenure earn: {@link TierService#earnedLevel} in SQL, over
     * columns revenue, first_at and the policy's spends and tenure days (TierRuleConsistencyTest holds them equal).
     * A tenure day is 24 hours as in Java: "days =>" would count calendar days of the session's time zone,
     * an hour off across a daylight-saving change.
     */
    static final String EARNED_LEVEL = """
            CASE WHEN revenue >= platinum_spend
                      AND first_at <= CAST(:now AS timestamptz) - make_interval(hours => 24 * platinum_tenure_days) THEN 'PLATINUM'
                 WHEN revenue >= gold_spend
                      AND first_at <= CAST(:now AS timestamptz) - make_interval(hours => 24 * gold_tenure_days) THEN 'GOLD'
                 ELSE 'SILVER' END""";

    /** The levels lowest first, as the enum ranks them: ARRAY['SILVER', 'GOLD', 'PLATINUM']. */
    static final String LEVEL_RANKING = Arrays.stream(MembershipLevel.values()).map(level -> "'" + level.name() + "'")
            .collect(Collectors.joining(", ", "ARRAY[", "]"));

    /** The policy as a one-row relation pol (passed in, not read: one definition serves saved policies and tests alike). */
    private static final String POLICY = """
            pol AS (
                SELECT CAST(:windowMonths AS int) AS window_months, CAST(:abcMethod AS varchar) AS abc_method,
                       CAST(:aCutoff AS numeric) AS a_cutoff_percent, CAST(:bCutoff AS numeric) AS b_cutoff_percent,
                       CAST(:noRevenueTier AS varchar) AS no_revenue_tier, CAST(:abcdThresholds AS varchar) AS abcd_thresholds,
                       CAST(:frequencyThreshold AS int) AS frequency_threshold,
                       CAST(:orderValueThreshold AS numeric) AS order_value_threshold,
                       CAST(:goldSpend AS numeric) AS gold_spend, CAST(:goldTenureDays AS int) AS gold_tenure_days,
                       CAST(:platinumSpend AS numeric) AS platinum_spend, CAST(:platinumTenureDays AS int) AS platinum_tenure_days,
                       CAST(:lifetimeYears AS numeric) AS expected_lifetime_years)""";

    /** Each customer's window figures from the raw purchases (a rebuild): the recompute's definition of its inputs. */
    private static final String INPUTS_FROM_PURCHASES = """
            SELECT p.contact_id,
                   COALESCE(sum(p.kept_amount) FILTER (WHERE p.occurred_at > :windowStart), 0) AS revenue,
                   count(*) FILTER (WHERE p.occurred_at > :windowStart AND p.kept_amount > 0) AS cnt,
                   min(p.occurred_at) AS first_at, max(p.occurred_at) AS last_at
            FROM %s p WHERE p.occurred_at <= :now
            GROUP BY p.contact_id""".formatted(PurchaseReadModel.PURCHASES);

    /** The same figures kept in tier_input, brought forward to this window before the classification reads them. */
    private static final String INPUTS_FROM_ROLLUP = """
            SELECT i.contact_id, i.revenue, CAST(i.cnt AS bigint) AS cnt, i.first_at, i.last_at FROM tier_input i""";

    /** What every classification ends with: the level (never lowered outside a review) and whether the row must be written. */
    private static final String LEVELED = """
            leveled AS (
                SELECT c.*, cv.abc_tier AS old_tier, cv.abcd_quadrant AS old_quadrant, cv.membership_level AS old_level,
                       CASE WHEN :review OR cv.membership_level IS NULL
                                 OR array_position(%1$s, c.computed_level) > array_position(%1$s, cv.membership_level)
                            THEN c.computed_level ELSE cv.membership_level END AS level,
                       cv.contact_id IS NULL
                       OR (cv.revenue, cv.purchase_count, cv.average_order, cv.first_purchase_at, cv.last_purchase_at, cv.abc_tier,
                           cv.abcd_quadrant, cv.rfm_recency, cv.rfm_frequency, cv.rfm_monetary, cv.clv, cv.policy_version)
                          IS DISTINCT FROM (c.revenue, c.cnt, c.aov, c.first_at, c.last_at, c.abc_tier, c.abcd_quadrant,
                                            c.r, c.f, c.m, c.clv, CAST(:version AS int)) AS values_differ
                FROM classified c LEFT JOIN customer_value cv ON cv.contact_id = c.contact_id)
            -- Whether the row must be written is decided here: the upsert then never touches (nor locks) an unchanged row.
            SELECT l.*, abs(hashtext(l.contact_id::text)) %% 10 AS slice,
                   l.values_differ OR l.level IS DISTINCT FROM l.old_level AS changed
            FROM leveled l
            """.formatted(LEVEL_RANKING);

    /**
     * Classifies every customer of agg (%s: the inputs) by ranking them all: revenue, ABC tier, ABCD quadrant, membership
     * level, RFM and CLV, with the paying customers' medians on every row.
     */
    private static final String CLASSIFY_ALL = """
            CREATE TEMP TABLE tier_calc ON COMMIT DROP AS
            WITH %1$s,
            agg AS (%2$s),
            base AS (SELECT a.*, CASE WHEN a.cnt > 0 THEN round(a.revenue / a.cnt, 2) ELSE 0 END AS aov FROM agg a),
            totals AS (
                SELECT COALESCE(sum(revenue) FILTER (WHERE revenue > 0), 0) AS total_revenue,
                       count(*) FILTER (WHERE revenue > 0) AS paying,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY cnt) FILTER (WHERE revenue > 0) AS median_cnt,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY aov) FILTER (WHERE revenue > 0) AS median_aov
                FROM base),
            -- RFM scores 1–5 by cumulative distribution: ties share a score, the top customers get 5.
            ranked AS (
                SELECT b.*,
                       sum(b.revenue) OVER (ORDER BY b.revenue DESC) - b.revenue * count(*) OVER (PARTITION BY b.revenue) AS revenue_before,
                       rank() OVER (ORDER BY b.revenue DESC) - 1 AS customers_before,
                       GREATEST(1, ceil(cume_dist() OVER (ORDER BY b.last_at) * 5))::smallint AS r,
                       GREATEST(1, ceil(cume_dist() OVER (ORDER BY b.cnt) * 5))::smallint AS f,
                       GREATEST(1, ceil(cume_dist() OVER (ORDER BY b.revenue) * 5))::smallint AS m
                FROM base b),
            flagged AS (
                SELECT r.*, pol.*, t.total_revenue, t.paying, t.median_cnt, t.median_aov,
                       CASE WHEN pol.abcd_thresholds = 'FIXED' THEN r.cnt >= pol.frequency_threshold ELSE r.cnt > t.median_cnt END AS high_frequency,
                       CASE WHEN pol.abcd_thresholds = 'FIXED' THEN r.aov >= pol.order_value_threshold ELSE r.aov > t.median_aov END AS high_value
                FROM ranked r CROSS JOIN pol CROSS JOIN totals t),
            classified AS (
                SELECT f.contact_id, f.revenue, f.cnt, f.aov, f.first_at, f.last_at, f.r, f.f, f.m, f.median_cnt, f.median_aov,
                       CASE WHEN f.revenue <= 0 THEN f.no_revenue_tier
                            WHEN f.abc_method = 'CUMULATIVE_REVENUE' THEN
                                CASE WHEN f.revenue_before < f.total_revenue * f.a_cutoff_percent / 100 THEN 'A'
                                     WHEN f.revenue_before < f.total_revenue * f.b_cutoff_percent / 100 THEN 'B' ELSE 'C' END
                            ELSE CASE WHEN f.customers_before < f.paying * f.a_cutoff_percent / 100 THEN 'A'
                                      WHEN f.customers_before < f.paying * f.b_cutoff_percent / 100 THEN 'B' ELSE 'C' END
                       END AS abc_tier,
                       %3$s AS abcd_quadrant,
                       %4$s AS computed_level,
                       %5$s AS clv
                FROM flagged f),
            %6$s""";

    /** The quadrant of a row of flagged f (high_frequency, high_value). */
    private static final String QUADRANT = """
            CASE WHEN f.revenue <= 0 THEN 'D'
                                 WHEN f.high_frequency AND f.high_value THEN 'A'
                                 WHEN f.high_value THEN 'B'
                                 WHEN f.high_frequency THEN 'C' ELSE 'D' END""";

    private static final String CLV = "round(f.aov * (f.cnt * 12.0 / f.window_months) * f.expected_lifetime_years, 2)";

    /**
     * Classifies only the customers of tier_reclass (the changed ones, and those between an old and a new cut-off value)
     * from tier_input against the cut-offs as they now stand (tier_cutoff, tier_state's medians): each rank is the step
     * function of the customer's own value that the full ranking gives (TierIncrementalConsistencyTest holds them equal).
     */
    private static final String CLASSIFY_CHANGED = """
            CREATE TEMP TABLE tier_calc ON COMMIT DROP AS
            WITH %1$s,
            cut AS (
                SELECT max(value_at) FILTER (WHERE name = 'R1') AS r1, max(value_at) FILTER (WHERE name = 'R2') AS r2,
                       max(value_at) FILTER (WHERE name = 'R3') AS r3, max(value_at) FILTER (WHERE name = 'R4') AS r4,
                       max(value) FILTER (WHERE name = 'F1') AS f1, max(value) FILTER (WHERE name = 'F2') AS f2,
                       max(value) FILTER (WHERE name = 'F3') AS f3, max(value) FILTER (WHERE name = 'F4') AS f4,
                       max(value) FILTER (WHERE name = 'M1') AS m1, max(value) FILTER (WHERE name = 'M2') AS m2,
                       max(value) FILTER (WHERE name = 'M3') AS m3, max(value) FILTER (WHERE name = 'M4') AS m4,
                       max(value) FILTER (WHERE name = 'ABC_A') AS abc_a, max(value) FILTER (WHERE name = 'ABC_B') AS abc_b
                FROM tier_cutoff),
            base AS (
                SELECT i.contact_id, i.revenue, CAST(i.cnt AS bigint) AS cnt, i.aov, i.first_at, i.last_at
                FROM tier_reclass x JOIN tier_input i ON i.contact_id = x.contact_id),
            flagged AS (
                SELECT b.*, pol.*, s.median_count AS median_cnt, s.median_order AS median_aov,
                       CAST(1 + CAST(b.last_at >= c.r1 AS int) + CAST(b.last_at >= c.r2 AS int) + CAST(b.last_at >= c.r3 AS int)
                              + CAST(b.last_at >= c.r4 AS int) AS smallint) AS r,
                       CAST(1 + CAST(b.cnt >= c.f1 AS int) + CAST(b.cnt >= c.f2 AS int) + CAST(b.cnt >= c.f3 AS int)
                              + CAST(b.cnt >= c.f4 AS int) AS smallint) AS f,
                       CAST(1 + CAST(b.revenue >= c.m1 AS int) + CAST(b.revenue >= c.m2 AS int) + CAST(b.revenue >= c.m3 AS int)
                              + CAST(b.revenue >= c.m4 AS int) AS smallint) AS m,
                       c.abc_a, c.abc_b,
                       CASE WHEN pol.abcd_thresholds = 'FIXED' THEN b.cnt >= pol.frequency_threshold ELSE b.cnt > s.median_count END AS high_frequency,
                       CASE WHEN pol.abcd_thresholds = 'FIXED' THEN b.aov >= pol.order_value_threshold ELSE b.aov > s.median_order END AS high_value
                FROM base b CROSS JOIN pol CROSS JOIN cut c CROSS JOIN tier_state s),
            classified AS (
                SELECT f.contact_id, f.revenue, f.cnt, f.aov, f.first_at, f.last_at, f.r, f.f, f.m, f.median_cnt, f.median_aov,
                       CASE WHEN f.revenue <= 0 THEN f.no_revenue_tier
                            WHEN f.revenue >= f.abc_a THEN 'A' WHEN f.revenue >= f.abc_b THEN 'B' ELSE 'C' END AS abc_tier,
                       %2$s AS abcd_quadrant,
                       %3$s AS computed_level,
                       %4$s AS clv
                FROM flagged f),
            %5$s""";

    /** Sorted by contact: B-tree inserts in key order touch each index page once (2× faster at 1 M rows). */
    private static final String HISTORY = """
            INSERT INTO tier_history (contact_id, dimension, from_value, to_value, cause, job_id, changed_at)
            SELECT contact_id, dimension, from_value, to_value, CAST(:cause AS varchar), CAST(:job AS uuid), CAST(:now AS timestamptz)
            FROM (SELECT contact_id, 'ABC' AS dimension, old_tier AS from_value, abc_tier AS to_value FROM tier_calc
                  WHERE abc_tier IS DISTINCT FROM old_tier
                  UNION ALL
                  SELECT contact_id, 'ABCD', old_quadrant, abcd_quadrant FROM tier_calc WHERE abcd_quadrant IS DISTINCT FROM old_quadrant
                  UNION ALL
                  SELECT contact_id, 'LEVEL', old_level, level FROM tier_calc WHERE level IS DISTINCT FROM old_level) AS moved
            ORDER BY contact_id
            """;

    private static final String UPSERT = """
            INSERT INTO customer_value AS cv (contact_id, revenue, purchase_count, average_order, first_purchase_at, last_purchase_at,
                                              abc_tier, abcd_quadrant, membership_level, rfm_recency, rfm_frequency, rfm_monetary,
                                              clv, policy_version, computed_at)
            SELECT contact_id, revenue, cnt, aov, first_at, last_at, abc_tier, abcd_quadrant, level, r, f, m, clv, :version, :now
            FROM tier_calc WHERE changed AND slice = :slice ORDER BY contact_id
            ON CONFLICT (contact_id) DO UPDATE SET
                revenue = EXCLUDED.revenue, purchase_count = EXCLUDED.purchase_count, average_order = EXCLUDED.average_order,
                first_purchase_at = EXCLUDED.first_purchase_at, last_purchase_at = EXCLUDED.last_purchase_at,
                abc_tier = EXCLUDED.abc_tier, abcd_quadrant = EXCLUDED.abcd_quadrant, membership_level = EXCLUDED.membership_level,
                rfm_recency = EXCLUDED.rfm_recency, rfm_frequency = EXCLUDED.rfm_frequency, rfm_monetary = EXCLUDED.rfm_monetary,
                clv = EXCLUDED.clv, policy_version = EXCLUDED.policy_version, computed_at = EXCLUDED.computed_at
            WHERE (cv.revenue, cv.purchase_count, cv.average_order, cv.first_purchase_at, cv.last_purchase_at, cv.abc_tier,
                   cv.abcd_quadrant, cv.membership_level, cv.rfm_recency, cv.rfm_frequency, cv.rfm_monetary, cv.clv, cv.policy_version)
                  IS DISTINCT FROM
                  (EXCLUDED.revenue, EXCLUDED.purchase_count, EXCLUDED.average_order, EXCLUDED.first_purchase_at,
                   EXCLUDED.last_purchase_at, EXCLUDED.abc_tier, EXCLUDED.abcd_quadrant, EXCLUDED.membership_level,
                   EXCLUDED.rfm_recency, EXCLUDED.rfm_frequency, EXCLUDED.rfm_monetary, EXCLUDED.clv, EXCLUDED.policy_version)
            """;

    @Inject
    EntityManager em;

    /** Holds the recompute lock until the transaction ends. */
    void lock() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", LOCK).getSingleResult();
    }

    /** The temporary tables of a run, dropped at commit; dropped here too for a second run in one transaction (tests). */
    void dropWorkTables() {
        em.createNativeQuery("DROP TABLE IF EXISTS pg_temp.tier_marks, pg_temp.tier_affected, pg_temp.tier_delta, pg_temp.tier_reclass, pg_temp.tier_calc")
                .executeUpdate();
    }

    /** The kept state of the inputs and of the last classification, if any. */
    Optional<Tuple> state() {
        return Rows.first(em.createNativeQuery("""
                SELECT inputs_as_of AS inputs_as_of, inputs_window_start AS inputs_window_start, policy_key AS policy_key,
                       customers AS customers, paying AS paying, total_revenue AS total_revenue, median_count AS median_count,
                       median_order AS median_order
                FROM tier_state""", Tuple.class));
    }

    /**
     * Takes the customers marked since the last recompute into tier_marks (before anything reads their purchases, so that
     * every mark taken has its purchases visible to what follows); returns how many marks, up to limit + 1.
     */
    long takeMarks(long limit) {
        em.createNativeQuery("CREATE TEMP TABLE tier_marks ON COMMIT DROP AS SELECT id, contact_id FROM tier_dirty").executeUpdate();
        return Rows.longValue(Rows.one(em.createNativeQuery(
                "SELECT count(*) AS marks FROM (SELECT 1 FROM tier_marks LIMIT :limit) AS m", Tuple.class)
                .setParameter("limit", limit + 1)), "marks");
    }

    /** Deletes the marks this recompute took (never one written meanwhile: its purchases are for the next run). */
    void dropTakenMarks() {
        em.createNativeQuery("DELETE FROM tier_dirty d USING tier_marks m WHERE d.id = m.id").executeUpdate();
    }

    /** Purchases in any of these closed time ranges ([from, to] pairs), counted up to limit + 1. */
    long purchasesIn(List<Instant[]> ranges, long limit) {
        return Rows.longValue(Rows.one(bindRanges(em.createNativeQuery(
                "SELECT count(*) AS purchases FROM (SELECT 1 FROM " + PurchaseReadModel.PURCHASES + " AS p WHERE " + inRanges(ranges)
                        + " LIMIT :limit) AS x", Tuple.class), ranges).setParameter("limit", limit + 1)), "purchases");
    }

    /**
     * The customers whose inputs or class can have changed since the last recompute into tier_affected: the marked ones
     * and those with a purchase in one of the ranges (between the two window starts, the two instants, and the two
     * instants a tenure ago).
     */
    long collectAffected(List<Instant[]> ranges) {
        return bindRanges(em.createNativeQuery("""
                CREATE TEMP TABLE tier_affected ON COMMIT DROP AS
                SELECT DISTINCT a.contact_id FROM (
                    SELECT m.contact_id FROM tier_marks m
                    UNION ALL
                    SELECT p.contact_id FROM %s AS p WHERE %s) AS a""".formatted(PurchaseReadModel.PURCHASES, inRanges(ranges))),
                ranges).executeUpdate();
    }

    private static String inRanges(List<Instant[]> ranges) {
        StringBuilder where = new StringBuilder("(false");
        for (int i = 0; i < ranges.size(); i++) {
            where.append(" OR p.occurred_at BETWEEN :from").append(i).append(" AND :to").append(i);
        }
        return where.append(')').toString();
    }

    private static Query bindRanges(Query query, List<Instant[]> ranges) {
        for (int i = 0; i < ranges.size(); i++) {
            query.setParameter("from" + i, ranges.get(i)[0]).setParameter("to" + i, ranges.get(i)[1]);
        }
        return query;
    }

    /**
     * The affected customers' kept inputs (o_…, null: not a customer then) and their inputs now from their purchases
     * (n_…, null: no purchase up to now), through purchase_contact_idx, into tier_delta.
     */
    void computeDelta(Instant windowStart, Instant now) {
        em.createNativeQuery("""
                CREATE TEMP TABLE tier_delta ON COMMIT DROP AS
                SELECT a.contact_id,
                       i.revenue AS o_revenue, CAST(i.cnt AS bigint) AS o_cnt,
                       CASE WHEN i.cnt > 0 THEN round(i.revenue / i.cnt, 2) ELSE 0 END AS o_aov,
                       i.first_at AS o_first_at, i.last_at AS o_last_at,
                       n.revenue AS n_revenue, n.cnt AS n_cnt,
                       CASE WHEN n.cnt > 0 THEN round(n.revenue / n.cnt, 2) ELSE 0 END AS n_aov,
                       n.first_at AS n_first_at, n.last_at AS n_last_at
                FROM tier_affected a
                LEFT JOIN tier_input i ON i.contact_id = a.contact_id
                LEFT JOIN LATERAL (
                    SELECT COALESCE(sum(p.kept_amount) FILTER (WHERE p.occurred_at > :windowStart), 0) AS revenue,
                           count(*) FILTER (WHERE p.occurred_at > :windowStart AND p.kept_amount > 0) AS cnt,
                           min(p.occurred_at) AS first_at, max(p.occurred_at) AS last_at
                    FROM %s AS p WHERE p.contact_id = a.contact_id AND p.occurred_at <= :now) AS n ON n.last_at IS NOT NULL
                """.formatted(PurchaseReadModel.PURCHASES))
                .setParameter("windowStart", windowStart).setParameter("now", now).executeUpdate();
    }

    /** Brings tier_input forward: the affected customers' inputs as computed in tier_delta. */
    void applyDelta() {
        em.createNativeQuery("DELETE FROM tier_input i USING tier_delta d WHERE i.contact_id = d.contact_id AND d.n_last_at IS NULL")
                .executeUpdate();
        em.createNativeQuery("""
                INSERT INTO tier_input AS i (contact_id, revenue, cnt, aov, first_at, last_at)
                SELECT d.contact_id, d.n_revenue, d.n_cnt, d.n_aov, d.n_first_at, d.n_last_at FROM tier_delta d
                WHERE d.n_last_at IS NOT NULL ORDER BY d.contact_id
                ON CONFLICT (contact_id) DO UPDATE SET revenue = EXCLUDED.revenue, cnt = EXCLUDED.cnt, aov = EXCLUDED.aov,
                    first_at = EXCLUDED.first_at, last_at = EXCLUDED.last_at""").executeUpdate();
    }

    /** The secondary indexes of tier_input (V59), by name: dropped and built again around a rebuild's bulk insert. */
    private static final List<String[]> INPUT_INDEXES = List.of(new String[] {"tier_input_revenue_idx", "revenue"},
            new String[] {"tier_input_cnt_idx", "cnt"}, new String[] {"tier_input_aov_idx", "aov"},
            new String[] {"tier_input_last_at_idx", "last_at"});

    /** Replaces tier_input by the inputs of a classification of everyone (tier_calc). */
    void rebuildInputs() {
        em.createNativeQuery("TRUNCATE tier_input").executeUpdate();
        for (String[] index : INPUT_INDEXES) {
            em.createNativeQuery("DROP INDEX IF EXISTS " + index[0]).executeUpdate();
        }
        em.createNativeQuery("""
                INSERT INTO tier_input (contact_id, revenue, cnt, aov, first_at, last_at, abc_tier, abcd_quadrant, level)
                SELECT contact_id, revenue, cnt, aov, first_at, last_at, abc_tier, abcd_quadrant, level FROM tier_calc
                ORDER BY contact_id""").executeUpdate();
        for (String[] index : INPUT_INDEXES) {
            em.createNativeQuery("CREATE INDEX " + index[0] + " ON tier_input (" + index[1] + ")").executeUpdate();
        }
        em.createNativeQuery("ANALYZE tier_input").executeUpdate();
    }

    /** Keeps in tier_input the classes tier_calc gave where they differ (a classification of everyone or of a few). */
    void keepClasses() {
        em.createNativeQuery("""
                UPDATE tier_input i SET abc_tier = c.abc_tier, abcd_quadrant = c.abcd_quadrant, level = c.level
                FROM tier_calc c
                WHERE c.contact_id = i.contact_id
                  AND (i.abc_tier, i.abcd_quadrant, i.level) IS DISTINCT FROM (c.abc_tier, c.abcd_quadrant, c.level)""")
                .executeUpdate();
    }

    /** A tier_input column a cut-off walks, and the cast of a parameter to its type (so that its index serves). */
    private static String typed(String column, String parameter) {
        return switch (column) {
            case "last_at" -> "CAST(:" + parameter + " AS timestamptz)";
            case "cnt" -> "CAST(:" + parameter + " AS int)";
            case "revenue", "aov" -> "CAST(:" + parameter + " AS numeric)";
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static Query bindValue(Query query, String parameter, Object value) {
        return value instanceof Instant instant ? query.setParameter(parameter, instant)
                : query.setParameter(parameter, (BigDecimal) value);
    }

    private static Object valueOf(Tuple row, String column, String alias) {
        return "last_at".equals(column) ? Rows.instant(row, alias) : Rows.decimal(row, alias);
    }

    /**
     * The n-th value (n ≥ 1, counting customers) of a tier_input column above (up) or below a value, among every customer
     * or the paying ones; empty when there are fewer.
     */
    Optional<Object> nth(String column, boolean paying, Object from, boolean up, long n) {
        Query query = em.createNativeQuery("SELECT " + column + " AS v FROM tier_input WHERE " + column + (up ? " > " : " < ")
                + typed(column, "from") + (paying ? " AND revenue > 0" : "") + " ORDER BY " + column + (up ? "" : " DESC")
                + " OFFSET :skip LIMIT 1", Tuple.class);
        bindValue(query, "from", from).setParameter("skip", n - 1);
        return Rows.first(query).map(row -> valueOf(row, column, "v"));
    }

    /**
     * Customers strictly between two values of a column and at the second (from, to): in_between, at_value.
     */
    Tuple between(String column, boolean paying, Object from, Object to) {
        boolean up = compare(from, to) < 0;
        Query query = em.createNativeQuery("SELECT count(*) FILTER (WHERE " + column + (up ? " < " : " > ") + typed(column, "to")
                + ") AS in_between, count(*) FILTER (WHERE " + column + " = " + typed(column, "to") + ") AS at_value FROM tier_input WHERE "
                + column + (up ? " > " : " < ") + typed(column, "from") + " AND " + column + (up ? " <= " : " >= ")
                + typed(column, "to") + (paying ? " AND revenue > 0" : ""), Tuple.class);
        bindValue(query, "from", from);
        bindValue(query, "to", to);
        return Rows.one(query);
    }

    @SuppressWarnings("unchecked")
    static int compare(Object a, Object b) {
        return ((Comparable<Object>) a).compareTo(b);
    }

    /** The paying customers' distinct revenues above (up) or below a value, nearest first, with how many have each: v, n. */
    List<Tuple> revenueGroups(BigDecimal from, boolean up, int limit) {
        return Rows.list(em.createNativeQuery("SELECT revenue AS v, count(*) AS n FROM tier_input WHERE revenue > 0 AND revenue "
                + (up ? ">" : "<") + " CAST(:from AS numeric) GROUP BY revenue ORDER BY revenue" + (up ? "" : " DESC") + " LIMIT :limit",
                Tuple.class).setParameter("from", from).setParameter("limit", limit));
    }

    /**
     * The ABC limit of a cut-off as the classification computes it: total × cut-off percent / 100, where total is the
     * window revenue of every paying customer (CUMULATIVE_REVENUE) or their number.
     */
    BigDecimal abcLimit(BigDecimal total, BigDecimal cutoffPercent) {
        return Rows.decimal(Rows.one(em.createNativeQuery(
                "SELECT CAST(:total AS numeric) * CAST(:cut AS numeric) / 100 AS abc_limit", Tuple.class)
                .setParameter("total", total).setParameter("cut", cutoffPercent)), "abc_limit");
    }

    /** percentile_cont(0.5) of two middle values as PostgreSQL interpolates (float8: lo + 0.5 × (hi − lo)). */
    double median(BigDecimal lo, BigDecimal hi, boolean single) {
        Object value = Rows.one(em.createNativeQuery("""
                SELECT CASE WHEN :single THEN CAST(:lo AS float8)
                            ELSE CAST(:lo AS float8) + 0.5 * (CAST(:hi AS float8) - CAST(:lo AS float8)) END AS median""", Tuple.class)
                .setParameter("single", single).setParameter("lo", lo).setParameter("hi", hi)).get("median");
        return TierRecompute.doubleOrNull(value);
    }

    /** Starts the set of customers to classify again with the changed ones that are customers now. */
    void startReclass() {
        em.createNativeQuery("""
                CREATE TEMP TABLE tier_reclass ON COMMIT DROP AS
                SELECT d.contact_id FROM tier_delta d WHERE d.n_last_at IS NOT NULL""").executeUpdate();
        em.createNativeQuery("ALTER TABLE tier_reclass ADD PRIMARY KEY (contact_id)").executeUpdate();
    }

    /** Adds the customers with a column's value in [low, high] (paying ones only if so); returns how many were added. */
    int reclassBetween(String column, boolean paying, Object low, Object high) {
        Query query = em.createNativeQuery("INSERT INTO tier_reclass SELECT i.contact_id FROM tier_input i WHERE i." + column
                + " BETWEEN " + typed(column, "low") + " AND " + typed(column, "high") + (paying ? " AND i.revenue > 0" : "")
                + " ON CONFLICT DO NOTHING");
        bindValue(query, "low", low);
        bindValue(query, "high", high);
        return query.executeUpdate();
    }

    /** Customers to classify again so far. */
    long reclassCount() {
        return Rows.longValue(Rows.one(em.createNativeQuery("SELECT count(*) AS n FROM tier_reclass", Tuple.class)), "n");
    }

    /** Keeps a cut-off's (new) value and where it stands. */
    void keepCutoff(String name, Object value, BigDecimal below, BigDecimal upto) {
        em.createNativeQuery("""
                UPDATE tier_cutoff SET value = CAST(:value AS numeric), value_at = CAST(:valueAt AS timestamptz), below = :below,
                                       upto = :upto
                WHERE name = :name""")
                .setParameter("value", value instanceof BigDecimal decimal ? decimal : null)
                .setParameter("valueAt", value instanceof Instant instant ? instant : null)
                .setParameter("below", below).setParameter("upto", upto).setParameter("name", name).executeUpdate();
    }

    /** Keeps the medians the changed-only classification reads from tier_state. */
    void keepMedians(Double medianCount, Double medianOrder) {
        em.createNativeQuery("""
                UPDATE tier_state SET median_count = CAST(:medianCount AS double precision),
                                      median_order = CAST(:medianOrder AS double precision)""")
                .setParameter("medianCount", medianCount).setParameter("medianOrder", medianOrder).executeUpdate();
    }

    /** Fills tier_calc with every customer classified, from the raw purchases; returns the number of customers. */
    int classifyAllFromPurchases(TierPolicy policy, boolean review, Instant windowStart, Instant now) {
        return bindPolicy(em.createNativeQuery(
                CLASSIFY_ALL.formatted(POLICY, INPUTS_FROM_PURCHASES, QUADRANT, EARNED_LEVEL, CLV, LEVELED)), policy, review, now)
                .setParameter("windowStart", windowStart).executeUpdate();
    }

    /** Fills tier_calc with every customer classified, from tier_input; returns the number of customers. */
    int classifyAllFromInputs(TierPolicy policy, boolean review, Instant now) {
        return bindPolicy(em.createNativeQuery(
                CLASSIFY_ALL.formatted(POLICY, INPUTS_FROM_ROLLUP, QUADRANT, EARNED_LEVEL, CLV, LEVELED)), policy, review, now)
                .executeUpdate();
    }

    /** Fills tier_calc with the changed customers only, classified against the kept cut-offs; returns how many. */
    int classifyChanged(TierPolicy policy, boolean review, Instant now) {
        return bindPolicy(em.createNativeQuery(CLASSIFY_CHANGED.formatted(POLICY, QUADRANT, EARNED_LEVEL, CLV, LEVELED)), policy,
                review, now).executeUpdate();
    }

    private static Query bindPolicy(Query query, TierPolicy policy, boolean review, Instant now) {
        return query.setParameter("windowMonths", policy.windowMonths).setParameter("abcMethod", policy.abcMethod.name())
                .setParameter("aCutoff", policy.aCutoffPercent).setParameter("bCutoff", policy.bCutoffPercent)
                .setParameter("noRevenueTier", policy.noRevenueTier).setParameter("abcdThresholds", policy.abcdThresholds)
                .setParameter("frequencyThreshold", policy.frequencyThreshold)
                .setParameter("orderValueThreshold", policy.orderValueThreshold)
                .setParameter("goldSpend", policy.goldSpend).setParameter("goldTenureDays", policy.goldTenureDays)
                .setParameter("platinumSpend", policy.platinumSpend).setParameter("platinumTenureDays", policy.platinumTenureDays)
                .setParameter("lifetimeYears", policy.expectedLifetimeYears)
                .setParameter("version", policy.version).setParameter("now", now).setParameter("review", review);
    }

    /** The changes in customers, paying customers and their window revenue of tier_delta: d_customers, d_paying, d_revenue. */
    Tuple deltaCounts() {
        return Rows.one(em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE n_last_at IS NOT NULL) - count(*) FILTER (WHERE o_last_at IS NOT NULL) AS d_customers,
                       count(*) FILTER (WHERE n_last_at IS NOT NULL AND n_revenue > 0)
                       - count(*) FILTER (WHERE o_last_at IS NOT NULL AND o_revenue > 0) AS d_paying,
                       COALESCE(sum(n_revenue) FILTER (WHERE n_last_at IS NOT NULL AND n_revenue > 0), 0)
                       - COALESCE(sum(o_revenue) FILTER (WHERE o_last_at IS NOT NULL AND o_revenue > 0), 0) AS d_revenue
                FROM tier_delta""", Tuple.class));
    }

    /** What a side (o or n) of tier_delta adds to a cut-off's below (strict) or upto, as an SQL aggregate. */
    private static String side(TierCutoffs.Cutoff cutoff, String side, boolean strict, boolean countAbc) {
        String member = side + "_last_at IS NOT NULL" + (cutoff.population() == TierCutoffs.Population.PAYING ? " AND " + side + "_revenue > 0" : "");
        String value = cutoff.time() ? "c.value_at" : "c.value";
        String column = side + "_" + cutoff.column();
        if (cutoff.kind() == TierCutoffs.Kind.ABC) {
            String weight = countAbc ? "1" : side + "_revenue";
            return "COALESCE(sum(" + weight + ") FILTER (WHERE " + member + " AND " + column + (strict ? " > " : " >= ") + value + "), 0)";
        }
        return "count(*) FILTER (WHERE " + member + " AND " + column + (strict ? " < " : " <= ") + value + ")";
    }

    /** Every kept cut-off's value with where it stands after tier_delta: name, value, value_at, below, upto. */
    List<Tuple> movedCutoffs(TierPolicy policy) {
        boolean countAbc = policy.abcMethod != AbcMethod.CUMULATIVE_REVENUE;
        List<String> branches = new java.util.ArrayList<>();
        for (TierCutoffs.Cutoff cutoff : TierCutoffs.ALL) {
            String below = "c.below + " + side(cutoff, "n", true, countAbc) + " - " + side(cutoff, "o", true, countAbc);
            String upto = "c.upto + " + side(cutoff, "n", false, countAbc) + " - " + side(cutoff, "o", false, countAbc);
            branches.add("SELECT c.name AS name, c.value AS value, c.value_at AS value_at, " + below + " AS below, " + upto
                    + " AS upto FROM tier_cutoff c LEFT JOIN tier_delta d ON true WHERE c.name = '" + cutoff.name()
                    + "' GROUP BY c.name, c.value, c.value_at, c.below, c.upto");
        }
        return Rows.list(em.createNativeQuery(String.join("\nUNION ALL\n", branches), Tuple.class));
    }

    /**
     * Keeps the cut-offs of a classification of everyone (tier_calc): their values in one pass, then where they stand in
     * another (the state is kept by {@link #keepState}).
     */
    void keepCutoffs(TierPolicy policy) {
        boolean countAbc = policy.abcMethod != AbcMethod.CUMULATIVE_REVENUE;
        StringBuilder values = new StringBuilder("SELECT count(*) AS customers");
        for (int k = 1; k <= 4; k++) {
            values.append(", min(last_at) FILTER (WHERE r > ").append(k).append(") AS r").append(k)
                    .append(", min(cnt) FILTER (WHERE f > ").append(k).append(") AS f").append(k)
                    .append(", min(revenue) FILTER (WHERE m > ").append(k).append(") AS m").append(k);
        }
        values.append("""
                , max(cnt) FILTER (WHERE revenue > 0 AND cnt <= median_cnt) AS cnt_lo,
                  min(cnt) FILTER (WHERE revenue > 0 AND cnt >= median_cnt) AS cnt_hi,
                  max(aov) FILTER (WHERE revenue > 0 AND aov <= median_aov) AS aov_lo,
                  min(aov) FILTER (WHERE revenue > 0 AND aov >= median_aov) AS aov_hi,
                  min(revenue) FILTER (WHERE revenue > 0 AND abc_tier = 'A') AS abc_a,
                  min(revenue) FILTER (WHERE revenue > 0 AND abc_tier IN ('A', 'B')) AS abc_b
                FROM tier_calc""");
        Tuple found = Rows.one(em.createNativeQuery(values.toString(), Tuple.class));
        StringBuilder standing = new StringBuilder("SELECT count(*) AS customers");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        for (TierCutoffs.Cutoff cutoff : TierCutoffs.ALL) {
            String alias = cutoff.name().toLowerCase(java.util.Locale.ROOT);
            Object value = cutoff.time() ? Rows.instant(found, alias) : Rows.decimal(found, alias);
            String cast = cutoff.time() ? "CAST(:" + alias + " AS timestamptz)" : "CAST(:" + alias + " AS numeric)";
            params.put(alias, value);
            String member = cutoff.population() == TierCutoffs.Population.PAYING ? "revenue > 0 AND " : "";
            if (cutoff.kind() == TierCutoffs.Kind.ABC) {
                String weight = countAbc ? "1" : "revenue";
                standing.append(", COALESCE(sum(").append(weight).append(") FILTER (WHERE ").append(member).append(cutoff.column())
                        .append(" > ").append(cast).append("), 0) AS below_").append(alias)
                        .append(", COALESCE(sum(").append(weight).append(") FILTER (WHERE ").append(member).append(cutoff.column())
                        .append(" >= ").append(cast).append("), 0) AS upto_").append(alias);
            } else {
                standing.append(", count(*) FILTER (WHERE ").append(member).append(cutoff.column()).append(" < ").append(cast)
                        .append(") AS below_").append(alias)
                        .append(", count(*) FILTER (WHERE ").append(member).append(cutoff.column()).append(" <= ").append(cast)
                        .append(") AS upto_").append(alias);
            }
        }
        Query query = em.createNativeQuery(standing.append(" FROM tier_calc").toString(), Tuple.class);
        for (TierCutoffs.Cutoff cutoff : TierCutoffs.ALL) {
            String alias = cutoff.name().toLowerCase(java.util.Locale.ROOT);
            Object value = params.get(alias);
            if (cutoff.time()) {
                query.setParameter(alias, (Instant) value);
            } else {
                query.setParameter(alias, (BigDecimal) value);
            }
        }
        Tuple stands = Rows.one(query);
        em.createNativeQuery("DELETE FROM tier_cutoff").executeUpdate();
        for (TierCutoffs.Cutoff cutoff : TierCutoffs.ALL) {
            String alias = cutoff.name().toLowerCase(java.util.Locale.ROOT);
            em.createNativeQuery("""
                    INSERT INTO tier_cutoff (name, value, value_at, below, upto)
                    VALUES (:name, CAST(:value AS numeric), CAST(:valueAt AS timestamptz), :below, :upto)""")
                    .setParameter("name", cutoff.name())
                    .setParameter("value", cutoff.time() ? null : (BigDecimal) params.get(alias))
                    .setParameter("valueAt", cutoff.time() ? (Instant) params.get(alias) : null)
                    .setParameter("below", Rows.decimal(stands, "below_" + alias))
                    .setParameter("upto", Rows.decimal(stands, "upto_" + alias)).executeUpdate();
        }
    }

    /** Keeps the window tier_input now holds, and the policy and totals of the classification its cut-offs are of. */
    void keepState(Instant now, Instant windowStart, TierPolicy policy, long customers, long paying, BigDecimal totalRevenue,
            Double medianCount, Double medianOrder) {
        em.createNativeQuery("DELETE FROM tier_state").executeUpdate();
        em.createNativeQuery("""
                INSERT INTO tier_state (inputs_as_of, inputs_window_start, policy_version, policy_key, customers, paying,
                                        total_revenue, median_count, median_order)
                VALUES (:now, :windowStart, :version, :key, :customers, :paying, CAST(:total AS numeric),
                        CAST(:medianCount AS double precision), CAST(:medianOrder AS double precision))""")
                .setParameter("now", now).setParameter("windowStart", windowStart).setParameter("version", policy.version)
                .setParameter("key", TierRecompute.policyKey(policy))
                .setParameter("customers", customers).setParameter("paying", paying).setParameter("total", totalRevenue)
                .setParameter("medianCount", medianCount).setParameter("medianOrder", medianOrder).executeUpdate();
    }

    /**
     * The report's aggregates over every customer in one pass over tier_input (inputs, and the classes as written), when
     * only a few were classified again: dimension ABC, ABCD, LEVEL (key, customers, revenue), HEAT (fb, vb, paying) and
     * ALL (customers, paying, revenue).
     */
    List<Tuple> keptReportCells(BigDecimal frequency, BigDecimal orderValue) {
        return Rows.list(em.createNativeQuery("""
                SELECT CASE WHEN GROUPING(s.abc_tier) = 0 THEN 'ABC' WHEN GROUPING(s.abcd_quadrant) = 0 THEN 'ABCD'
                            WHEN GROUPING(s.level) = 0 THEN 'LEVEL' WHEN GROUPING(s.fb) = 0 THEN 'HEAT' ELSE 'ALL' END AS dimension,
                       CASE WHEN GROUPING(s.abc_tier) = 0 THEN s.abc_tier WHEN GROUPING(s.abcd_quadrant) = 0 THEN s.abcd_quadrant
                            WHEN GROUPING(s.level) = 0 THEN s.level END AS key,
                       s.fb AS fb, s.vb AS vb, count(*) AS customers, count(*) FILTER (WHERE s.revenue > 0) AS paying,
                       COALESCE(sum(s.revenue), 0) AS revenue
                FROM (SELECT i.abc_tier AS abc_tier, i.abcd_quadrant AS abcd_quadrant, i.level AS level, i.revenue AS revenue,
                             width_bucket(i.cnt, ARRAY[:f * 0.5, :f, :f * 2, :f * 4]::numeric[]) AS fb,
                             width_bucket(i.aov, ARRAY[:v * 0.5, :v, :v * 2, :v * 4]::numeric[]) AS vb
                      FROM tier_input i) AS s
                GROUP BY GROUPING SETS ((s.abc_tier), (s.abcd_quadrant), (s.level), (s.fb, s.vb), ())
                ORDER BY 1, 2, 3, 4""", Tuple.class).setParameter("f", frequency).setParameter("v", orderValue));
    }

    void recordMovements(String cause, UUID jobId, Instant now) {
        em.createNativeQuery(HISTORY).setParameter("cause", cause).setParameter("job", jobId).setParameter("now", now)
                .executeUpdate();
    }

    /** Writes the changed customers of one slice; returns how many rows changed. */
    int writeSlice(int policyVersion, Instant now, int slice) {
        return em.createNativeQuery(UPSERT).setParameter("version", policyVersion).setParameter("now", now)
                .setParameter("slice", slice).executeUpdate();
    }

    /**
     * revenue, paying, median_count, median_order (0 without paying customers), kept_median_count, kept_median_order (null
     * then) over a tier_calc of every customer; the medians are the classification's own (percentile_cont, one per row).
     */
    Tuple totals() {
        return Rows.one(em.createNativeQuery("""
                SELECT COALESCE(sum(revenue), 0) AS revenue, count(*) FILTER (WHERE revenue > 0) AS paying,
                       COALESCE(min(median_cnt), 0) AS median_count, COALESCE(min(median_aov), 0) AS median_order,
                       min(median_cnt) AS kept_median_count, min(median_aov) AS kept_median_order
                FROM tier_calc""", Tuple.class));
    }

    /** Paying customers by frequency bucket fb and order-value bucket vb around these thresholds. */
    List<Tuple> heatCells(BigDecimal frequency, BigDecimal orderValue) {
        return Rows.list(em.createNativeQuery("""
                SELECT width_bucket(cnt, ARRAY[:f * 0.5, :f, :f * 2, :f * 4]::numeric[]) AS fb,
                       width_bucket(aov, ARRAY[:v * 0.5, :v, :v * 2, :v * 4]::numeric[]) AS vb, count(*) AS customers
                FROM tier_calc WHERE revenue > 0 GROUP BY 1, 2 ORDER BY 1, 2""", Tuple.class)
                .setParameter("f", frequency).setParameter("v", orderValue));
    }

    /** The movements this job recorded: dimension, from_value, to_value, customers. */
    List<Tuple> movements(UUID jobId) {
        return Rows.list(em.createNativeQuery("""
                SELECT dimension AS dimension, from_value AS from_value, to_value AS to_value, count(*) AS customers
                FROM tier_history WHERE job_id = :job
                GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC""", Tuple.class).setParameter("job", jobId));
    }

    /** Customers and revenue per value of one tier_calc column (abc_tier, abcd_quadrant or level): key, customers, revenue. */
    List<Tuple> shares(String column) {
        if (!List.of("abc_tier", "abcd_quadrant", "level").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return Rows.list(em.createNativeQuery(
                "SELECT " + column + " AS key, count(*) AS customers, COALESCE(sum(revenue), 0) AS revenue FROM tier_calc GROUP BY 1 ORDER BY 1",
                Tuple.class));
    }
}
