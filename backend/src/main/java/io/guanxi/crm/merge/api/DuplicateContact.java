package io.guanxi.crm.merge.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact of a duplicate group as the list shows it: mobile and email masked (open the contact to see them). */
public record DuplicateContact(
        @Schema(required = true) UUID id,
        @Schema(required = true) String name,
        String company,
        @Schema(description = "Masked, e.g. 138****8000") String mobile,
        @Schema(description = "Masked, e.g. z***@example.cn") String email,
        @Schema(required = true) boolean hasWechatId,
        @Schema(required = true) UUID ownerId,
        String ownerName,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "The contact's version (its ETag)") long version) {
}
