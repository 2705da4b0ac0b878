package io.guanxi.crm.interaction.api;

import io.guanxi.crm.interaction.InteractionChannel;
import java.time.Instant;
import java.util.Map;

/** How much contact there has been with a customer. */
public record InteractionStats(long total, long last7Days, long last30Days, Map<InteractionChannel, Long> byChannel,
        Instant lastOccurredAt) {
}
