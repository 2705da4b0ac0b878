package io.guanxi.crm.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * An activity a rule puts on someone's list: for whom, about which customer (and lead or complaint),
 * due when. Part of the activity feature's published API, used with {@link RuleActivities}.
 */
public record RuleActivity(UUID assigneeId, UUID contactId, UUID leadId, UUID complaintId, Instant dueAt) {

    public static RuleActivity forLead(UUID assigneeId, UUID contactId, UUID leadId, Instant dueAt) {
        return new RuleActivity(assigneeId, contactId, leadId, null, dueAt);
    }

    public static RuleActivity forComplaint(UUID assigneeId, UUID contactId, UUID complaintId, Instant dueAt) {
        return new RuleActivity(assigneeId, contactId, null, complaintId, dueAt);
    }
}
