package io.guanxi.crm.purchase;

/**
 * What the purchase feature publishes, on purpose, for other features' set-based SQL (the tier
 * recompute and a customer's window figures): nothing else of the {@code purchase} table may appear
 * in another feature's SQL.
 */
public final class PurchaseReadModel {

    /**
     * One row per sale: {@code contact_id}, {@code occurred_at}, {@code net} (the amount less what was
     * refunded; 0 for a sale refunded in full).
     */
    public static final String NET_SALES = "(SELECT contact_id, occurred_at, amount - refunded_amount AS net FROM purchase)";

    private PurchaseReadModel() {
    }
}
