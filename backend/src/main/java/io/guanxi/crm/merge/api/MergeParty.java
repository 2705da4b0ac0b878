package io.guanxi.crm.merge.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One contact of a merge and the ETag (its version) the user saw, e.g. {@code "3"}. */
public record MergeParty(
        @Schema(required = true) @NotNull UUID id,
        @Schema(required = true, description = "The contact's ETag as read, e.g. \"3\"", example = "\"3\"") @NotBlank @Size(max = 30) String etag) {
}
