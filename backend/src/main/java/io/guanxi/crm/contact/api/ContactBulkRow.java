package io.guanxi.crm.contact.api;

import io.guanxi.crm.contact.ContactBulkOutcome;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactBulkRow", description = "What the action did to one selected contact")
public record ContactBulkRow(
        @Schema(required = true) UUID contactId,
        @Schema(required = true) ContactBulkOutcome outcome,
        @Schema(nullable = true, description = "The contact's version now (its ETag), for a contact you may see") Long version,
        @Schema(nullable = true, description = "Why a row was REFUSED or FAILED, a code: ANONYMISED, MERGED, ARCHIVED, STAGE_SKIPPED, "
                + "BATCH_FAILED", examples = "STAGE_SKIPPED") String reason) {
}
