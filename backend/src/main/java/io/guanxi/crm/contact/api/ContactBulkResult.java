package io.guanxi.crm.contact.api;

import io.guanxi.crm.contact.ContactBulkAction;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactBulkResult", description = "The per-row report of a bulk action and its counts")
public record ContactBulkResult(
        @Schema(required = true) ContactBulkAction action,
        @Schema(required = true) long selected,
        @Schema(required = true) long changed,
        @Schema(required = true) long unchanged,
        @Schema(required = true) long conflict,
        @Schema(required = true) long notVisible,
        @Schema(required = true) long refused,
        @Schema(required = true) long failed,
        @Schema(nullable = true, description = "START_CARE_CAMPAIGN: the draft campaign created (none when no row was CHANGED)")
        UUID campaignId,
        @Schema(required = true) List<ContactBulkRow> rows) {
}
