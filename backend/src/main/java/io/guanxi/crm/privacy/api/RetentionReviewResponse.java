package io.guanxi.crm.privacy.api;

import io.guanxi.crm.privacy.ReviewState;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RetentionReview", description = "A customer with no contact for the retention policy's years, and the decision on them")
public record RetentionReviewResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID contactId,
        @Schema(description = "The customer's name; empty once anonymised") String contactName,
        @Schema(required = true) boolean contactAnonymised,
        @Schema(required = true, description = "The latest of creation, last interaction and last purchase") Instant lastContactAt,
        @Schema(required = true) Instant listedAt,
        @Schema(required = true) ReviewState state,
        UUID decidedBy,
        String decidedByName,
        Instant decidedAt,
        String reason,
        @Schema(required = true) long version) {
}
