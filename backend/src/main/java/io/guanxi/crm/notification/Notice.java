package io.guanxi.crm.notification;

import java.util.Map;
import java.util.UUID;

/**
 * A notification another feature sends through {@link Notifications}: to whom, what, about which
 * records, caused by whom (null: a rule), and an optional key that makes it come once per recipient.
 */
public record Notice(UUID recipientId, NotificationKind kind, Map<String, String> params, UUID contactId, UUID leadId,
        UUID activityId, UUID complaintId, UUID actorId, String onceKey) {

    public static Notice of(UUID recipientId, NotificationKind kind, UUID actorId) {
        return new Notice(recipientId, kind, Map.of(), null, null, null, null, actorId, null);
    }

    public Notice aboutContact(UUID id) {
        return new Notice(recipientId, kind, params, id, leadId, activityId, complaintId, actorId, onceKey);
    }

    public Notice aboutLead(UUID id) {
        return new Notice(recipientId, kind, params, contactId, id, activityId, complaintId, actorId, onceKey);
    }

    public Notice aboutActivity(UUID id) {
        return new Notice(recipientId, kind, params, contactId, leadId, id, complaintId, actorId, onceKey);
    }

    public Notice aboutComplaint(UUID id) {
        return new Notice(recipientId, kind, params, contactId, leadId, activityId, id, actorId, onceKey);
    }

    public Notice withParams(Map<String, String> values) {
        return new Notice(recipientId, kind, values, contactId, leadId, activityId, complaintId, actorId, onceKey);
    }

    public Notice once(String key) {
        return new Notice(recipientId, kind, params, contactId, leadId, activityId, complaintId, actorId, key);
    }
}
