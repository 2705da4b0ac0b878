package io.guanxi.crm.loyalty.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PointsLiability", description = "Outstanding points and what they are worth, for finance")
public record PointsLiability(
        @Schema(required = true) Instant asOf,
        @Schema(required = true) BigDecimal pointValueCny,
        @Schema(required = true) List<Row> byLevel,
        @Schema(required = true) Row total) {

    @Schema(name = "PointsLiabilityRow")
    public record Row(
            @Schema(required = true, enumeration = {"SILVER", "GOLD", "PLATINUM", "NONE", "ALL"}, description = "A membership level, NONE (no level), or ALL on the total row") String level,
            @Schema(required = true, description = "Accounts holding points") long accounts,
            @Schema(required = true) long points,
            @Schema(required = true) BigDecimal valueCny,
            @Schema(required = true) long pending,
            @Schema(required = true) long expiringSoon,
            @Schema(required = true) long writtenOff) {
    }
}
