package io.guanxi.crm.interaction.api;

import io.guanxi.crm.interaction.InteractionChannel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** How much contact there has been with a customer. */
public record InteractionStats(@Schema(required = true) long total, @Schema(required = true) long last7Days, @Schema(required = true) long last30Days, @Schema(required = true) Map<InteractionChannel, Long> byChannel,
        Instant lastOccurredAt) {
}
