package io.guanxi.crm.winback;

/** Where a plan's customers came from. */
public enum WinbackSource {
    HAND, CHURN_REVIEW, SEGMENT, PREVIOUS_CYCLE
}
