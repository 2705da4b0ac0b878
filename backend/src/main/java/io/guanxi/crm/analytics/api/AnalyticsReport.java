package io.guanxi.crm.analytics.api;

import io.guanxi.crm.analytics.Section;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AnalyticsReport", description = "A section's figures for a period, each number with the previous period's beside it")
public record AnalyticsReport(
        @Schema(required = true) Section section,
        @Schema(required = true, description = "First day of the period (business time zone)") LocalDate from,
        @Schema(required = true, description = "Last day of the period, included") LocalDate to,
        @Schema(required = true) LocalDate previousFrom,
        @Schema(required = true) LocalDate previousTo,
        @Schema(required = true, description = "True when the figures cover one rep's own book (a rep's view)") boolean ownBook,
        @Schema(required = true) List<AnalyticsCard> cards,
        @Schema(required = true) List<AnalyticsTable> tables) {
}
