package io.guanxi.crm.reminder;

import java.time.Instant;
import java.util.UUID;

/**
 * A reminder another feature asks for about one of its complaints: whose list it goes on, which
 * customer and complaint it concerns, and when it is due. Part of the reminder feature's published API.
 */
public record ComplaintReminder(UUID ownerId, UUID contactId, UUID complaintId, Instant dueAt) {

    /** Why a complaint puts a reminder on someone's list; stored as the reminder's reason. */
    public enum Reason {
        COMPLAINT_FOLLOW_UP, COMPLAINT_ESCALATED, COMPLAINT_SLA_WARNING
    }
}
