package io.guanxi.crm.tier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The positions the kept cut-offs stand at, against the definitions they replace, counted one by one. */
class TierCutoffsTest {

    @Test
    void theRfmPositionIsTheLeastCountWhoseScoreExceedsK() {
        for (long n : new long[] {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 99, 100, 101, 999, 1_000, 1_001, 1_000_320, 1_000_321}) {
            for (int k = 1; k <= 4; k++) {
                long expected = 1;
                // GREATEST(1, ceil(cume_dist() * 5)) with cume_dist = c / n in double precision, as PostgreSQL computes it.
                while (Math.max(1, Math.ceil(((double) expected / (double) n) * 5)) <= k) {
                    expected++;
                }
                assertEquals(expected, TierCutoffs.rfmPosition(k, n), "k " + k + ", n " + n);
            }
        }
    }

    @Test
    void theMedianPositionsAreTheMiddleOneOrTwo() {
        assertArrayEquals(new long[] {1, 1}, TierCutoffs.medianPositions(1));
        assertArrayEquals(new long[] {1, 2}, TierCutoffs.medianPositions(2));
        assertArrayEquals(new long[] {2, 2}, TierCutoffs.medianPositions(3));
        assertArrayEquals(new long[] {500_000, 500_001}, TierCutoffs.medianPositions(1_000_000));
    }
}
