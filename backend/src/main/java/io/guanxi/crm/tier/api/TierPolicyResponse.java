package io.guanxi.crm.tier.api;

import io.guanxi.crm.tier.AbcMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TierPolicy")
public record TierPolicyResponse(
        @Schema(required = true) int version,
        @Schema(required = true) int windowMonths,
        @Schema(required = true) AbcMethod abcMethod,
        @Schema(required = true) BigDecimal aCutoffPercent,
        @Schema(required = true) BigDecimal bCutoffPercent,
        @Schema(required = true, enumeration = {"C", "INACTIVE"}) String noRevenueTier,
        @Schema(required = true, enumeration = {"MEDIAN", "FIXED"}) String abcdThresholds,
        Integer frequencyThreshold,
        BigDecimal orderValueThreshold,
        @Schema(required = true) BigDecimal goldSpend,
        @Schema(required = true) int goldTenureDays,
        @Schema(required = true) BigDecimal platinumSpend,
        @Schema(required = true) int platinumTenureDays,
        @Schema(required = true) BigDecimal expectedLifetimeYears,
        @Schema(required = true) Instant createdAt,
        UUID createdBy) {
}
