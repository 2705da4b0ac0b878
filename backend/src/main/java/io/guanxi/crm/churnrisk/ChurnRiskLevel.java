package io.guanxi.crm.churnrisk;

/** Levels of churn risk, lowest first; the policy's thresholds decide them from the score. */
public enum ChurnRiskLevel {
    LOW, MEDIUM, HIGH
}
