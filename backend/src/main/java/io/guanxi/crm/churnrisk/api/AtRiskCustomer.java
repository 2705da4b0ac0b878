package io.guanxi.crm.churnrisk.api;

import io.guanxi.crm.churnrisk.ChurnRiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AtRiskCustomer", description = "A customer in the at-risk list: score, level and the top three reasons")
public record AtRiskCustomer(
        @Schema(required = true) UUID contactId,
        @Schema(required = true) String name,
        @Schema(required = true) UUID ownerId,
        @Schema(nullable = true) String ownerName,
        @Schema(required = true) int score,
        @Schema(required = true) ChurnRiskLevel level,
        @Schema(required = true) List<ChurnSignalResponse> reasons,
        @Schema(required = true) Instant computedAt) {
}
