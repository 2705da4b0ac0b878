package io.guanxi.crm.churnrisk;

/**
 * What the churn-risk feature publishes on purpose for other features' set-based SQL (campaign and
 * win-back segments): each scored customer's level and score. Another feature selects from this derived
 * table, never from {@code churn_risk} directly; the columns below are the contract.
 */
public final class ChurnRiskReadModel {

    private ChurnRiskReadModel() {
    }

    /**
     * A derived table, one row per scored customer (lifecycle PURCHASE or LOYALTY, or who bought; not
     * archived or churned): {@code contact_id} (uuid), {@code level} (a {@link ChurnRiskLevel} name),
     * {@code score} (int, 0–100). A customer without a row has no score yet. Use as
     * {@code JOIN (…) AS alias ON alias.contact_id = …}.
     */
    public static final String LEVELS = """
            (SELECT r.contact_id AS contact_id, r.level AS level, r.score AS score FROM churn_risk r)""";
}
