package io.guanxi.crm.churn;

/**
 * What the churn feature publishes on purpose for other features' set-based SQL (PDCA win-back plans take
 * a review's churned customers as their targets). Another feature selects from this derived table, never
 * from {@code churn_record} directly; the columns below are the contract.
 */
public final class ChurnReadModel {

    private ChurnReadModel() {
    }

    /**
     * A derived table, one row per churn (a customer churned twice has two rows; a row stays when the
     * customer buys again): {@code id} (uuid), {@code contact_id} (uuid), {@code churned_at} (timestamptz),
     * {@code month} (date, the first day of the review month it belongs to, in the business time zone),
     * {@code method} (RULE or HAND), {@code cause} (a {@code ChurnCause} name, null while unknown),
     * {@code normal} (boolean, null while the cause is unknown), {@code owner_id} (uuid: the owner when
     * it churned). A review's customers: {@code WHERE month = :month}. Use as {@code FROM (…) AS alias}.
     */
    public static final String CHURNED = """
            (SELECT r.id AS id, r.contact_id AS contact_id, r.churned_at AS churned_at, r.month AS month,
                    r.method AS method, r.cause AS cause,
                    CASE WHEN r.cause IS NULL THEN NULL ELSE r.cause IN %s END AS normal, r.owner_id AS owner_id
             FROM churn_record r)""".formatted(ChurnCause.NORMAL_SQL);
}
