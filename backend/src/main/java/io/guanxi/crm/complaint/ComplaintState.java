package io.guanxi.crm.complaint;

import io.guanxi.crm.platform.db.SqlLists;

/** The four steps of 001 §2.2.3 as states, in order. */
public enum ComplaintState {
    RECEIVED, ACKNOWLEDGED, CAUSE_IDENTIFIED, SOLUTIONS_OFFERED, RESOLVED, FOLLOWED_UP, CLOSED;

    /** {@link #isOpen()} as an SQL list, for {@code state IN …}. */
    public static final String OPEN_SQL = SqlLists.inList(values(), ComplaintState::isOpen);

    /** {@link #awaitsResolution()} as an SQL list, for {@code state IN …}. */
    public static final String AWAITING_RESOLUTION_SQL = SqlLists.inList(values(), ComplaintState::awaitsResolution);

    /** Not yet followed up or closed: counted in an agent's workload and listed as open. */
    public boolean isOpen() {
        return this != FOLLOWED_UP && this != CLOSED;
    }

    /** Not yet resolved: the resolution SLA still runs. */
    public boolean awaitsResolution() {
        return ordinal() < RESOLVED.ordinal();
    }
}
