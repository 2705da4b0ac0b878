package io.guanxi.crm.lead;

/** What decided a lead's owner (or the queue it waits in); assignmentReason adds the details. */
public enum AssignmentKind {
    OWNER, RULE, HIGH_VALUE, MANAGER, PRIORITY_QUEUE, POTENTIAL_QUEUE,
    /** A rep took it from the queue of their seniority. */
    CLAIMED,
    /** Captured for a person who already has an owner: the lead goes to that owner. */
    EXISTING_CUSTOMER
}
