package io.guanxi.crm.complaint;

import java.util.UUID;

/**
 * Fired in the transaction that received a complaint or moved it a step (any state change), so that
 * features which read complaints follow at once (churn risk) without the complaint feature knowing them.
 */
public record ComplaintChanged(UUID contactId, UUID complaintId, ComplaintState state) {
}
