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

    /**
     * A derived table, one row per customer who has a purchase, kept fresh in the transaction that writes purchases
     * (V38): {@code contact_id} (uuid), {@code first_purchase_at} and {@code last_purchase_at} (timestamptz, any
     * purchase, refunded ones included), {@code first_sale_at} (timestamptz: the first purchase whose kept amount is
     * above 0; null if none), {@code sales} (integer: purchases whose kept amount is above 0), {@code kept_revenue}
     * (numeric: the kept amounts of all their purchases). Use as {@code FROM (…) AS alias}.
     */
    public static final String CUSTOMER_SALES = """
            (SELECT s.contact_id AS contact_id, s.first_purchase_at AS first_purchase_at, s.last_purchase_at AS last_purchase_at,
                    s.first_sale_at AS first_sale_at, s.sales AS sales, s.kept_revenue AS kept_revenue
             FROM customer_sales s)""";
}
