package io.guanxi.crm.interaction.api;

import io.guanxi.crm.interaction.Direction;
import io.guanxi.crm.interaction.InteractionChannel;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Interaction")
public record InteractionResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID contactId, @Schema(required = true) InteractionChannel channel, @Schema(required = true) Direction direction,
        @Schema(required = true) Instant occurredAt, @Schema(required = true) String summary, @Schema(required = true) UUID authorId, String authorName, @Schema(required = true) Instant createdAt) {
}
