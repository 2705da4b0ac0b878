package io.guanxi.crm.notification;

import java.util.Map;
import java.util.UUID;

/**
 * A notification another feature sends through {@link Notifications}: to whom, what, about which
 * records, and caused by whom (null: a rule).
 */
public record Notice(UUID recipientId, NotificationKind kind, Map<String, String> params, UUID contactId, UUID leadId,
        UUID activityId, UUID complaintId, UUID actorId) {

    public static Notice of(UUID recipientId, NotificationKind kind, UUID actorId) {
        return new Notice(recipientId, kind, Map.of(), null, null, null, null, actorId);
    }

    public Notice aboutContact(UUID id) {
        return new Notice(recipientId, kind, params, id, leadId, activityId, complaintId, actorId);
    }

    public Notice aboutLead(UUID id) {
        return new Notice(recipientId, kind, params, contactId, id, activityId, complaintId, actorId);
    }

    public Notice aboutActivity(UUID id) {
        return new Notice(recipientId, kind, params, contactId, leadId, id, complaintId, actorId);
    }

    public Notice aboutComplaint(UUID id) {
        return new Notice(recipientId, kind, params, contactId, leadId, activityId, id, actorId);
    }

    public Notice withParams(Map<String, String> values) {
        return new Notice(recipientId, kind, values, contactId, leadId, activityId, complaintId, actorId);
    }

}
