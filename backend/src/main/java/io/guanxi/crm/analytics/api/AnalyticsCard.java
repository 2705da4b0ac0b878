package io.guanxi.crm.analytics.api;

import io.guanxi.crm.analytics.Unit;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AnalyticsCard", description = "One number with the same number for the previous period")
public record AnalyticsCard(
        @Schema(required = true, description = "What the number is (docs/analytics.md), e.g. leads.contactedWithin24h") String code,
        @Schema(required = true) Unit unit,
        @Schema(nullable = true, description = "Empty when it is not defined for the period (a ratio of nothing)") BigDecimal value,
        @Schema(nullable = true, description = "The same figure for the previous period") BigDecimal previous,
        @Schema(nullable = true, description = "The figure whose rows are behind this number (…/drill/{figure}); empty when none")
        String drill) {

    public static AnalyticsCard of(String code, Unit unit, BigDecimal value, BigDecimal previous, String drill) {
        return new AnalyticsCard(code, unit, value, previous, drill);
    }
}
