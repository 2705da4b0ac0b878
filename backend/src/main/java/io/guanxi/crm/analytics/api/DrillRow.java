package io.guanxi.crm.analytics.api;

import io.guanxi.crm.analytics.DrillKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AnalyticsDrillRow", description = "One record behind a figure: what it is, whose it is, when, and the amount if any")
public record DrillRow(
        @Schema(required = true) DrillKind kind,
        @Schema(required = true, description = "The record's id (a contact, lead, complaint, purchase …)") UUID id,
        @Schema(nullable = true, description = "Its customer, when it has one") UUID contactId,
        @Schema(required = true, description = "The customer's or the lead's name, the complaint's title") String title,
        @Schema(nullable = true) UUID ownerId,
        @Schema(nullable = true) String ownerName,
        @Schema(nullable = true, description = "The time that puts it behind the figure (created, churned, received …)") Instant at,
        @Schema(nullable = true) BigDecimal amount,
        @Schema(nullable = true, description = "A code that says more (a state, a cause, a stage)") String note) {
}
