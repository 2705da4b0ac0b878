package io.guanxi.crm.lead.api;

import io.guanxi.crm.lead.LeadScoring;
import io.guanxi.crm.lead.MatchRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a lead's score was reached: every rule and whether it fired, the activity, the weights. */
@Schema(name = "ScoreBreakdown")
public record ScoreBreakdown(
        @Schema(required = true) BigDecimal score,
        @Schema(required = true, description = "NOT_SCORED_AT_CUSTOMER_REQUEST: the customer objected to profiling; no rule is "
                + "applied and every component is 0") io.guanxi.crm.consent.ScoringState scoring,
        @Schema(required = true) LeadScoring.Level level,
        @Schema(required = true) int policyVersion,
        @Schema(required = true) List<RuleLine> matchRules,
        @Schema(required = true, description = "Sum of fired rules, capped at 100") int matchScore,
        @Schema(required = true) BigDecimal matchWeight,
        @Schema(required = true) int activityCount,
        @Schema(required = true) int activityWindowDays,
        @Schema(required = true) int pointsPerInteraction,
        @Schema(required = true) int activityCap,
        @Schema(required = true, description = "min(cap, count × points)") int activityScore,
        @Schema(required = true) BigDecimal activityWeight,
        @Schema(required = true) int priorityThreshold,
        @Schema(required = true) int highValueThreshold,
        @Schema(required = true) Instant scoredAt) {

    public record RuleLine(@Schema(required = true) MatchRule rule, @Schema(required = true) boolean fired) {
    }
}
