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

    /** The business time zone the months of {@link #SALES_BY_OWNER_MONTH} are counted in (V43). */
    public static final String SALES_BY_OWNER_MONTH_ZONE = "Asia/Shanghai";

    /**
     * A derived table, the kept sales summed per customer's current owner and calendar month
     * ({@link #SALES_BY_OWNER_MONTH_ZONE}), kept fresh in the transaction that writes purchases or changes a customer's
     * owner (V43): {@code owner_id} (uuid), {@code month} (date, the month's first day), {@code prev_month} (date: the
     * month of the customer's sale before this month, {@code -infinity} if none), {@code one_time_until} (date: for a
     * customer's first month with exactly one sale, the month of their next sale, {@code infinity} if none; else
     * {@code -infinity}), {@code customers} (customers with a sale in that month), {@code sales}, {@code revenue} (kept
     * amounts). For the months [A, B]: buyers = customers where prev_month &lt; A; new buyers = customers where prev_month
     * = -infinity; buyers with one sale and none before = customers where one_time_until &gt; B. Use as
     * {@code FROM (…) AS alias}.
     */
    public static final String SALES_BY_OWNER_MONTH = """
            (SELECT r.owner_id AS owner_id, r.month AS month, r.prev_month AS prev_month, r.one_time_until AS one_time_until,
                    r.customers AS customers, r.sales AS sales, r.revenue AS revenue
             FROM sales_month_rollup r)""";

    /** The width of a band of {@link #SALES_BANDS_BY_OWNER}, yuan, and the band that holds everything from its bound up. */
    public static final int SALES_BAND_WIDTH = 1_000;
    public static final int SALES_BAND_TOP = 50;

    /**
     * A derived table, the customers who bought (with {@code first_purchase_at} set in {@link #CUSTOMER_SALES}) counted per
     * current owner and band of their kept revenue to date, kept fresh in the transaction that writes purchases or changes
     * a customer's owner (V54): {@code owner_id} (uuid), {@code band} (smallint: kept revenue ÷ {@link #SALES_BAND_WIDTH}
     * rounded down, at most {@link #SALES_BAND_TOP}), {@code customers}, {@code revenue} (their kept revenue summed). Use
     * as {@code FROM (…) AS alias}.
     */
    public static final String SALES_BANDS_BY_OWNER = """
            (SELECT b.owner_id AS owner_id, b.band AS band, b.customers AS customers, b.revenue AS revenue
             FROM customer_sales_band b)""";
}
