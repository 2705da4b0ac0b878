package io.guanxi.crm.winback.api;

import io.guanxi.crm.winback.WinbackAction;
import io.guanxi.crm.winback.WinbackSource;
import io.guanxi.crm.winback.WinbackState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WinbackPlan", description = "A PDCA win-back plan")
public record WinbackPlanResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) String name,
        @Schema(required = true) WinbackState state,
        @Schema(required = true, description = "1 for a first plan; the previous plan's cycle + 1 for the next cycle") int cycle,
        @Schema(nullable = true) UUID previousPlanId,
        @Schema(nullable = true) UUID nextPlanId,
        @Schema(required = true) WinbackSource source,
        @Schema(nullable = true, description = "CHURN_REVIEW: the review's month (yyyy-MM)") String sourceRef,
        @Schema(required = true) int goalPercent,
        @Schema(required = true) int goalDays,
        @Schema(required = true) String actions,
        @Schema(nullable = true) String script,
        @Schema(required = true) UUID ownerId,
        @Schema(nullable = true) String ownerName,
        @Schema(required = true) LocalDate checkDate,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant checkedAt,
        @Schema(nullable = true) Instant actedAt,
        @Schema(nullable = true) String policyChange,
        @Schema(nullable = true) String scriptChange,
        @Schema(nullable = true) String trainingChange,
        @Schema(required = true) WinbackProgress progress,
        @Schema(required = true, description = "What may be done next (for this caller)") List<WinbackAction> allowedActions,
        @Schema(required = true) long version,
        @Schema(required = true) UUID createdBy,
        @Schema(required = true) Instant createdAt) {
}
