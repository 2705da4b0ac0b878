package io.guanxi.crm.notification;

/** What happened; the SPA turns the code (with the notification's params and links) into a sentence. */
public enum NotificationKind {
    /** A lead was assigned or reassigned to you (params: reason when a manager gave one). */
    LEAD_ASSIGNED,
    /** A lead of yours was reassigned to someone else. */
    LEAD_REASSIGNED_AWAY,
    /** A rep claimed a lead from the unassigned queue (for managers). */
    LEAD_CLAIMED,
    /** A complaint missed an SLA deadline and is on your list (params: missed). */
    ESCALATION,
    /** One of your activities fell overdue. */
    ACTIVITY_OVERDUE,
    /** Someone else planned an activity for you. */
    ACTIVITY_ASSIGNED,
    /** A complaint was assigned to you. */
    COMPLAINT_ASSIGNED,
    /** Someone mentioned you (@username) in an interaction or an activity note. */
    MENTION
}
