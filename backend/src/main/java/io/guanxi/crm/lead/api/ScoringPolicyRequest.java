package io.guanxi.crm.lead.api;

import io.guanxi.crm.lead.MatchRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new scoring policy; it becomes the next version and every open lead is rescored with it. */
public record ScoringPolicyRequest(
        @NotNull @Size(max = 100) List<@NotNull @Valid MatchRule> matchRules,
        @NotNull @Min(1) @Max(365) Integer activityWindowDays,
        @NotNull @Min(0) @Max(100) Integer pointsPerInteraction,
        @NotNull @Min(0) @Max(100) Integer activityCap,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 3) BigDecimal matchWeight,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 3) BigDecimal activityWeight,
        @NotNull @Min(0) @Max(100) Integer priorityThreshold,
        @NotNull @Min(0) @Max(100) Integer highValueThreshold,
        @NotNull @Min(1) @Max(365) Integer careAfterDays,
        @Schema(description = "Reps see the unassigned queue of their seniority (senior: priority, junior: potential) "
                + "and may claim from it; true when omitted") Boolean repsSeeUnassigned) {
}
