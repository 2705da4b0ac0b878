package io.guanxi.crm.loyalty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The first-in-first-out rule of the ledger, free of the database: a debit takes the points that
 * expire first (ties: the older lot), so what a customer keeps is always the freshest. A refund
 * reversal names its purchase's own lot, which then goes first.
 */
public final class PointsLots {

    /** What is left of one credit. */
    public record Lot(long id, long remaining, Instant expiresAt) {
    }

    /** Points a debit takes from one lot. */
    public record Take(long lotId, long points) {
    }

    public static final Comparator<Lot> FIFO = Comparator.comparing(Lot::expiresAt).thenComparingLong(Lot::id);

    private PointsLots() {
    }

    /** Takes up to {@code points} (fewer only when the lots hold fewer): the preferred lot first, then FIFO. */
    public static List<Take> take(List<Lot> lots, long points, Long preferredLotId) {
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative: " + points);
        }
        List<Lot> order = new ArrayList<>(lots);
        // false sorts first: the preferred lot, then the rest in FIFO order
        order.sort(Comparator.comparing((Lot lot) -> preferredLotId == null || lot.id() != preferredLotId).thenComparing(FIFO));
        List<Take> takes = new ArrayList<>();
        long left = points;
        for (Lot lot : order) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(left, lot.remaining());
            if (taken > 0) {
                takes.add(new Take(lot.id(), taken));
                left -= taken;
            }
        }
        return takes;
    }

    public static long total(List<Take> takes) {
        return takes.stream().mapToLong(Take::points).sum();
    }
}
