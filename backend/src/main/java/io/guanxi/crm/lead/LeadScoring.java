package io.guanxi.crm.lead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The scoring formula, explained: score = match × matchWeight + activity × activityWeight (001:
 * 线索评分 = 课程类型匹配度×0.6 + 近7天互动次数×0.4). Match is the sum of the points of the rules
 * that fire, capped at 100; activity is interactions in the window × points each, capped. The
 * set-based {@link LeadRescoring} writes scores with the same rules in SQL; a test holds the two equal.
 */
public final class LeadScoring {

    /** What the rules look at. */
    public record Inputs(String source, String region, String industry, String productInterest, BigDecimal budget) {
    }

    public record RuleResult(MatchRule rule, boolean fired) {
    }

    public enum Level {
        STANDARD, PRIORITY, HIGH_VALUE
    }

    public record Result(List<RuleResult> rules, int matchScore, int activityCount, int activityScore,
            BigDecimal score, Level level) {
    }

    private LeadScoring() {
    }

    public static Result score(Inputs lead, LeadScoringPolicy policy, int activityCount) {
        List<RuleResult> rules = policy.matchRules.stream().map(rule -> new RuleResult(rule, fires(rule, lead))).toList();
        int match = Math.min(100, rules.stream().filter(RuleResult::fired).mapToInt(r -> r.rule().points()).sum());
        int activity = (int) Math.min(policy.activityCap, (long) activityCount * policy.pointsPerInteraction);
        BigDecimal score = policy.matchWeight.multiply(BigDecimal.valueOf(match))
                .add(policy.activityWeight.multiply(BigDecimal.valueOf(activity)))
                .setScale(2, RoundingMode.HALF_UP);
        return new Result(rules, match, activityCount, activity, score, level(score, policy));
    }

    public static Level level(BigDecimal score, LeadScoringPolicy policy) {
        if (score.compareTo(BigDecimal.valueOf(policy.highValueThreshold)) >= 0) {
            return Level.HIGH_VALUE;
        }
        if (score.compareTo(BigDecimal.valueOf(policy.priorityThreshold)) >= 0) {
            return Level.PRIORITY;
        }
        return Level.STANDARD;
    }

    static boolean fires(MatchRule rule, Inputs lead) {
        return switch (rule.field()) {
            case SOURCE -> rule.value().equals(lead.source());
            case REGION -> rule.value().equals(lead.region());
            case INDUSTRY -> rule.value().equals(lead.industry());
            case PRODUCT_INTEREST -> rule.value().equals(lead.productInterest());
            case BUDGET_AT_LEAST -> lead.budget() != null && lead.budget().compareTo(new BigDecimal(rule.value())) >= 0;
        };
    }
}
