package io.guanxi.crm.churn;

/** A monthly churn review is OPEN while causes and analyses are filled in, then CLOSED by a manager (read-only). */
public enum ChurnReviewState {
    OPEN, CLOSED
}
