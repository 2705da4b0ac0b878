package io.guanxi.crm.churnrisk.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnRiskReport", description = "What a churn-risk recompute did (the report of its job)")
public record ChurnRiskReport(
        @Schema(required = true) long customers,
        @Schema(required = true) long high,
        @Schema(required = true) long medium,
        @Schema(required = true, description = "Rows removed: contacts no longer customers (archived, churned)") long removed,
        @Schema(required = true) int policyVersion,
        @Schema(required = true) Instant computedAt,
        @Schema(required = true) long millis) {
}
