package io.guanxi.crm.purchase;

/**
 * What the purchase feature publishes on purpose for other features' SQL (the tier recompute, a
 * customer's window figures, earning, complaints): each purchase's customer, when, and what it came to
 * and kept. Another feature selects from this derived table, never from {@code purchase} directly; the
 * columns below are the contract.
 */
public final class PurchaseReadModel {

    private PurchaseReadModel() {
    }

    /**
     * A derived table, one row per purchase: {@code id} (uuid), {@code contact_id} (uuid),
     * {@code occurred_at} (timestamptz), {@code amount} (numeric, CNY), {@code kept_amount} (numeric:
     * amount less what was refunded; 0 for a sale refunded in full). Use as {@code FROM (…) AS alias}.
     */
    public static final String PURCHASES = """
            (SELECT p.id AS id, p.contact_id AS contact_id, p.occurred_at AS occurred_at, p.amount AS amount,
                    p.amount - p.refunded_amount AS kept_amount
             FROM purchase p)""";
}
