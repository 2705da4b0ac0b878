package io.guanxi.crm.contact.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactReach", description = "A contact's mobile and email in full (a reveal, recorded in the audit trail)")
public record ContactReach(
        @Schema(required = true) UUID id,
        @Schema(nullable = true) String mobile,
        @Schema(nullable = true) String email) {
}
