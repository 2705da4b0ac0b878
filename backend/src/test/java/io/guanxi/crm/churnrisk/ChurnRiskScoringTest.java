package io.guanxi.crm.churnrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.churnrisk.ChurnRiskScoring.Facts;
import io.guanxi.crm.churnrisk.ChurnRiskScoring.Result;
import io.guanxi.crm.complaint.Severity;
import io.guanxi.crm.tier.MembershipLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The formula as docs/churn-risk.md documents it, one signal at a time, under the default policy (30/25/20/10/10/5, 30/60). */
class ChurnRiskScoringTest {

    private static final Facts CALM = new Facts(5, 30, true, 1, 0, null, null, null, null, null, 0, 0);

    static ChurnRiskPolicy defaults() {
        ChurnRiskPolicy p = new ChurnRiskPolicy();
        p.version = 1;
        p.quietWeight = 30;
        p.purchaseDropWeight = 25;
        p.complaintWeight = 20;
        p.detractorWeight = 10;
        p.levelDownWeight = 10;
        p.expiringPointsWeight = 5;
        p.mediumThreshold = 30;
        p.highThreshold = 60;
        p.defaultCadenceDays = 30;
        p.expiringWithinDays = 30;
        return p;
    }

    private static Result score(Facts facts) {
        return ChurnRiskScoring.score(facts, defaults());
    }

    private static String value(Result r, ChurnSignal signal) {
        return r.signals().stream().filter(s -> s.signal() == signal).findFirst().orElseThrow().value().toPlainString();
    }

    @Test
    void aCalmCustomerScoresZero() {
        Result r = score(CALM);
        assertEquals(0, r.score());
        assertEquals(ChurnRiskLevel.LOW, r.level());
        assertEquals(List.of(), r.reasons());
    }

    @Test
    void quietRisesFromTheUsualGapToThreeUsualGaps() {
        assertEquals("0.0000", value(score(facts(10, 10, 1, 0)), ChurnSignal.QUIET));
        assertEquals("0.7500", value(score(facts(25, 10, 1, 0)), ChurnSignal.QUIET));
        assertEquals("1.0000", value(score(facts(30, 10, 1, 0)), ChurnSignal.QUIET));
        assertEquals("1.0000", value(score(facts(300, 10, 1, 0)), ChurnSignal.QUIET));
        Result r = score(facts(25, 10, 1, 0));
        assertEquals(23, r.score(), "0.75 × 30 = 22.5, rounded half up");
        assertEquals(Map.of("days", "25", "usualDays", "10", "usualDefault", "false"), r.reasons().get(0).params());
        assertEquals("0.0000", value(score(new Facts(null, 30, true, 0, 0, null, null, null, null, null, 0, 0)), ChurnSignal.QUIET),
                "never in touch and never bought: nothing to be quiet against");
    }

    @Test
    void purchaseDropComparesTheLast90DaysWithTheYearBefore() {
        // 8 purchases in the year before: 8 × 90 / 365 = 1.97 expected in 90 days; 1 made → 1 − 365/720.
        assertEquals("0.4931", value(score(facts(1, 30, 1, 8)), ChurnSignal.PURCHASE_DROP));
        assertEquals(12, score(facts(1, 30, 1, 8)).score());
        assertEquals("1.0000", value(score(facts(1, 30, 0, 3)), ChurnSignal.PURCHASE_DROP));
        assertEquals("0.0000", value(score(facts(1, 30, 2, 4)), ChurnSignal.PURCHASE_DROP), "more than expected: no drop");
        assertEquals("0.0000", value(score(facts(1, 30, 0, 0)), ChurnSignal.PURCHASE_DROP), "no year before: no baseline");
    }

    @Test
    void complaintsWeighBySeverityAndClosedOnesHalf() {
        assertEquals(15, score(complaint(Severity.HIGH, true)).score());
        assertEquals(20, score(complaint(Severity.CRITICAL, true)).score());
        assertEquals(5, score(complaint(Severity.LOW, true)).score());
        assertEquals(new BigDecimal("0.375"), ChurnRiskScoring.complaint(complaint(Severity.HIGH, false)));
        assertEquals(8, score(complaint(Severity.HIGH, false)).score(), "0.375 × 20 = 7.5 → 8");
    }

    @Test
    void aDetractorALevelDownAndExpiringPoints() {
        assertEquals(10, score(new Facts(5, 30, true, 1, 0, null, null, 3, null, null, 0, 0)).score());
        assertEquals(5, score(new Facts(5, 30, true, 1, 0, null, null, null, MembershipLevel.GOLD, MembershipLevel.SILVER, 0, 0)).score());
        assertEquals(10, score(new Facts(5, 30, true, 1, 0, null, null, null, MembershipLevel.PLATINUM, MembershipLevel.SILVER, 0, 0))
                .score());
        assertEquals(0, score(new Facts(5, 30, true, 1, 0, null, null, null, MembershipLevel.SILVER, MembershipLevel.GOLD, 0, 0)).score());
        Result points = score(new Facts(5, 30, true, 1, 0, null, null, null, null, null, 300, 400));
        assertEquals("0.7500", value(points, ChurnSignal.EXPIRING_POINTS));
        assertEquals(4, points.score(), "0.75 × 5 = 3.75 → 4");
        assertEquals(Map.of("points", "300", "balance", "400", "days", "30"), points.reasons().get(0).params());
    }

    @Test
    void levelsFollowTheThresholdsAndReasonsTheLargestFirst() {
        // quiet 1 × 30 + drop 1 × 25 + critical open 20 = 75: HIGH.
        Result r = score(new Facts(90, 30, true, 0, 3, Severity.CRITICAL, true, null, null, null, 0, 0));
        assertEquals(75, r.score());
        assertEquals(ChurnRiskLevel.HIGH, r.level());
        assertEquals(List.of(ChurnSignal.QUIET, ChurnSignal.PURCHASE_DROP, ChurnSignal.COMPLAINT),
                r.reasons().stream().map(ChurnRiskScoring.SignalValue::signal).toList());
        assertEquals(ChurnRiskLevel.MEDIUM, ChurnRiskScoring.level(30, defaults()));
        assertEquals(ChurnRiskLevel.LOW, ChurnRiskScoring.level(29, defaults()));
        assertEquals(ChurnRiskLevel.HIGH, ChurnRiskScoring.level(60, defaults()));
    }

    private static Facts facts(int days, int usual, int recent, int earlier) {
        return new Facts(days, usual, false, recent, earlier, null, null, null, null, null, 0, 0);
    }

    private static Facts complaint(Severity severity, boolean open) {
        return new Facts(5, 30, true, 1, 0, severity, open, null, null, null, 0, 0);
    }
}
