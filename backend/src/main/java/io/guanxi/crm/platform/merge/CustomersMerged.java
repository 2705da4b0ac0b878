package io.guanxi.crm.platform.merge;

import java.util.List;
import java.util.UUID;

/**
 * Contacts merged (or a merge undone): features that keep derived figures about customers (value tiers,
 * churn risk, lead scores) recompute them for these contacts. Fired inside the merge's transaction.
 */
public record CustomersMerged(UUID survivorId, List<UUID> contactIds) {
}
