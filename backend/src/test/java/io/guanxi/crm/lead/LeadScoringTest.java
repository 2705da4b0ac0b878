package io.guanxi.crm.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeadScoringTest {

    static LeadScoringPolicy policy(List<MatchRule> rules, int ppi, int cap, String matchWeight, String activityWeight) {
        LeadScoringPolicy policy = new LeadScoringPolicy();
        policy.version = 1;
        policy.matchRules = rules;
        policy.activityWindowDays = 7;
        policy.pointsPerInteraction = ppi;
        policy.activityCap = cap;
        policy.matchWeight = new BigDecimal(matchWeight);
        policy.activityWeight = new BigDecimal(activityWeight);
        policy.priorityThreshold = 80;
        policy.highValueThreshold = 85;
        return policy;
    }

    private static final List<MatchRule> RULES = List.of(
            new MatchRule(MatchField.SOURCE, "REFERRAL", 30),
            new MatchRule(MatchField.BUDGET_AT_LEAST, "100000", 40),
            new MatchRule(MatchField.REGION, "EAST", 10),
            new MatchRule(MatchField.INDUSTRY, "科技", 20));

    private static LeadScoring.Inputs lead(String source, String budget) {
        return new LeadScoring.Inputs(source, "EAST", "科技", null, budget == null ? null : new BigDecimal(budget));
    }

    @Test
    void trainingFormulaMatchTimesPointSixPlusActivityTimesPointFour() {
        var result = LeadScoring.score(lead("REFERRAL", "100000"), policy(RULES, 20, 100, "0.6", "0.4"), 2);
        assertEquals(100, result.matchScore());
        assertEquals(40, result.activityScore());
        assertEquals(new BigDecimal("76.00"), result.score());
        assertEquals(LeadScoring.Level.STANDARD, result.level());
    }

    @Test
    void budgetRuleFiresAtTheBoundaryNotBelow() {
        var policy = policy(RULES, 20, 100, "0.6", "0.4");
        assertTrue(LeadScoring.score(lead("WEBSITE", "100000"), policy, 0).rules().get(1).fired());
        assertEquals(false, LeadScoring.score(lead("WEBSITE", "99999.99"), policy, 0).rules().get(1).fired());
        assertEquals(false, LeadScoring.score(lead("WEBSITE", null), policy, 0).rules().get(1).fired());
    }

    @Test
    void levelsAtExactlyEightyAndEightyFive() {
        var policy = policy(RULES, 20, 100, "0.6", "0.4");
        assertEquals(LeadScoring.Level.STANDARD, LeadScoring.level(new BigDecimal("79.99"), policy));
        assertEquals(LeadScoring.Level.PRIORITY, LeadScoring.level(new BigDecimal("80.00"), policy));
        assertEquals(LeadScoring.Level.PRIORITY, LeadScoring.level(new BigDecimal("84.99"), policy));
        assertEquals(LeadScoring.Level.HIGH_VALUE, LeadScoring.level(new BigDecimal("85.00"), policy));
        // 100 match and 2 interactions × 25 points: 60 + 20 = 80, the priority line exactly.
        assertEquals(LeadScoring.Level.PRIORITY, LeadScoring.score(lead("REFERRAL", "100000"), policy(RULES, 25, 100, "0.6", "0.4"), 2).level());
    }

    @Test
    void capsAndEmptyActivity() {
        var policy = policy(RULES, 20, 60, "0.6", "0.4");
        var none = LeadScoring.score(lead("OUTBOUND", "1"), policy, 0);
        assertEquals(30, none.matchScore());
        assertEquals(0, none.activityScore());
        assertEquals(new BigDecimal("18.00"), none.score());
        assertEquals(60, LeadScoring.score(lead("OUTBOUND", "1"), policy, 1000).activityScore());
    }

    @Test
    void scoreStaysWithinZeroToHundredAndNeverFallsWithMoreActivity() {
        Random random = new Random(42);
        String[] sources = {"REFERRAL", "WEBSITE", "OUTBOUND"};
        for (int i = 0; i < 5_000; i++) {
            int matchPercent = random.nextInt(1001);
            BigDecimal matchWeight = BigDecimal.valueOf(matchPercent, 3);
            var policy = policy(RULES, random.nextInt(101), random.nextInt(101), matchWeight.toPlainString(),
                    BigDecimal.ONE.subtract(matchWeight).toPlainString());
            var lead = lead(sources[random.nextInt(3)], String.valueOf(random.nextInt(200_000)));
            int activity = random.nextInt(50);
            var lower = LeadScoring.score(lead, policy, activity).score();
            var higher = LeadScoring.score(lead, policy, activity + 1 + random.nextInt(10)).score();
            assertTrue(lower.signum() >= 0 && lower.compareTo(BigDecimal.valueOf(100)) <= 0, lower.toString());
            assertTrue(higher.compareTo(lower) >= 0, "more activity never lowers the score");
        }
    }
}
