package io.guanxi.crm.lead.api;

import io.guanxi.crm.lead.MatchRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ScoringPolicy")
public record ScoringPolicyResponse(
        @Schema(required = true) int version,
        @Schema(required = true) List<MatchRule> matchRules,
        @Schema(required = true) int activityWindowDays,
        @Schema(required = true) int pointsPerInteraction,
        @Schema(required = true) int activityCap,
        @Schema(required = true) BigDecimal matchWeight,
        @Schema(required = true) BigDecimal activityWeight,
        @Schema(required = true) int priorityThreshold,
        @Schema(required = true) int highValueThreshold,
        @Schema(required = true) int careAfterDays,
        @Schema(required = true) boolean repsSeeUnassigned,
        @Schema(required = true) Instant createdAt,
        UUID createdBy,
        @Schema(description = "On a change: how many open leads got a new score") Integer rescoredLeads) {
}
