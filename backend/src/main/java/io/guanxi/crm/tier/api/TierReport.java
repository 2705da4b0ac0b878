package io.guanxi.crm.tier.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a recompute produced: the real shares of each tier, the quadrant, levels and movements. */
@Schema(name = "TierReport")
public record TierReport(
        @Schema(required = true) UUID jobId,
        @Schema(required = true) Instant computedAt,
        @Schema(required = true) int policyVersion,
        @Schema(required = true, description = "A periodic review (levels may go down) rather than a plain recompute") boolean review,
        @Schema(required = true) Instant windowStart,
        @Schema(required = true, description = "Customers: contacts with at least one purchase") long customers,
        @Schema(required = true, description = "Customers with revenue in the window") long payingCustomers,
        @Schema(required = true) BigDecimal totalRevenue,
        @Schema(required = true) List<Share> tiers,
        @Schema(required = true) List<Share> quadrants,
        @Schema(required = true) List<Share> levels,
        @Schema(required = true) Thresholds abcdThresholds,
        @Schema(required = true, description = "Customers per cell of purchase count × average order value, around the ABCD thresholds")
        List<HeatCell> heatmap,
        @Schema(required = true, description = "Changes since the previous run") List<Movement> movements,
        @Schema(required = true, description = "Customer rows written (only changed rows are written)") long changedCustomers,
        @Schema(required = true) Timings timings) {

    @Schema(name = "TierRecomputeTimings", description = "Where the recompute spent its time, milliseconds")
    public record Timings(
            @Schema(required = true, description = "Aggregating and classifying every customer") long computeMillis,
            @Schema(required = true, description = "Writing the history of what moved") long historyMillis,
            @Schema(required = true, description = "Writing the changed customers") long writeMillis) {
    }

    @Schema(name = "TierShare")
    public record Share(
            @Schema(required = true) String key,
            @Schema(required = true) long customers,
            @Schema(required = true, description = "Percent of customers") BigDecimal customerShare,
            @Schema(required = true) BigDecimal revenue,
            @Schema(required = true, description = "Percent of revenue") BigDecimal revenueShare,
            @Schema(description = "For quadrants: what to do") String recommendedAction) {
    }

    @Schema(name = "AbcdThresholds")
    public record Thresholds(
            @Schema(required = true, enumeration = {"MEDIAN", "FIXED"}) String source,
            @Schema(required = true, description = "More purchases than this (MEDIAN) or at least this (FIXED) is high frequency")
            BigDecimal frequency,
            @Schema(required = true, description = "Likewise for the average order value, CNY") BigDecimal orderValue) {
    }

    @Schema(name = "TierHeatCell")
    public record HeatCell(
            @Schema(required = true, description = "0–4: bands at 0.5×, 1×, 2×, 4× the frequency threshold") int frequencyBand,
            @Schema(required = true, description = "0–4: bands at 0.5×, 1×, 2×, 4× the order value threshold") int valueBand,
            @Schema(required = true) long customers) {
    }

    @Schema(name = "TierMovement")
    public record Movement(
            @Schema(required = true, enumeration = {"ABC", "ABCD", "LEVEL"}) String dimension,
            String from,
            @Schema(required = true) String to,
            @Schema(required = true) long customers) {
    }
}
