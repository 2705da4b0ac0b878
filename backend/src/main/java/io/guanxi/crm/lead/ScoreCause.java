package io.guanxi.crm.lead;

/** Why a lead's score changed; kept in its score history. */
public enum ScoreCause {
    CREATED, LEAD_EDITED, INTERACTION_LOGGED, POLICY_CHANGED, WINDOW_SLID,
    /** The customer objected to profiling (scored 0, shown as not scored) or withdrew the objection. */
    CONSENT_CHANGED
}
