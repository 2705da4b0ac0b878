package io.guanxi.crm.complaint;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired in the transaction that closed a complaint, for features that follow up on it (a satisfaction survey)
 * without the complaint feature depending on them.
 */
public record ComplaintClosed(UUID complaintId, UUID contactId, Instant closedAt) {
}
