package io.guanxi.crm.churnrisk.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnRiskPolicy", description = "The churn-risk policy: a weight per signal (adding up to 100, so the score is 0–100) "
        + "and the thresholds of the MEDIUM and HIGH levels")
public record ChurnRiskPolicyResponse(
        @Schema(required = true) int version,
        @Schema(required = true) int quietWeight,
        @Schema(required = true) int purchaseDropWeight,
        @Schema(required = true) int complaintWeight,
        @Schema(required = true) int detractorWeight,
        @Schema(required = true) int levelDownWeight,
        @Schema(required = true) int expiringPointsWeight,
        @Schema(required = true) int mediumThreshold,
        @Schema(required = true) int highThreshold,
        @Schema(required = true) int defaultCadenceDays,
        @Schema(required = true) int expiringWithinDays,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) UUID createdBy) {
}
