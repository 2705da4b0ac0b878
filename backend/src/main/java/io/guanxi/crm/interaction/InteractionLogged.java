package io.guanxi.crm.interaction;

import java.time.Instant;
import java.util.UUID;

/** Fired in the logging transaction, so features that depend on activity (lead scores) follow at once. */
public record InteractionLogged(UUID contactId, Instant occurredAt) {
}
