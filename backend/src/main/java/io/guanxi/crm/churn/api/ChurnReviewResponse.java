package io.guanxi.crm.churn.api;

import io.guanxi.crm.churn.ChurnCause;
import io.guanxi.crm.churn.ChurnReviewState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnReview", description = "A month's churn review. Managers and admins see the whole team; a sales rep the entries of "
        + "their own customers, with counts over those and no team figures (customersAtStart, churnRate are null)")
public record ChurnReviewResponse(
        @Schema(required = true, description = "yyyy-MM") String month,
        @Schema(required = true) ChurnReviewState state,
        @Schema(required = true) Instant producedAt,
        @Schema(nullable = true, description = "Customers (PURCHASE or LOYALTY) at the start of the month; null for a rep")
        Integer customersAtStart,
        @Schema(nullable = true, description = "Churned ÷ customers at the start, a fraction (0.025 = 2.5 %); null for a rep or "
                + "when there were no customers") BigDecimal churnRate,
        @Schema(required = true, description = "Entries shown") int churned,
        @Schema(required = true) int normal,
        @Schema(required = true) int abnormal,
        @Schema(required = true, description = "Entries whose cause is still unknown") int unknown,
        @Schema(required = true, description = "Entries still lacking a cause or an analysis (the review cannot close)") int incomplete,
        @Schema(required = true) List<CauseCount> byCause,
        @Schema(required = true) List<RepCount> byRep,
        @Schema(required = true) List<TierCount> byTier,
        @Schema(required = true) List<ChurnRecordResponse> entries,
        @Schema(nullable = true) UUID closedBy,
        @Schema(nullable = true) String closedByName,
        @Schema(nullable = true) Instant closedAt,
        @Schema(required = true) long version) {

    @Schema(name = "ChurnCauseCount")
    public record CauseCount(
            @Schema(nullable = true, description = "Null: unknown") ChurnCause cause,
            @Schema(nullable = true, description = "Null: unknown") Boolean normal,
            @Schema(required = true) int count) {
    }

    @Schema(name = "ChurnRepCount")
    public record RepCount(
            @Schema(required = true) UUID ownerId,
            @Schema(nullable = true) String ownerName,
            @Schema(required = true) int count) {
    }

    @Schema(name = "ChurnTierCount")
    public record TierCount(
            @Schema(nullable = true, description = "A, B, C, INACTIVE, or null: no tier (never bought)") String tier,
            @Schema(required = true) int count) {
    }
}
