package io.guanxi.crm.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * An activity a rule puts on someone's list: for whom, about which customer (and lead or complaint),
 * due when. Part of the activity feature's published API, used with {@link RuleActivities}.
 */
public record RuleActivity(UUID assigneeId, UUID contactId, UUID leadId, UUID complaintId, Instant dueAt, Instant overdueAt) {

    /** Due on this day (business time zone): overdue when the day ends. */
    public static RuleActivity forLeadOn(UUID assigneeId, UUID contactId, UUID leadId, LocalDate day, ZoneId zone) {
        return new RuleActivity(assigneeId, contactId, leadId, null, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** About a customer only, due on this day (business time zone): overdue when the day ends. */
    public static RuleActivity forContactOn(UUID assigneeId, UUID contactId, LocalDate day, ZoneId zone) {
        return new RuleActivity(assigneeId, contactId, null, null, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** About a complaint, due on this day (business time zone): overdue when the day ends. */
    public static RuleActivity forComplaintOn(UUID assigneeId, UUID contactId, UUID complaintId, LocalDate day, ZoneId zone) {
        return new RuleActivity(assigneeId, contactId, null, complaintId, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Due at this time. */
    public static RuleActivity forComplaint(UUID assigneeId, UUID contactId, UUID complaintId, Instant dueAt) {
        return new RuleActivity(assigneeId, contactId, null, complaintId, dueAt, dueAt);
    }
}
