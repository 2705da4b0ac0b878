package io.guanxi.crm.purchase;

/**
 * What the purchase feature publishes on purpose for other features' SQL: each purchase's customer and
 * what it came to, and refunds left of it. Another feature selects from this derived table, never
 * from {@code purchase} directly; the columns below are the contract.
 */
public final class PurchaseReadModel {

    private PurchaseReadModel() {
    }

    /**
     * A derived table, one row per purchase: {@code id} (uuid), {@code contact_id} (uuid),
     * {@code amount} (numeric, CNY), {@code kept_amount} (numeric: amount less what was refunded).
     * Use as {@code FROM (…) AS alias} or {@code JOIN (…) AS alias ON …}.
     */
    public static final String PURCHASES = """
            (SELECT p.id AS id, p.contact_id AS contact_id, p.amount AS amount, p.amount - p.refunded_amount AS kept_amount
             FROM purchase p)""";
}
