package io.guanxi.crm.interaction.api;

import io.guanxi.crm.interaction.Direction;
import io.guanxi.crm.interaction.InteractionChannel;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Interaction")
public record InteractionResponse(UUID id, UUID contactId, InteractionChannel channel, Direction direction,
        Instant occurredAt, String summary, UUID authorId, String authorName, Instant createdAt) {
}
