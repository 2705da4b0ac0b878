package io.guanxi.crm.activity;

/** OPEN until done or cancelled; "overdue" is derived from the due time, never stored. */
public enum ActivityStatus {
    OPEN, DONE, CANCELLED
}
