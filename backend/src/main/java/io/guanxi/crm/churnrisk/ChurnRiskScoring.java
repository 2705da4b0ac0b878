package io.guanxi.crm.churnrisk;

import io.guanxi.crm.complaint.Severity;
import io.guanxi.crm.tier.MembershipLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The churn-risk formula, explained (docs/churn-risk.md). Each signal is a number in [0, 1] rounded to
 * four places; the score is Σ signal × weight (weights add up to 100) rounded to a whole number; the
 * level follows from the policy's thresholds. {@link ChurnRiskRepository} writes every customer's
 * score with the same rules in one SQL statement, from the same facts; {@code ChurnRiskConsistencyTest}
 * holds the two equal.
 */
public final class ChurnRiskScoring {

    /** Purchases and complaints count as recent, and a level change or a detractor answer as current, for this many days. */
    public static final int RECENT_DAYS = 90;
    /** Purchases of the last {@link #RECENT_DAYS} are compared with those of this many days before. */
    public static final int EARLIER_DAYS = 365;
    /** The usual gap between interactions is their median over this many days (with at least three interactions). */
    public static final int CADENCE_DAYS = 365;
    /** Quiet rises from 0 at the usual gap to 1 at this many usual gaps. */
    public static final int QUIET_FULL_AT = 3;
    /** An NPS answer of this or less is a detractor's. */
    public static final int DETRACTOR_MAX = 6;
    /** A complaint already followed up or closed weighs this share of an open one. */
    public static final BigDecimal CLOSED_COMPLAINT_SHARE = new BigDecimal("0.5");
    /** Each level down counts this much (two levels: the whole signal). */
    public static final BigDecimal PER_LEVEL_DOWN = new BigDecimal("0.5");

    private static final int SCALE = 4;

    /** What the signals are computed from, as one row of {@code churn_risk} keeps it. */
    public record Facts(Integer daysQuiet, int usualGapDays, boolean usualGapDefault, int recentPurchases, int earlierPurchases,
            Severity complaintSeverity, Boolean complaintOpen, Integer detractorScore, MembershipLevel levelFrom,
            MembershipLevel levelTo, long pointsExpiring, long pointsBalance) {
    }

    /** One signal: its value in [0, 1], its weight, what it adds to the score and the params of its reason. */
    public record SignalValue(ChurnSignal signal, BigDecimal value, int weight, BigDecimal points, Map<String, String> params) {
    }

    public record Result(List<SignalValue> signals, int score, ChurnRiskLevel level) {

        /** The signals that add to the score, the largest first: the reasons in words. */
        public List<SignalValue> reasons() {
            return signals.stream().filter(s -> s.points().signum() > 0)
                    .sorted(Comparator.comparing(SignalValue::points).reversed().thenComparing(SignalValue::signal)).toList();
        }
    }

    private ChurnRiskScoring() {
    }

    /** How much a complaint of this severity weighs, open. */
    public static BigDecimal severityWeight(Severity severity) {
        return switch (severity) {
            case LOW -> new BigDecimal("0.25");
            case MEDIUM -> new BigDecimal("0.5");
            case HIGH -> new BigDecimal("0.75");
            case CRITICAL -> BigDecimal.ONE;
        };
    }

    /** {@link #severityWeight} as an SQL CASE over a severity column. */
    static String severityWeightSql(String column) {
        return Arrays.stream(Severity.values()).map(s -> "WHEN '" + s.name() + "' THEN " + severityWeight(s).toPlainString())
                .collect(Collectors.joining(" ", "CASE " + column + " ", " END"));
    }

    /** A level's rank (1 = lowest) in SQL, from {@link MembershipLevel}'s order. */
    static String levelRankSql(String column) {
        return Arrays.stream(MembershipLevel.values()).map(l -> "'" + l.name() + "'")
                .collect(Collectors.joining(", ", "array_position(ARRAY[", "]::text[], " + column + ")"));
    }

    public static Result score(Facts f, ChurnRiskPolicy policy) {
        List<SignalValue> signals = new ArrayList<>();
        signals.add(signal(ChurnSignal.QUIET, quiet(f), policy, params("days", f.daysQuiet(), "usualDays", f.usualGapDays(),
                "usualDefault", f.usualGapDefault())));
        signals.add(signal(ChurnSignal.PURCHASE_DROP, purchaseDrop(f), policy, params("recent", f.recentPurchases(),
                "earlier", f.earlierPurchases())));
        signals.add(signal(ChurnSignal.COMPLAINT, complaint(f), policy, params("severity", f.complaintSeverity(),
                "open", f.complaintOpen())));
        signals.add(signal(ChurnSignal.DETRACTOR, f.detractorScore() == null ? BigDecimal.ZERO : BigDecimal.ONE, policy,
                params("score", f.detractorScore())));
        signals.add(signal(ChurnSignal.LEVEL_DOWN, levelDown(f), policy, params("from", f.levelFrom(), "to", f.levelTo())));
        signals.add(signal(ChurnSignal.EXPIRING_POINTS, expiringPoints(f), policy, params("points", f.pointsExpiring(),
                "balance", f.pointsBalance(), "days", policy.expiringWithinDays)));
        BigDecimal sum = signals.stream().map(SignalValue::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        int score = sum.setScale(0, RoundingMode.HALF_UP).intValueExact();
        return new Result(signals, score, level(score, policy));
    }

    public static ChurnRiskLevel level(int score, ChurnRiskPolicy policy) {
        if (score >= policy.highThreshold) {
            return ChurnRiskLevel.HIGH;
        }
        return score >= policy.mediumThreshold ? ChurnRiskLevel.MEDIUM : ChurnRiskLevel.LOW;
    }

    /** 0 up to the usual gap, rising to 1 at {@link #QUIET_FULL_AT} usual gaps. */
    static BigDecimal quiet(Facts f) {
        if (f.daysQuiet() == null || f.daysQuiet() <= f.usualGapDays()) {
            return BigDecimal.ZERO;
        }
        BigDecimal value = BigDecimal.valueOf(f.daysQuiet() - f.usualGapDays())
                .divide(BigDecimal.valueOf((long) (QUIET_FULL_AT - 1) * f.usualGapDays()), SCALE, RoundingMode.HALF_UP);
        return value.min(BigDecimal.ONE);
    }

    /** 1 − recent ÷ expected, where expected is the earlier year's purchases scaled to 90 days; 0 without earlier purchases. */
    static BigDecimal purchaseDrop(Facts f) {
        if (f.earlierPurchases() == 0) {
            return BigDecimal.ZERO;
        }
        long expected = (long) f.earlierPurchases() * RECENT_DAYS;
        BigDecimal value = BigDecimal.valueOf(expected - (long) f.recentPurchases() * EARLIER_DAYS)
                .divide(BigDecimal.valueOf(expected), SCALE, RoundingMode.HALF_UP);
        return value.max(BigDecimal.ZERO);
    }

    static BigDecimal complaint(Facts f) {
        if (f.complaintSeverity() == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal weight = severityWeight(f.complaintSeverity());
        return Boolean.TRUE.equals(f.complaintOpen()) ? weight : weight.multiply(CLOSED_COMPLAINT_SHARE);
    }

    static BigDecimal levelDown(Facts f) {
        if (f.levelFrom() == null || f.levelTo() == null || f.levelFrom().compareTo(f.levelTo()) <= 0) {
            return BigDecimal.ZERO;
        }
        return PER_LEVEL_DOWN.multiply(BigDecimal.valueOf(f.levelFrom().ordinal() - f.levelTo().ordinal())).min(BigDecimal.ONE);
    }

    static BigDecimal expiringPoints(Facts f) {
        if (f.pointsBalance() == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(f.pointsExpiring()).divide(BigDecimal.valueOf(f.pointsBalance()), SCALE, RoundingMode.HALF_UP);
    }

    private static SignalValue signal(ChurnSignal signal, BigDecimal value, ChurnRiskPolicy policy, Map<String, String> params) {
        int weight = policy.weight(signal);
        return new SignalValue(signal, value.setScale(SCALE, RoundingMode.UNNECESSARY), weight,
                value.multiply(BigDecimal.valueOf(weight)).setScale(SCALE, RoundingMode.UNNECESSARY), params);
    }

    /** Params as strings (what the SPA interpolates), absent values left out. */
    private static Map<String, String> params(Object... keysAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                params.put((String) keysAndValues[i], String.valueOf(keysAndValues[i + 1]));
            }
        }
        return params;
    }
}
