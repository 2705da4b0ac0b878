package io.guanxi.crm.tier;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.jobs.Jobs;
import io.guanxi.crm.tier.api.TierReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Recomputes every customer's value in set-based SQL (SPEC §5, the statements are in
 * {@link TierRecomputeRepository}): revenue, ABC tier, ABCD quadrant, membership level, RFM and CLV into a temporary
 * table (the policy is passed in, not read, so one definition serves saved policies and tests alike); then history rows
 * are written for what moved and only changed customer rows are upserted, in slices so that progress can be reported.
 * Nothing is loaded into the heap but the report's aggregates.
 *
 * <p>The inputs (window revenue and sales, first and last purchase) are kept per customer in tier_input (V59) and brought
 * forward from the few customers whose purchases changed or aged since the last run, instead of grouping every purchase;
 * when the global cut-offs have not moved ({@link TierCutoffs}) only those customers are classified. The first run, or one
 * after more than {@link #CHANGE_LIMIT} changes, reads every purchase as before (docs/tiers.md, "How the recompute
 * runs").
 */
@ApplicationScoped
public class TierRecompute {

    public static final String JOB_KIND = "TIER_RECOMPUTE";
    private static final int SLICES = TierRecomputeRepository.SLICES;
    /**
     * Above this many changed-customer marks or purchases in the ranges that can have changed (ageing out, coming of
     * age, tenure reached), every purchase is read again rather than each changed customer's through the index.
     */
    static final long CHANGE_LIMIT = 100_000;

    static final Map<String, String> ACTIONS = Map.of(
            "A", "Core customers: keep them close — VIP service, early access, personal care",
            "B", "High value, low frequency: raise frequency — reminders, subscriptions, visit invitations",
            "C", "Frequent, low value: grow the order — bundles, upgrades, cross-selling",
            "D", "Low frequency, low value: activate — a first-repeat offer, or let them be");

    private static final Logger LOG = Logger.getLogger(TierRecompute.class);

    /** How a run classified: every customer from the purchases or from tier_input, or only the changed ones. */
    enum Path {
        PURCHASES, INPUTS, CHANGED
    }

    @Inject
    TierRecomputeRepository sql;

    /** The path of the last run in this service (what its log line says; for tests). */
    private volatile Path lastPath;

    /** The path of the last run in this service, null before the first (through the bean's proxy: a method). */
    Path lastPath() {
        return lastPath;
    }

    /** Runs inside the caller's transaction (which must allow for a long run). */
    public TierReport recompute(TierPolicy policy, boolean review, UUID jobId, Instant now, Jobs.Progress progress) {
        return recompute(policy, review, jobId, now, progress, false);
    }

    /**
     * As {@link #recompute(TierPolicy, boolean, UUID, Instant, Jobs.Progress)}; {@code rebuild} forces the path that
     * re-reads every purchase (the raw computation, for tests and after a bulk load).
     */
    TierReport recompute(TierPolicy policy, boolean review, UUID jobId, Instant now, Jobs.Progress progress, boolean rebuild) {
        sql.lock();
        sql.dropWorkTables();
        Instant windowStart = now.atOffset(ZoneOffset.UTC).minusMonths(policy.windowMonths).toInstant();
        progress.update("computing tiers", 0, null);
        long started = System.nanoTime();
        Classified classified = classify(policy, review, windowStart, now, rebuild);
        long customers = classified.customers;
        long computed = System.nanoTime();
        lastPath = classified.path;
        LOG.infof("Tier recompute %s: %s, %d customers, classified in %d ms", jobId, classified.path, customers,
                (computed - started) / 1_000_000);
        progress.update("recording movements", 0, customers);
        String cause = review ? "REVIEW" : "RECOMPUTE";
        sql.recordMovements(cause, jobId, now);
        long recorded = System.nanoTime();
        long changed = 0;
        for (int slice = 0; slice < SLICES; slice++) {
            changed += sql.writeSlice(policy.version, now, slice);
            progress.update("writing changed customers", customers * (slice + 1) / SLICES, customers);
        }
        long written = System.nanoTime();
        TierReport.Timings timings = new TierReport.Timings((computed - started) / 1_000_000, (recorded - computed) / 1_000_000,
                (written - recorded) / 1_000_000);
        if (classified.path != Path.CHANGED) {
            return report(policy, review, jobId, now, windowStart, customers, changed, timings);
        }
        return keptReport(policy, review, jobId, now, windowStart, changed, timings, classified);
    }

    /** What the classification step left in tier_calc: everyone, or only the changed customers (then the totals kept). */
    private record Classified(Path path, long customers, Double medianCount, Double medianOrder) {
    }

    /** A cut-off's value and where it stands now. */
    private record Settled(Object value, BigDecimal below, BigDecimal upto) {
    }

    /**
     * Fills tier_calc and brings tier_input and the kept state forward. Without a kept state (first run, after a TRUNCATE)
     * or with too many changes, every purchase is read again (the raw computation); otherwise only the customers whose
     * inputs can have changed are recomputed from their purchases, and only they are classified when the global
     * cut-offs have not moved ({@link TierCutoffs}); else everyone is ranked again from tier_input.
     */
    private Classified classify(TierPolicy policy, boolean review, Instant windowStart, Instant now, boolean rebuild) {
        Optional<Tuple> kept = sql.state();
        long marks = sql.takeMarks(CHANGE_LIMIT);
        List<Instant[]> ranges = kept.map(state -> changeRanges(policy, state, windowStart, now)).orElse(List.of());
        boolean fromPurchases = rebuild || kept.isEmpty() || marks > CHANGE_LIMIT
                || marks + sql.purchasesIn(ranges, CHANGE_LIMIT) > CHANGE_LIMIT;
        if (fromPurchases) {
            int customers = sql.classifyAllFromPurchases(policy, review, windowStart, now);
            sql.rebuildInputs();
            sql.dropTakenMarks();
            keepClassification(policy, windowStart, now, customers);
            return new Classified(Path.PURCHASES, customers, null, null);
        }
        sql.collectAffected(ranges);
        sql.computeDelta(windowStart, now);
        sql.applyDelta();
        sql.dropTakenMarks();
        Tuple state = kept.get();
        if (!review && policyKey(policy).equals(Rows.string(state, "policy_key"))) {
            Classified changedOnly = classifyChangedOnly(policy, state, now);
            if (changedOnly != null) {
                return changedOnly;
            }
        }
        int customers = sql.classifyAllFromInputs(policy, review, now);
        sql.keepClasses();
        keepClassification(policy, windowStart, now, customers);
        return new Classified(Path.INPUTS, customers, null, null);
    }

    /**
     * Classifies only the changed customers and those between an old and a new cut-off value: every kept cut-off is moved
     * to where it stands after the changes (a few steps through tier_input's indexes). Null, leaving everyone to be
     * classified, when there is no customer or no paying one, or a cut-off moved too far.
     */
    private Classified classifyChangedOnly(TierPolicy policy, Tuple state, Instant now) {
        Tuple delta = sql.deltaCounts();
        long customers = Rows.longValue(state, "customers") + Rows.longValue(delta, "d_customers");
        long paying = Rows.longValue(state, "paying") + Rows.longValue(delta, "d_paying");
        if (customers < 1 || paying < 1) {
            return null;
        }
        Map<String, Tuple> moved = new HashMap<>();
        for (Tuple cutoff : sql.movedCutoffs(policy)) {
            moved.put(Rows.string(cutoff, "name"), cutoff);
        }
        if (moved.size() != TierCutoffs.ALL.size()) {
            return null;
        }
        sql.startReclass();
        for (int k = 1; k <= 4; k++) {
            long position = TierCutoffs.rfmPosition(k, customers);
            for (String[] rank : List.of(new String[] {"R", "last_at"}, new String[] {"F", "cnt"}, new String[] {"M", "revenue"})) {
                Settled settled = settle(rank[0] + k, rank[1], false, moved.get(rank[0] + k), position);
                if (settled == null) {
                    return null;
                }
            }
        }
        Double medianCount = doubleOrNull(state.get("median_count"));
        Double medianOrder = doubleOrNull(state.get("median_order"));
        if (!"FIXED".equals(policy.abcdThresholds)) {
            long[] positions = TierCutoffs.medianPositions(paying);
            Double count = settleMedian("CNT", "cnt", moved, positions, medianCount);
            Double order = count == null ? null : settleMedian("AOV", "aov", moved, positions, medianOrder);
            if (order == null) {
                return null;
            }
            medianCount = count;
            medianOrder = order;
            sql.keepMedians(medianCount, medianOrder);
        }
        boolean countAbc = policy.abcMethod != AbcMethod.CUMULATIVE_REVENUE;
        BigDecimal total = countAbc ? BigDecimal.valueOf(paying)
                : Rows.decimal(state, "total_revenue").add(Rows.decimal(delta, "d_revenue"));
        if (!settleAbc("ABC_A", moved.get("ABC_A"), sql.abcLimit(total, policy.aCutoffPercent), countAbc)
                || !settleAbc("ABC_B", moved.get("ABC_B"), sql.abcLimit(total, policy.bCutoffPercent), countAbc)
                || sql.reclassCount() > CHANGE_LIMIT) {
            return null;
        }
        sql.classifyChanged(policy, false, now);
        sql.keepClasses();
        return new Classified(Path.CHANGED, customers, medianCount, medianOrder);
    }

    /**
     * Moves an ascending cut-off (the value at a 1-based position among every customer, or the paying ones) from its
     * kept value to the value now at that position, and adds the customers between the two to those classified again.
     */
    private Settled settle(String name, String column, boolean paying, Tuple moved, long position) {
        Object value = "last_at".equals(column) ? Rows.instant(moved, "value_at") : Rows.decimal(moved, "value");
        if (value == null) {
            return null;
        }
        BigDecimal below = Rows.decimal(moved, "below");
        BigDecimal upto = Rows.decimal(moved, "upto");
        BigDecimal at = BigDecimal.valueOf(position);
        Settled settled = new Settled(value, below, upto);
        if (at.compareTo(upto) > 0 || at.compareTo(below) <= 0) {
            boolean up = at.compareTo(upto) > 0;
            long steps = up ? at.subtract(upto).longValueExact() : below.subtract(at).longValueExact() + 1;
            if (steps > CHANGE_LIMIT) {
                return null;
            }
            Optional<Object> next = sql.nth(column, paying, value, up, steps);
            if (next.isEmpty()) {
                return null;
            }
            Tuple counts = sql.between(column, paying, value, next.get());
            BigDecimal between = Rows.decimal(counts, "in_between");
            BigDecimal equal = Rows.decimal(counts, "at_value");
            settled = up ? new Settled(next.get(), upto.add(between), upto.add(between).add(equal))
                    : new Settled(next.get(), below.subtract(between).subtract(equal), below.subtract(between));
            if (settled.below.compareTo(at) >= 0 || at.compareTo(settled.upto) > 0) {
                return null;
            }
            boolean rising = TierRecomputeRepository.compare(value, next.get()) < 0;
            sql.reclassBetween(column, paying, rising ? value : next.get(), rising ? next.get() : value);
        }
        sql.keepCutoff(name, settled.value, settled.below, settled.upto);
        return settled;
    }

    /**
     * Moves the two middle values of the paying customers' column (CNT or AOV) to the middle positions now, and returns the
     * median as percentile_cont computes it; the paying customers whose value lies between the old and the new median
     * are classified again. Null when a value cannot be placed.
     */
    private Double settleMedian(String prefix, String column, Map<String, Tuple> moved, long[] positions, Double before) {
        Settled lo = settle(prefix + "_LO", column, true, moved.get(prefix + "_LO"), positions[0]);
        Settled hi = lo == null ? null : settle(prefix + "_HI", column, true, moved.get(prefix + "_HI"), positions[1]);
        if (hi == null || before == null) {
            return null;
        }
        double median = sql.median((BigDecimal) lo.value, (BigDecimal) hi.value, positions[0] == positions[1]);
        if (median != before) {
            double low = Math.min(median, before);
            double high = Math.max(median, before);
            if ("cnt".equals(column)) {
                // cnt > m for a whole cnt exactly when cnt ≥ floor(m) + 1: the class changes for floor(low) + 1 … floor(high).
                sql.reclassBetween(column, true, BigDecimal.valueOf((long) Math.floor(low) + 1),
                        BigDecimal.valueOf((long) Math.floor(high)));
            } else {
                BigDecimal cent = new BigDecimal("0.01");
                sql.reclassBetween(column, true, new BigDecimal(low).subtract(cent), new BigDecimal(high).add(cent));
            }
        }
        return median;
    }

    /**
     * Moves an ABC cut-off (the least paying revenue whose revenue_before, the revenue or number of the paying customers
     * above it, is below the limit) to where it now is, walking the distinct revenues next to the kept one; the paying
     * customers between the two are classified again. False when it would walk too far or no customer qualifies.
     */
    private boolean settleAbc(String name, Tuple moved, BigDecimal limit, boolean countAbc) {
        BigDecimal kept = Rows.decimal(moved, "value");
        if (kept == null) {
            return false;
        }
        BigDecimal above = Rows.decimal(moved, "below");
        BigDecimal atOrAbove = Rows.decimal(moved, "upto");
        if (above.compareTo(limit) < 0 && limit.compareTo(atOrAbove) <= 0) {
            sql.keepCutoff(name, kept, above, atOrAbove);
            return true;
        }
        boolean up = above.compareTo(limit) >= 0;
        BigDecimal found = null;
        BigDecimal foundAbove = null;
        BigDecimal foundAtOrAbove = null;
        BigDecimal from = kept;
        BigDecimal running = up ? above : atOrAbove;
        long walked = 0;
        walk:
        while (walked <= CHANGE_LIMIT) {
            List<Tuple> groups = sql.revenueGroups(from, up, 1_000);
            if (groups.isEmpty()) {
                break;
            }
            for (Tuple group : groups) {
                BigDecimal value = Rows.decimal(group, "v");
                long customers = Rows.longValue(group, "n");
                BigDecimal weight = countAbc ? BigDecimal.valueOf(customers) : value.multiply(BigDecimal.valueOf(customers));
                walked += customers;
                from = value;
                if (up) {
                    // The revenue above the next value up is what was above the last one, less this value's.
                    BigDecimal aboveValue = running.subtract(weight);
                    if (aboveValue.compareTo(limit) < 0) {
                        found = value;
                        foundAbove = aboveValue;
                        foundAtOrAbove = running;
                        break walk;
                    }
                    running = aboveValue;
                } else {
                    // Going down, the revenue above the next value is what was at or above the last one.
                    if (running.compareTo(limit) >= 0) {
                        break walk;
                    }
                    found = value;
                    foundAbove = running;
                    foundAtOrAbove = running.add(weight);
                    running = foundAtOrAbove;
                }
            }
        }
        if (found == null || walked > CHANGE_LIMIT) {
            return false;
        }
        sql.reclassBetween("revenue", true, kept.min(found), kept.max(found));
        sql.keepCutoff(name, found, foundAbove, foundAtOrAbove);
        return true;
    }

    /**
     * Where purchases can have entered or left a customer's inputs or class since the state was kept: between the two
     * window starts, between the two instants, and between the two instants a tenure ago (a level's tenure reached).
     */
    private static List<Instant[]> changeRanges(TierPolicy policy, Tuple state, Instant windowStart, Instant now) {
        Instant keptAt = Rows.instant(state, "inputs_as_of");
        Instant keptWindow = Rows.instant(state, "inputs_window_start");
        List<Instant[]> ranges = new ArrayList<>();
        ranges.add(ordered(keptWindow, windowStart));
        ranges.add(ordered(keptAt, now));
        for (int days : List.of(policy.goldTenureDays, policy.platinumTenureDays)) {
            Duration tenure = Duration.ofHours(24L * days);
            ranges.add(ordered(keptAt.minus(tenure), now.minus(tenure)));
        }
        return ranges;
    }

    private static Instant[] ordered(Instant a, Instant b) {
        return a.isAfter(b) ? new Instant[] {b, a} : new Instant[] {a, b};
    }

    /** After a classification of everyone: its cut-offs and totals, kept for the next run. */
    private void keepClassification(TierPolicy policy, Instant windowStart, Instant now, long customers) {
        Tuple totals = sql.totals();
        sql.keepCutoffs(policy);
        Object medianCount = totals.get("kept_median_count");
        Object medianOrder = totals.get("kept_median_order");
        sql.keepState(now, windowStart, policy, customers, Rows.longValue(totals, "paying"),
                Rows.decimal(totals, "revenue"), doubleOrNull(medianCount), doubleOrNull(medianOrder));
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
        return new TierReport(jobId, now, policy.version, review, windowStart, customers, paying, totalRevenue, tiers,
                quadrants, levels, new TierReport.Thresholds(fixed ? "FIXED" : "MEDIAN", frequency, orderValue), heatmap,
                movements(jobId), changed, timings);
    }

    /**
     * The same report when only the changed customers were classified: the medians are the kept ones (unmoved), the
     * rest is summed in one pass over every customer's kept inputs and written classes; the kept state moves forward.
     */
    private TierReport keptReport(TierPolicy policy, boolean review, UUID jobId, Instant now, Instant windowStart, long changed,
            TierReport.Timings timings, Classified classified) {
        boolean fixed = "FIXED".equals(policy.abcdThresholds);
        BigDecimal frequency = fixed ? BigDecimal.valueOf(policy.frequencyThreshold) : twoPlaces(classified.medianCount);
        BigDecimal orderValue = fixed ? policy.orderValueThreshold : twoPlaces(classified.medianOrder);
        List<Tuple> cells = sql.keptReportCells(frequency, orderValue);
        Tuple all = cells.stream().filter(c -> "ALL".equals(Rows.string(c, "dimension"))).findFirst().orElseThrow();
        long customers = Rows.longValue(all, "customers");
        long paying = Rows.longValue(all, "paying");
        if (customers != classified.customers) {
            LOG.warnf("Tier recompute %s: %d customers kept, %d with a value row", jobId, classified.customers, customers);
        }
        BigDecimal totalRevenue = Rows.decimal(all, "revenue");
        Map<String, List<TierReport.Share>> shares = new HashMap<>();
        List<TierReport.HeatCell> heatmap = new ArrayList<>();
        for (Tuple cell : cells) {
            String dimension = Rows.string(cell, "dimension");
            if ("HEAT".equals(dimension)) {
                long cellPaying = Rows.longValue(cell, "paying");
                if (cellPaying > 0) {
                    heatmap.add(new TierReport.HeatCell(Rows.intValue(cell, "fb"), Rows.intValue(cell, "vb"), cellPaying));
                }
            } else if (!"ALL".equals(dimension)) {
                String key = String.valueOf(cell.get("key"));
                long count = Rows.longValue(cell, "customers");
                BigDecimal revenue = Rows.decimal(cell, "revenue");
                shares.computeIfAbsent(dimension, d -> new ArrayList<>()).add(new TierReport.Share(key, count,
                        percent(BigDecimal.valueOf(count), BigDecimal.valueOf(customers)), revenue, percent(revenue, totalRevenue),
                        "ABCD".equals(dimension) ? ACTIONS.get(key) : null));
            }
        }
        sql.keepState(now, windowStart, policy, customers, paying, totalRevenue, classified.medianCount,
                classified.medianOrder);
        return new TierReport(jobId, now, policy.version, review, windowStart, customers, paying, totalRevenue,
                shares.getOrDefault("ABC", List.of()), shares.getOrDefault("ABCD", List.of()), shares.getOrDefault("LEVEL", List.of()),
                new TierReport.Thresholds(fixed ? "FIXED" : "MEDIAN", frequency, orderValue), heatmap, movements(jobId), changed,
                timings);
    }

    /** Everything of a policy the classification reads: kept cut-offs are reused only under the same. */
    static String policyKey(TierPolicy policy) {
        return String.join("|", String.valueOf(policy.version), String.valueOf(policy.windowMonths), policy.abcMethod.name(),
                String.valueOf(policy.aCutoffPercent), String.valueOf(policy.bCutoffPercent), policy.noRevenueTier,
                policy.abcdThresholds, String.valueOf(policy.frequencyThreshold), String.valueOf(policy.orderValueThreshold),
                String.valueOf(policy.goldSpend), String.valueOf(policy.goldTenureDays), String.valueOf(policy.platinumSpend),
                String.valueOf(policy.platinumTenureDays), String.valueOf(policy.expectedLifetimeYears));
    }

    static Double doubleOrNull(Object value) {
        // float8 arrives as a Double: kept as it is, the median read back is the same double.
        return value == null ? null : value instanceof Double exact ? exact : SqlValues.decimal(value).doubleValue();
    }

    private List<TierReport.Movement> movements(UUID jobId) {
        List<Tuple> moves = sql.movements(jobId);
        return moves.stream().map(m -> new TierReport.Movement(Rows.string(m, "dimension"),
                Rows.string(m, "from_value"), Rows.string(m, "to_value"), Rows.longValue(m, "customers"))).toList();
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

    /** The same for a kept median, read back as the Double the driver gives (0 without paying customers, as totals). */
    private static BigDecimal twoPlaces(Double median) {
        return SqlValues.decimal(median == null ? 0.0 : median).setScale(2, RoundingMode.HALF_UP);
    }
}
