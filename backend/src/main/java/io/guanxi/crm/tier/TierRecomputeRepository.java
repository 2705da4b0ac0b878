package io.guanxi.crm.tier;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.purchase.PurchaseReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
    /** Slices of the write, for progress; must match the "% 10" of CALCULATE. */
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

    private static final String CALCULATE = """
            CREATE TEMP TABLE tier_calc ON COMMIT DROP AS
            WITH pol AS (
                SELECT CAST(:windowMonths AS int) AS window_months, CAST(:abcMethod AS varchar) AS abc_method,
                       CAST(:aCutoff AS numeric) AS a_cutoff_percent, CAST(:bCutoff AS numeric) AS b_cutoff_percent,
                       CAST(:noRevenueTier AS varchar) AS no_revenue_tier, CAST(:abcdThresholds AS varchar) AS abcd_thresholds,
                       CAST(:frequencyThreshold AS int) AS frequency_threshold,
                       CAST(:orderValueThreshold AS numeric) AS order_value_threshold,
                       CAST(:goldSpend AS numeric) AS gold_spend, CAST(:goldTenureDays AS int) AS gold_tenure_days,
                       CAST(:platinumSpend AS numeric) AS platinum_spend, CAST(:platinumTenureDays AS int) AS platinum_tenure_days,
                       CAST(:lifetimeYears AS numeric) AS expected_lifetime_years),
            agg AS (
                SELECT p.contact_id,
                       COALESCE(sum(p.kept_amount) FILTER (WHERE p.occurred_at > :windowStart), 0) AS revenue,
                       count(*) FILTER (WHERE p.occurred_at > :windowStart AND p.kept_amount > 0) AS cnt,
                       min(p.occurred_at) AS first_at, max(p.occurred_at) AS last_at
                FROM %3$s p WHERE p.occurred_at <= :now
                GROUP BY p.contact_id),
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
                SELECT r.*, pol.*, t.total_revenue, t.paying,
                       CASE WHEN pol.abcd_thresholds = 'FIXED' THEN r.cnt >= pol.frequency_threshold ELSE r.cnt > t.median_cnt END AS high_frequency,
                       CASE WHEN pol.abcd_thresholds = 'FIXED' THEN r.aov >= pol.order_value_threshold ELSE r.aov > t.median_aov END AS high_value
                FROM ranked r CROSS JOIN pol CROSS JOIN totals t),
            classified AS (
                SELECT f.contact_id, f.revenue, f.cnt, f.aov, f.first_at, f.last_at, f.r, f.f, f.m,
                       CASE WHEN f.revenue <= 0 THEN f.no_revenue_tier
                            WHEN f.abc_method = 'CUMULATIVE_REVENUE' THEN
                                CASE WHEN f.revenue_before < f.total_revenue * f.a_cutoff_percent / 100 THEN 'A'
                                     WHEN f.revenue_before < f.total_revenue * f.b_cutoff_percent / 100 THEN 'B' ELSE 'C' END
                            ELSE CASE WHEN f.customers_before < f.paying * f.a_cutoff_percent / 100 THEN 'A'
                                      WHEN f.customers_before < f.paying * f.b_cutoff_percent / 100 THEN 'B' ELSE 'C' END
                       END AS abc_tier,
                       CASE WHEN f.revenue <= 0 THEN 'D'
                            WHEN f.high_frequency AND f.high_value THEN 'A'
                            WHEN f.high_value THEN 'B'
                            WHEN f.high_frequency THEN 'C' ELSE 'D' END AS abcd_quadrant,
                       %2$s AS computed_level,
                       round(f.aov * (f.cnt * 12.0 / f.window_months) * f.expected_lifetime_years, 2) AS clv
                FROM flagged f),
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
            """.formatted(LEVEL_RANKING, EARNED_LEVEL, PurchaseReadModel.PURCHASES);

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

    /** Fills tier_calc; returns the number of customers (contacts with a sale up to now). */
    int calculate(TierPolicy policy, boolean review, Instant windowStart, Instant now) {
        return em.createNativeQuery(CALCULATE)
                .setParameter("windowMonths", policy.windowMonths).setParameter("abcMethod", policy.abcMethod.name())
                .setParameter("aCutoff", policy.aCutoffPercent).setParameter("bCutoff", policy.bCutoffPercent)
                .setParameter("noRevenueTier", policy.noRevenueTier).setParameter("abcdThresholds", policy.abcdThresholds)
                .setParameter("frequencyThreshold", policy.frequencyThreshold)
                .setParameter("orderValueThreshold", policy.orderValueThreshold)
                .setParameter("goldSpend", policy.goldSpend).setParameter("goldTenureDays", policy.goldTenureDays)
                .setParameter("platinumSpend", policy.platinumSpend).setParameter("platinumTenureDays", policy.platinumTenureDays)
                .setParameter("lifetimeYears", policy.expectedLifetimeYears).setParameter("windowStart", windowStart)
                .setParameter("version", policy.version)
                .setParameter("now", now).setParameter("review", review).executeUpdate();
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

    /** revenue, paying, median_count, median_order over tier_calc. */
    Tuple totals() {
        return Rows.one(em.createNativeQuery("""
                SELECT COALESCE(sum(revenue), 0) AS revenue, count(*) FILTER (WHERE revenue > 0) AS paying,
                       COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY cnt) FILTER (WHERE revenue > 0), 0) AS median_count,
                       COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY aov) FILTER (WHERE revenue > 0), 0) AS median_order
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
