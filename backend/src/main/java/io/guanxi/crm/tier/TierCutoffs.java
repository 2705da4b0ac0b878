package io.guanxi.crm.tier;

import java.util.ArrayList;
import java.util.List;

/**
 * The global cut-offs of a classification, kept between runs (tier_cutoff, V59).
 *
 * <p>The recompute ranks customers globally (RFM scores by cumulative distribution, the paying customers' medians for
 * the ABCD quadrant, the ABC tier by cumulative revenue or paying count), but each of those ranks is a step function
 * of the customer's own value: an RFM score is above k exactly for the values from the value at position m<sub>k</sub>
 * (the least count of customers whose {@code ceil(cume_dist × 5)} exceeds k, {@link #rfmPosition}) up; a median is the
 * value (or the mean of the two values) at the middle positions ({@link #medianPositions}); a customer is in tier A
 * exactly when its revenue is at least the least revenue in tier A. A cut-off is kept as its value and as {@code below}
 * and {@code upto}: for an ascending rank the customers with a smaller and with a smaller or equal value; for ABC the
 * revenue (or number) of the paying customers above the value and at or above it. After a few customers changed, their
 * differences move below and upto, each value is moved to where it now stands (a few steps through tier_input's
 * indexes, {@link TierRecompute}), and only the changed customers and those between an old and a new value can change
 * class.
 */
final class TierCutoffs {

    private TierCutoffs() {
    }

    /** Whose rank a cut-off is taken in. */
    enum Population {
        ALL, PAYING
    }

    /** How a cut-off stands: ascending by count, or (ABC) by what lies above it. */
    enum Kind {
        ASCENDING, ABC
    }

    /** One cut-off: its name (a row of tier_cutoff), the tier_calc column it is a value of, and its rank. */
    record Cutoff(String name, String column, Population population, Kind kind, boolean time) {
    }

    /** RFM score thresholds k = 1..4: R over last_at, F over cnt, M over revenue, among all customers. */
    static final List<Cutoff> ALL;

    static {
        List<Cutoff> all = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            all.add(new Cutoff("R" + k, "last_at", Population.ALL, Kind.ASCENDING, true));
            all.add(new Cutoff("F" + k, "cnt", Population.ALL, Kind.ASCENDING, false));
            all.add(new Cutoff("M" + k, "revenue", Population.ALL, Kind.ASCENDING, false));
        }
        all.add(new Cutoff("CNT_LO", "cnt", Population.PAYING, Kind.ASCENDING, false));
        all.add(new Cutoff("CNT_HI", "cnt", Population.PAYING, Kind.ASCENDING, false));
        all.add(new Cutoff("AOV_LO", "aov", Population.PAYING, Kind.ASCENDING, false));
        all.add(new Cutoff("AOV_HI", "aov", Population.PAYING, Kind.ASCENDING, false));
        all.add(new Cutoff("ABC_A", "revenue", Population.PAYING, Kind.ABC, false));
        all.add(new Cutoff("ABC_B", "revenue", Population.PAYING, Kind.ABC, false));
        ALL = List.copyOf(all);
    }

    /**
     * The least count c of customers at or below a value for which {@code GREATEST(1, ceil(cume_dist() * 5))}, with
     * cume_dist = c / n in double precision as PostgreSQL computes it, is above k (1 ≤ k ≤ 4, n ≥ 1).
     */
    static long rfmPosition(int k, long n) {
        long c = Math.max(1, (long) Math.floor(k * (double) n / 5) - 2);
        while (c < n && Math.ceil(((double) c / (double) n) * 5) <= k) {
            c++;
        }
        return c;
    }

    /** The 1-based positions percentile_cont(0.5) interpolates between, among n ≥ 1 values. */
    static long[] medianPositions(long n) {
        double row = 0.5 * (n - 1);
        return new long[] {(long) Math.floor(row) + 1, (long) Math.ceil(row) + 1};
    }
}
