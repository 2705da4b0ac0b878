package io.guanxi.crm.complaint;

/** The four steps of 001 §2.2.3 as states, in order. */
public enum ComplaintState {
    RECEIVED, ACKNOWLEDGED, CAUSE_IDENTIFIED, SOLUTIONS_OFFERED, RESOLVED, FOLLOWED_UP, CLOSED;

    /** Not yet resolved: the resolution SLA still runs. */
    public boolean awaitsResolution() {
        return ordinal() < RESOLVED.ordinal();
    }
}
