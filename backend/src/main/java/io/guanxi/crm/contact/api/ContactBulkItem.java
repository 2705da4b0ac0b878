package io.guanxi.crm.contact.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactBulkItem", description = "A selected contact, optionally with the version (ETag) the user saw")
public record ContactBulkItem(
        @NotNull @Schema(required = true) UUID id,
        @PositiveOrZero @Schema(nullable = true, description = "The version the user saw (the number in its ETag); when it "
                + "has moved the row is a CONFLICT and is left unchanged", examples = "3") Long version) {
}
