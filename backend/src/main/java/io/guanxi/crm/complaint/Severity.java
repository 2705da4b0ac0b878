package io.guanxi.crm.complaint;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** An open HIGH or CRITICAL complaint puts the customer at churn risk. */
    public boolean signalsChurnRisk() {
        return this == HIGH || this == CRITICAL;
    }
}
