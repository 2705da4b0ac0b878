package io.guanxi.crm.complaint;

import io.guanxi.crm.platform.db.SqlLists;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** {@link #signalsChurnRisk()} as an SQL list, for {@code severity IN …}. */
    public static final String CHURN_RISK_SQL = SqlLists.inList(values(), Severity::signalsChurnRisk);

    /** An open HIGH or CRITICAL complaint puts the customer at churn risk. */
    public boolean signalsChurnRisk() {
        return this == HIGH || this == CRITICAL;
    }
}
