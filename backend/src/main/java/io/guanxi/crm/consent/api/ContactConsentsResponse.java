package io.guanxi.crm.consent.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's consents: the state per purpose and the whole ledger, newest first. */
@Schema(name = "ContactConsents")
public record ContactConsentsResponse(@Schema(required = true) UUID contactId,
        @Schema(required = true) List<ConsentStateResponse> purposes,
        @Schema(required = true) List<ConsentEntryResponse> ledger) {
}
