package io.guanxi.crm.lead;

/** What decided a lead's owner (or the queue it waits in); assignmentReason adds the details. */
public enum AssignmentKind {
    OWNER, RULE, HIGH_VALUE, MANAGER, PRIORITY_QUEUE, POTENTIAL_QUEUE
}
