package io.guanxi.crm.churnrisk.api;

import io.guanxi.crm.churnrisk.ChurnRiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnRisk", description = "A customer's churn risk: the score (0–100) and level as last computed, the signals it came "
        + "from and the reasons (the signals that add points, the largest first)")
public record ChurnRiskResponse(
        @Schema(required = true) UUID contactId,
        @Schema(required = true, description = "NOT_SCORED_AT_CUSTOMER_REQUEST when the customer objected to profiling (PIPL Art. 24): "
                + "no score, level, signals or reasons") io.guanxi.crm.consent.ScoringState scoring,
        @Schema(examples = "47", description = "Absent when not scored at the customer's request") Integer score,
        @Schema(description = "Absent when not scored at the customer's request") ChurnRiskLevel level,
        @Schema(required = true) List<ChurnSignalResponse> reasons,
        @Schema(required = true) List<ChurnSignalResponse> signals,
        @Schema(description = "Absent when not scored at the customer's request") Integer policyVersion,
        @Schema(description = "Absent when not scored at the customer's request") Instant computedAt) {
}
