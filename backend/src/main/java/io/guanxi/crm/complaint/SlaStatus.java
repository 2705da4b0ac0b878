package io.guanxi.crm.complaint;

/** Where a complaint stands against its SLA, as the server computes it (the SPA shows it, it does not work it out). */
public enum SlaStatus {
    /** The current deadline is further away than the severity's warning time. */
    ON_TRACK,
    /** The current deadline falls within the severity's warning time (the scan warns the agent then). */
    DUE_SOON,
    /** The current deadline has passed. */
    OVERDUE,
    /** Done (followed up or closed) with every deadline kept. */
    MET,
    /** Done, with at least one deadline missed. */
    MISSED
}
