package io.guanxi.crm.churnrisk.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnRiskPolicyRequest", description = "A new version of the churn-risk policy (admins). The six weights add up to 100; "
        + "mediumThreshold < highThreshold.")
public record ChurnRiskPolicyRequest(
        @NotNull @Min(0) @Max(100) @Schema(description = "Weight of QUIET: days since the last interaction against the usual gap",
                examples = "30") Integer quietWeight,
        @NotNull @Min(0) @Max(100) @Schema(description = "Weight of PURCHASE_DROP: purchases of the last 90 days against the year before",
                examples = "25") Integer purchaseDropWeight,
        @NotNull @Min(0) @Max(100) @Schema(description = "Weight of COMPLAINT: open or recent complaints by severity", examples = "20")
        Integer complaintWeight,
        @NotNull @Min(0) @Max(100) @Schema(description = "Weight of DETRACTOR: an NPS answer of 0–6 in the last 90 days", examples = "10")
        Integer detractorWeight,
        @NotNull @Min(0) @Max(100) @Schema(description = "Weight of LEVEL_DOWN: the membership level went down in the last 90 days",
                examples = "10") Integer levelDownWeight,
        @NotNull @Min(0) @Max(100) @Schema(description = "Weight of EXPIRING_POINTS: share of the points balance about to expire",
                examples = "5") Integer expiringPointsWeight,
        @NotNull @Min(1) @Max(99) @Schema(description = "A score at or above this is MEDIUM", examples = "30") Integer mediumThreshold,
        @NotNull @Min(2) @Max(100) @Schema(description = "A score at or above this is HIGH", examples = "60") Integer highThreshold,
        @NotNull @Min(1) @Max(365) @Schema(description = "The usual gap (days) of a customer with fewer than three interactions in the last year",
                examples = "30") Integer defaultCadenceDays,
        @NotNull @Min(1) @Max(365) @Schema(description = "Points expiring within this many days count as about to expire", examples = "30")
        Integer expiringWithinDays) {
}
