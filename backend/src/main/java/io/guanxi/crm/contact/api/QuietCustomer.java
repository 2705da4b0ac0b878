package io.guanxi.crm.contact.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer of yours nobody has been in touch with for longer than the care period. */
@Schema(name = "QuietCustomer")
public record QuietCustomer(@Schema(required = true) UUID id, @Schema(required = true) String name,
        @Schema(description = "Never, when absent") Instant lastContactedAt) {
}
