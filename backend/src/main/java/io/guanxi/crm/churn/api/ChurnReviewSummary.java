package io.guanxi.crm.churn.api;

import io.guanxi.crm.churn.ChurnReviewState;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChurnReviewSummary", description = "A month's review in the list; the same visibility as the review itself")
public record ChurnReviewSummary(
        @Schema(required = true, description = "yyyy-MM") String month,
        @Schema(required = true) ChurnReviewState state,
        @Schema(required = true) Instant producedAt,
        @Schema(nullable = true) Integer customersAtStart,
        @Schema(nullable = true) BigDecimal churnRate,
        @Schema(required = true) int churned,
        @Schema(required = true) int incomplete,
        @Schema(nullable = true) Instant closedAt,
        @Schema(required = true) long version) {
}
