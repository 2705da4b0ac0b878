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
        @Schema(required = true, examples = "47") int score,
        @Schema(required = true) ChurnRiskLevel level,
        @Schema(required = true) List<ChurnSignalResponse> reasons,
        @Schema(required = true) List<ChurnSignalResponse> signals,
        @Schema(required = true) int policyVersion,
        @Schema(required = true) Instant computedAt) {
}
