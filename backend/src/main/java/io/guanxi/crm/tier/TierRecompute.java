package io.guanxi.crm.tier;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.jobs.Jobs;
import io.guanxi.crm.tier.api.TierReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes every customer's value in set-based SQL (SPEC §5, the statements are in
 * {@link TierRecomputeRepository}): one statement derives revenue, ABC tier, ABCD quadrant, membership level, RFM and CLV for all customers into a temporary table (the
 * policy is passed in, not read, so one definition serves saved policies and tests alike); then
 * history rows are written for what moved and only changed customer rows are upserted, in slices so
 * that progress can be reported. Nothing is loaded into the heap but the report's aggregates.
 */
@ApplicationScoped
public class TierRecompute {

    public static final String JOB_KIND = "TIER_RECOMPUTE";
    private static final int SLICES = TierRecomputeRepository.SLICES;

    static final Map<String, String> ACTIONS = Map.of(
            "A", "Core customers: keep them close — VIP service, early access, personal care",
            "B", "High value, low frequency: raise frequency — reminders, subscriptions, visit invitations",
            "C", "Frequent, low value: grow the order — bundles, upgrades, cross-selling",
            "D", "Low frequency, low value: activate — a first-repeat offer, or let them be");

    @Inject
    TierRecomputeRepository sql;

    /** Runs inside the caller's transaction (which must allow for a long run). */
    public TierReport recompute(TierPolicy policy, boolean review, UUID jobId, Instant now, Jobs.Progress progress) {
        sql.lock();
        Instant windowStart = now.atOffset(ZoneOffset.UTC).minusMonths(policy.windowMonths).toInstant();
        progress.update("computing tiers", 0, null);
        long started = System.nanoTime();
        int customers = sql.calculate(policy, review, windowStart, now);
        long computed = System.nanoTime();
        progress.update("recording movements", 0, (long) customers);
        String cause = review ? "REVIEW" : "RECOMPUTE";
        sql.recordMovements(cause, jobId, now);
        long recorded = System.nanoTime();
        long changed = 0;
        for (int slice = 0; slice < SLICES; slice++) {
            changed += sql.writeSlice(policy.version, now, slice);
            progress.update("writing changed customers", (long) customers * (slice + 1) / SLICES, (long) customers);
        }
        long written = System.nanoTime();
        TierReport.Timings timings = new TierReport.Timings((computed - started) / 1_000_000, (recorded - computed) / 1_000_000,
                (written - recorded) / 1_000_000);
        return report(policy, review, jobId, now, windowStart, customers, changed, timings);
    }

    private TierReport report(TierPolicy policy, boolean review, UUID jobId, Instant now, Instant windowStart,
            long customers, long changed, TierReport.Timings timings) {
        Tuple totals = sql.totals();
        BigDecimal totalRevenue = Rows.decimal(totals, "revenue");
        long paying = Rows.longValue(totals, "paying");
        boolean fixed = "FIXED".equals(policy.abcdThresholds);
        BigDecimal frequency = fixed ? BigDecimal.valueOf(policy.frequencyThreshold) : twoPlaces(totals, "median_count");
        BigDecimal orderValue = fixed ? policy.orderValueThreshold : twoPlaces(totals, "median_order");
        List<TierReport.Share> tiers = shares("abc_tier", customers, totalRevenue, false);
        List<TierReport.Share> quadrants = shares("abcd_quadrant", customers, totalRevenue, true);
        List<TierReport.Share> levels = shares("level", customers, totalRevenue, false);
        List<TierReport.HeatCell> heatmap = new ArrayList<>();
        List<Tuple> cells = sql.heatCells(frequency, orderValue);
        for (Tuple cell : cells) {
            heatmap.add(new TierReport.HeatCell(Rows.intValue(cell, "fb"), Rows.intValue(cell, "vb"), Rows.longValue(cell, "customers")));
        }
        List<Tuple> moves = sql.movements(jobId);
        List<TierReport.Movement> movements = moves.stream().map(m -> new TierReport.Movement(Rows.string(m, "dimension"),
                Rows.string(m, "from_value"), Rows.string(m, "to_value"), Rows.longValue(m, "customers"))).toList();
        return new TierReport(jobId, now, policy.version, review, windowStart, customers, paying, totalRevenue, tiers,
                quadrants, levels, new TierReport.Thresholds(fixed ? "FIXED" : "MEDIAN", frequency, orderValue), heatmap,
                movements, changed, timings);
    }

    private List<TierReport.Share> shares(String column, long customers, BigDecimal totalRevenue, boolean withAction) {
        List<Tuple> rows = sql.shares(column);
        return rows.stream().map(r -> {
            String key = String.valueOf(r.get("key"));
            long count = Rows.longValue(r, "customers");
            BigDecimal revenue = Rows.decimal(r, "revenue");
            return new TierReport.Share(key, count, percent(BigDecimal.valueOf(count), BigDecimal.valueOf(customers)), revenue,
                    percent(revenue, totalRevenue), withAction ? ACTIONS.get(key) : null);
        }).toList();
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /** percentile_cont is a double precision: rounded to the cents the report shows. */
    private static BigDecimal twoPlaces(Tuple row, String alias) {
        return Rows.decimal(row, alias).setScale(2, RoundingMode.HALF_UP);
    }
}
