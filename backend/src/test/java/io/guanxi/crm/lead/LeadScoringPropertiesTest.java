package io.guanxi.crm.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the scoring formula over generated policies and leads (jqwik). */
class LeadScoringPropertiesTest {

    private static final List<String> SOURCES = List.of("WEBSITE", "REFERRAL", "TRADE_SHOW", "OUTBOUND");
    private static final List<String> REGIONS = List.of("EAST", "NORTH", "SOUTH");
    private static final List<String> INDUSTRIES = List.of("科技", "制造", "零售");

    @Property
    void theScoreStaysWithin0And100(@ForAll("policies") LeadScoringPolicy policy, @ForAll("leads") LeadScoring.Inputs lead,
            @ForAll @IntRange(min = 0, max = 100_000) int interactions) {
        LeadScoring.Result result = LeadScoring.score(lead, policy, interactions);
        assertTrue(result.score().signum() >= 0 && result.score().compareTo(BigDecimal.valueOf(100)) <= 0, result.toString());
        assertTrue(result.matchScore() >= 0 && result.matchScore() <= 100);
        assertTrue(result.activityScore() >= 0 && result.activityScore() <= policy.activityCap);
    }

    @Property
    void moreActivityNeverLowersTheScore(@ForAll("policies") LeadScoringPolicy policy, @ForAll("leads") LeadScoring.Inputs lead,
            @ForAll @IntRange(min = 0, max = 50) int fewer, @ForAll @IntRange(min = 0, max = 50) int more) {
        int low = Math.min(fewer, more);
        int high = Math.max(fewer, more);
        assertTrue(LeadScoring.score(lead, policy, low).score().compareTo(LeadScoring.score(lead, policy, high).score()) <= 0);
    }

    @Property
    void aRuleThatFiresNeverLowersTheScore(@ForAll("policies") LeadScoringPolicy policy, @ForAll("leads") LeadScoring.Inputs lead,
            @ForAll @IntRange(min = 0, max = 10) int interactions, @ForAll @IntRange(min = 0, max = 100) int points) {
        BigDecimal before = LeadScoring.score(lead, policy, interactions).score();
        List<MatchRule> rules = new ArrayList<>(policy.matchRules);
        rules.add(new MatchRule(MatchField.SOURCE, lead.source(), points));
        policy.matchRules = rules;
        assertTrue(LeadScoring.score(lead, policy, interactions).score().compareTo(before) >= 0);
    }

    @Property
    void theScoreIsTheWeightedSumOfItsParts(@ForAll("policies") LeadScoringPolicy policy, @ForAll("leads") LeadScoring.Inputs lead,
            @ForAll @IntRange(min = 0, max = 20) int interactions) {
        LeadScoring.Result result = LeadScoring.score(lead, policy, interactions);
        double expected = result.matchScore() * policy.matchWeight.doubleValue()
                + result.activityScore() * policy.activityWeight.doubleValue();
        assertEquals(expected, result.score().doubleValue(), 0.005 + 1e-9);
    }

    @Property
    void theLevelFollowsTheThresholds(@ForAll("policies") LeadScoringPolicy policy, @ForAll @IntRange(min = 0, max = 10_000) int hundredths) {
        BigDecimal score = BigDecimal.valueOf(hundredths, 2);
        LeadScoring.Level level = LeadScoring.level(score, policy);
        LeadScoring.Level expected = score.compareTo(BigDecimal.valueOf(policy.highValueThreshold)) >= 0 ? LeadScoring.Level.HIGH_VALUE
                : score.compareTo(BigDecimal.valueOf(policy.priorityThreshold)) >= 0 ? LeadScoring.Level.PRIORITY
                : LeadScoring.Level.STANDARD;
        assertEquals(expected, level);
    }

    @Provide
    Arbitrary<LeadScoringPolicy> policies() {
        Arbitrary<MatchRule> rule = Arbitraries.oneOf(
                Arbitraries.of(SOURCES).map(v -> new MatchRule(MatchField.SOURCE, v, 0)),
                Arbitraries.of(REGIONS).map(v -> new MatchRule(MatchField.REGION, v, 0)),
                Arbitraries.of(INDUSTRIES).map(v -> new MatchRule(MatchField.INDUSTRY, v, 0)),
                Arbitraries.integers().between(0, 500_000).map(v -> new MatchRule(MatchField.BUDGET_AT_LEAST, String.valueOf(v), 0)))
                .flatMap(r -> Arbitraries.integers().between(0, 100).map(points -> new MatchRule(r.field(), r.value(), points)));
        return Combinators.combine(rule.list().ofMaxSize(12), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 100))
                .as((rules, matchPerMille, perInteraction, cap, a, b) -> {
                    LeadScoringPolicy policy = new LeadScoringPolicy();
                    policy.matchRules = rules;
                    policy.matchWeight = BigDecimal.valueOf(matchPerMille, 3);
                    policy.activityWeight = BigDecimal.ONE.subtract(policy.matchWeight);
                    policy.pointsPerInteraction = perInteraction;
                    policy.activityCap = cap;
                    policy.activityWindowDays = 7;
                    policy.priorityThreshold = Math.min(a, b);
                    policy.highValueThreshold = Math.max(a, b);
                    return policy;
                });
    }

    @Provide
    Arbitrary<LeadScoring.Inputs> leads() {
        return Combinators.combine(Arbitraries.of(SOURCES), Arbitraries.of(REGIONS).injectNull(0.2),
                Arbitraries.of(INDUSTRIES).injectNull(0.2), Arbitraries.integers().between(0, 1_000_000).injectNull(0.2))
                .as((source, region, industry, budget) -> new LeadScoring.Inputs(source, region, industry, null,
                        budget == null ? null : BigDecimal.valueOf(budget)));
    }
}
