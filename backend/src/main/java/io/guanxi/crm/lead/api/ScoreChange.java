package io.guanxi.crm.lead.api;

import io.guanxi.crm.lead.ScoreCause;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ScoreChange")
public record ScoreChange(
        @Schema(required = true) BigDecimal score,
        @Schema(required = true) int matchScore,
        @Schema(required = true) int activityCount,
        @Schema(required = true) int policyVersion,
        @Schema(required = true) ScoreCause cause,
        @Schema(required = true) Instant changedAt) {
}
