package io.guanxi.crm.campaign.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer a segment reaches. */
@Schema(name = "SegmentMember")
public record SegmentMember(@Schema(required = true) UUID contactId, @Schema(required = true) String name,
        @Schema(required = true) UUID ownerId) {
}
