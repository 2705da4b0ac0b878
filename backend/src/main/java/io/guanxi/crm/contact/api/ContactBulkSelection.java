package io.guanxi.crm.contact.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactBulkSelection", description = "Either ids (rows the user ticked) or filter (all contacts matching the "
        + "list's filters), not both")
public record ContactBulkSelection(
        @Size(min = 1, max = 10000) @Schema(nullable = true) List<@Valid @NotNull ContactBulkItem> ids,
        @Valid @Schema(nullable = true) ContactBulkFilter filter) {
}
