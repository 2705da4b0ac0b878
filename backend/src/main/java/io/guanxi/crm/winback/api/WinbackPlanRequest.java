package io.guanxi.crm.winback.api;

import io.guanxi.crm.campaign.api.Segment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WinbackPlanRequest", description = "Plan: whom to win back, the goal, the actions and script, who owns it and when it is checked")
public record WinbackPlanRequest(
        @NotBlank @Size(max = 120) @Schema(examples = "十月流失客户挽回") String name,
        @NotNull @Min(1) @Max(100) @Schema(description = "Win back this percentage of the customers…", examples = "20") Integer goalPercent,
        @NotNull @Min(1) @Max(365) @Schema(description = "…buying again within this many days of the start", examples = "90") Integer goalDays,
        @NotBlank @Size(max = 2000) @Schema(description = "What the owners do (calls, visits, an offer)") String actions,
        @Size(max = 2000) @Schema(description = "What they say") String script,
        @NotNull @Schema(description = "Who owns the plan: an active sales rep or manager") UUID ownerId,
        @NotNull @Schema(description = "When the result is checked (business time zone)") LocalDate checkDate,
        @Size(min = 1, max = 500) @Schema(nullable = true, description = "The customers to win back, each one you may see; or…")
        Set<@NotNull UUID> contactIds,
        @Size(max = 7) @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") @Schema(nullable = true, description = "…the customers a month's churn review "
                + "lists (yyyy-MM) who are still churned; or…", examples = "2026-10") String churnReviewMonth,
        @Valid @Schema(nullable = true, description = "…the customers a segment matches (e.g. churnRiskLevels [HIGH]). Give exactly one "
                + "of the three; at most 500 customers") Segment segment) {
}
