package io.guanxi.crm.analytics;

/** What a row behind a figure is, so the web app links it to its page. */
public enum DrillKind {
    CONTACT, LEAD, COMPLAINT, PURCHASE, ACTIVITY, SURVEY_ANSWER, CHURN, WINBACK_TARGET, POINTS_ENTRY
}
