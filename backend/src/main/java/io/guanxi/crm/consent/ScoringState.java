package io.guanxi.crm.consent;

/** Whether a score exists for the customer, or was left out because they objected to profiling (PIPL Art. 24). */
public enum ScoringState {
    SCORED,
    /** The PROFILING purpose is withdrawn: no lead or churn-risk score; the application says so instead of a number. */
    NOT_SCORED_AT_CUSTOMER_REQUEST
}
