package io.guanxi.crm.tier.api;

import io.guanxi.crm.tier.AbcMethod;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new tiering policy (admins); it becomes the next version and applies from the next recompute. */
@Schema(name = "TierPolicyRequest")
public record TierPolicyRequest(
        @NotNull @Min(1) @Max(60) @Schema(description = "Trailing window of revenue, months", examples = "12") Integer windowMonths,
        @NotNull AbcMethod abcMethod,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "100", inclusive = false) @Digits(integer = 3, fraction = 2)
        @Schema(description = "A until this cumulative percentage (of revenue or of ranked customers)", examples = "70") BigDecimal aCutoffPercent,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        @Schema(description = "B until this cumulative percentage; C the rest", examples = "95") BigDecimal bCutoffPercent,
        @NotNull @Size(max = 16) @Pattern(regexp = "C|INACTIVE") @Schema(enumeration = {"C", "INACTIVE"}, description = "Tier of customers without revenue in the window")
        String noRevenueTier,
        @NotNull @Size(max = 16) @Pattern(regexp = "MEDIAN|FIXED") @Schema(enumeration = {"MEDIAN", "FIXED"}, description = "ABCD thresholds: the medians, or the fixed values below")
        String abcdThresholds,
        @Min(1) @Schema(description = "FIXED: purchases in the window from which frequency is high") Integer frequencyThreshold,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2)
        @Schema(description = "FIXED: average order value (CNY) from which value is high") BigDecimal orderValueThreshold,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal goldSpend,
        @NotNull @Min(0) @Max(3650) Integer goldTenureDays,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal platinumSpend,
        @NotNull @Min(0) @Max(3650) Integer platinumTenureDays,
        @NotNull @DecimalMin(value = "0.1") @DecimalMax("50") @Digits(integer = 2, fraction = 1)
        @Schema(description = "Expected customer lifetime for CLV, years", examples = "3") BigDecimal expectedLifetimeYears) {
}
