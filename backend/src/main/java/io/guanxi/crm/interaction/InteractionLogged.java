package io.guanxi.crm.interaction;

import io.guanxi.crm.interaction.api.NextFollowUp;
import java.time.Instant;
import java.util.UUID;

/**
 * Fired in the logging transaction, so features that depend on it follow at once: lead scores, and
 * activities (the follow-up it completes, the next one it plans, when {@code next} is given) and
 * notifications (the people it mentions).
 */
public record InteractionLogged(UUID contactId, UUID interactionId, InteractionChannel channel, Instant occurredAt,
        UUID authorId, String summary, NextFollowUp next) {
}
