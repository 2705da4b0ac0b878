package io.guanxi.crm.analytics;

import io.guanxi.crm.analytics.AnalyticsSection.DrillQuery;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.db.Reporting;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.purchase.PurchaseReadModel;
import io.guanxi.crm.tier.TierReadModel;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the value section ({@link ValueSection}): purchases through {@link PurchaseReadModel}, the customers'
 * current classes through {@link TierReadModel}. A sale counts when it was not refunded in full (its kept amount,
 * what is left after refunds, is above 0); revenue is the kept amount.
 */
@ApplicationScoped
public class ValueRepository {

    /** A current class of a customer that {@link #byClasses} breaks customers down by; null classes are UNRANKED. */
    enum ValueClass {
        TIER("abc_tier"), ABCD("abcd_quadrant"), LEVEL("membership_level");

        final String column;

        ValueClass(String column) {
            this.column = column;
        }
    }

    /** The key of customers whose class is not set yet (they bought after the last recompute). */
    static final String UNRANKED = "UNRANKED";

    /** The CLV buckets' lower bounds (CNY, included); each goes up to the next, the last has no upper bound. */
    static final List<Integer> CLV_BOUNDS = List.of(0, 1_000, 5_000, 10_000, 50_000);

    /** The figures of a period's sales. */
    record Totals(BigDecimal revenue, long purchases, long buyers, long repeatBuyers, long newCustomers) {
    }

    /** Which buyers of the period a drill lists. */
    enum Buyers {
        ALL("TRUE"), REPEAT("(b.sales >= 2 OR b.returning)"), NEW("NOT b.returning");

        final String condition;

        Buyers(String condition) {
            this.condition = condition;
        }
    }

    @Inject
    @PersistenceUnit(Reporting.UNIT)
    EntityManager em;

    /**
     * The period's kept sales with their customer's name and owner: id, contact_id, occurred_at, kept_amount, name, owner_id.
     * Every purchase has its customer; the join is LEFT so that a figure which reads neither name nor owner and has no
     * filter on the owner does not join at all (PostgreSQL removes it), and one with a filter joins as an inner join.
     */
    private static String sales(AnalyticsQuery query, Map<String, Object> params) {
        return """
                SELECT p.id AS id, p.contact_id AS contact_id, p.occurred_at AS occurred_at, p.kept_amount AS kept_amount,
                       c.name AS name, c.owner_id AS owner_id
                FROM %s AS p LEFT JOIN %s AS c ON c.id = p.contact_id
                WHERE p.occurred_at >= :start AND p.occurred_at < :end AND p.kept_amount > 0 AND %s"""
                .formatted(PurchaseReadModel.PURCHASES, ContactReadModel.CONTACTS, query.customerScope("p.contact_id", "c.owner_id", params));
    }

    /**
     * {@code b}: each buyer of the period: contact_id, sales, revenue, last_at, returning (kept a sale before the period:
     * their first kept sale, {@link PurchaseReadModel#CUSTOMER_SALES}, is before it), and with {@code named} their name and
     * owner_id.
     */
    private static String buyers(AnalyticsQuery query, Map<String, Object> params, boolean named) {
        String customer = named ? ", s.name, s.owner_id" : "";
        return """
                WITH sales AS (%s),
                per_buyer AS (
                    SELECT s.contact_id%s, count(*) AS sales, sum(s.kept_amount) AS revenue, max(s.occurred_at) AS last_at
                    FROM sales s GROUP BY s.contact_id%s),
                b AS (
                    SELECT pb.*, COALESCE(cs.first_sale_at < :start, FALSE) AS returning
                    FROM per_buyer pb LEFT JOIN %s AS cs ON cs.contact_id = pb.contact_id)
                """.formatted(sales(query, params), customer, customer, PurchaseReadModel.CUSTOMER_SALES);
    }

    private static Map<String, Object> periodParams(AnalyticsQuery query, Period period) {
        Map<String, Object> params = new HashMap<>();
        params.put("start", period.start(query.zone()));
        params.put("end", period.end(query.zone()));
        return params;
    }

    /**
     * Whether a period's totals and months can be summed from {@link PurchaseReadModel#SALES_BY_OWNER_MONTH}: the period is
     * whole calendar months in the zone the rollup counts in, and the scope is at most an owner (the rollup has no region
     * or tier). Otherwise the period's raw sales are grouped per buyer, as the definitions read.
     */
    static boolean fromRollup(AnalyticsQuery query, Period period) {
        return query.filter().region() == null && query.filter().tier() == null
                && PurchaseReadModel.SALES_BY_OWNER_MONTH_ZONE.equals(query.zone().getId())
                && period.from().getDayOfMonth() == 1 && period.to().plusDays(1).getDayOfMonth() == 1;
    }

    Totals totals(AnalyticsQuery query, Period period) {
        if (fromRollup(query, period)) {
            return rollupTotals(query, period);
        }
        Map<String, Object> params = periodParams(query, period);
        String sql = buyers(query, params, false) + """
                SELECT COALESCE(sum(b.revenue), 0) AS revenue, COALESCE(sum(b.sales), 0) AS purchases, count(*) AS buyers,
                       count(*) FILTER (WHERE %s) AS repeat_buyers, count(*) FILTER (WHERE %s) AS new_customers
                FROM b""".formatted(Buyers.REPEAT.condition, Buyers.NEW.condition);
        Tuple row = Rows.one(bind(em.createNativeQuery(sql, Tuple.class), params));
        return new Totals(Rows.decimal(row, "revenue"), Rows.longValue(row, "purchases"), Rows.longValue(row, "buyers"),
                Rows.longValue(row, "repeat_buyers"), Rows.longValue(row, "new_customers"));
    }

    /**
     * {@link #totals} from the owner × month rollup: buyers are counted at their first month in the period (the month
     * before it with a sale is before the period), new customers at a month without a sale before it, and the buyers who
     * are not repeat buyers are the new ones whose first month has one sale and whose next sale is after the period.
     */
    private Totals rollupTotals(AnalyticsQuery query, Period period) {
        Map<String, Object> params = new HashMap<>();
        params.put("fromMonth", period.from());
        params.put("toMonth", period.to().withDayOfMonth(1));
        String sql = """
                SELECT COALESCE(sum(r.revenue), 0) AS revenue, COALESCE(sum(r.sales), 0) AS purchases,
                       COALESCE(sum(r.customers) FILTER (WHERE r.prev_month < :fromMonth), 0) AS buyers,
                       COALESCE(sum(r.customers) FILTER (WHERE r.prev_month = DATE '-infinity'), 0) AS new_customers,
                       COALESCE(sum(r.customers) FILTER (WHERE r.one_time_until > :toMonth), 0) AS one_time
                FROM %s AS r WHERE r.month >= :fromMonth AND r.month <= :toMonth AND %s"""
                .formatted(PurchaseReadModel.SALES_BY_OWNER_MONTH, query.scope("r.owner_id", null, null, params));
        Tuple row = Rows.one(bind(em.createNativeQuery(sql, Tuple.class), params));
        long buyers = Rows.longValue(row, "buyers");
        return new Totals(Rows.decimal(row, "revenue"), Rows.longValue(row, "purchases"), buyers,
                buyers - Rows.longValue(row, "one_time"), Rows.longValue(row, "new_customers"));
    }

    /** The period's kept sales (amount: the kept amount), or those of one month ({@code yyyy-MM} in the business zone). */
    DrillQuery purchases(AnalyticsQuery query, String month) {
        Map<String, Object> params = periodParams(query, query.period());
        String sql = "SELECT 'PURCHASE' AS kind, s.id AS id, s.contact_id AS contact_id, s.name AS title, s.owner_id AS owner_id,"
                + " s.occurred_at AS at, s.kept_amount AS amount, CAST(NULL AS text) AS note FROM (" + sales(query, params) + ") AS s";
        if (month != null) {
            sql += " WHERE to_char(s.occurred_at AT TIME ZONE :zone, 'YYYY-MM') = :month";
            params.put("zone", query.zone().getId());
            params.put("month", month);
        }
        return new DrillQuery(sql, params);
    }

    /** The period's buyers (amount: what they kept buying in the period; at: their last sale in it). */
    DrillQuery buyers(AnalyticsQuery query, Buyers which) {
        Map<String, Object> params = periodParams(query, query.period());
        String sql = buyers(query, params, true) + """
                SELECT 'CONTACT' AS kind, b.contact_id AS id, b.contact_id AS contact_id, b.name AS title,
                       b.owner_id AS owner_id, b.last_at AS at, b.revenue AS amount, CAST(NULL AS text) AS note
                FROM b WHERE %s""".formatted(which.condition);
        return new DrillQuery(sql, params);
    }

    /** Kept revenue and sales per month of the period: key (yyyy-MM), revenue, purchases; every month, 0 where none. */
    List<Tuple> months(AnalyticsQuery query) {
        Map<String, Object> params = periodParams(query, query.period());
        params.put("fromDay", query.period().from());
        params.put("toDay", query.period().to());
        String perMonth;
        if (fromRollup(query, query.period())) {
            params.remove("start");
            params.remove("end");
            params.put("toMonth", query.period().to().withDayOfMonth(1));
            perMonth = """
                    SELECT to_char(r.month, 'YYYY-MM') AS key, sum(r.revenue) AS revenue, sum(r.sales) AS purchases
                    FROM %s AS r WHERE r.month >= :fromDay AND r.month <= :toMonth AND %s GROUP BY 1"""
                    .formatted(PurchaseReadModel.SALES_BY_OWNER_MONTH, query.scope("r.owner_id", null, null, params));
        } else {
            params.put("zone", query.zone().getId());
            perMonth = """
                    WITH sales AS (%s)
                    SELECT to_char(s.occurred_at AT TIME ZONE :zone, 'YYYY-MM') AS key, sum(s.kept_amount) AS revenue, count(*) AS purchases
                    FROM sales s GROUP BY 1""".formatted(sales(query, params));
        }
        String sql = """
                WITH per_month AS (%s),
                months AS (
                    SELECT to_char(m, 'YYYY-MM') AS key
                    FROM generate_series(date_trunc('month', CAST(:fromDay AS timestamp)), CAST(:toDay AS timestamp), interval '1 month') AS m)
                SELECT m.key AS key, COALESCE(pm.revenue, 0) AS revenue, COALESCE(pm.purchases, 0) AS purchases
                FROM months m LEFT JOIN per_month pm ON pm.key = m.key ORDER BY m.key""".formatted(perMonth);
        return Rows.list(bind(em.createNativeQuery(sql, Tuple.class), params));
    }

    /**
     * Customers by their current class, with what they kept buying in the period, for the three classes at once:
     * class (a {@link ValueClass} name), key, customers, revenue. The customers are those with a value row (who have
     * bought), as the tiers page counts them. One pass over the period's sales, summed per class without grouping them
     * per buyer first (the same sums as {@link #classCustomers}' rows per class).
     */
    List<Tuple> byClasses(AnalyticsQuery query) {
        Map<String, Object> params = periodParams(query, query.period());
        String sql = """
                WITH v AS (
                    SELECT v.contact_id AS contact_id, COALESCE(v.abc_tier, '%1$s') AS tier, COALESCE(v.abcd_quadrant, '%1$s') AS abcd,
                           COALESCE(v.membership_level, '%1$s') AS level
                    FROM %2$s AS v LEFT JOIN %3$s AS c ON c.id = v.contact_id
                    WHERE %4$s),
                cells AS (
                    SELECT v.tier, v.abcd, v.level, 1 AS customers, CAST(0 AS numeric) AS revenue FROM v
                    UNION ALL
                    SELECT v.tier, v.abcd, v.level, 0, p.kept_amount
                    FROM %5$s AS p JOIN v ON v.contact_id = p.contact_id
                    WHERE p.occurred_at >= :start AND p.occurred_at < :end AND p.kept_amount > 0)
                SELECT CASE WHEN GROUPING(cells.tier) = 0 THEN '%6$s' WHEN GROUPING(cells.abcd) = 0 THEN '%7$s' ELSE '%8$s' END AS class,
                       COALESCE(cells.tier, cells.abcd, cells.level) AS key, sum(cells.customers) AS customers, sum(cells.revenue) AS revenue
                FROM cells GROUP BY GROUPING SETS ((cells.tier), (cells.abcd), (cells.level))""".formatted(UNRANKED,
                TierReadModel.VALUE_CLASSES, ContactReadModel.CONTACTS, query.customerScope("v.contact_id", "c.owner_id", params),
                PurchaseReadModel.PURCHASES, ValueClass.TIER.name(), ValueClass.ABCD.name(), ValueClass.LEVEL.name());
        return Rows.list(bind(em.createNativeQuery(sql, Tuple.class), params));
    }

    /** The customers of one class (amount: what they kept buying in the period; at: their last sale in it). */
    DrillQuery classCustomers(AnalyticsQuery query, ValueClass valueClass, String key) {
        Map<String, Object> params = periodParams(query, query.period());
        params.put("classKey", key);
        String sql = classCustomers(query, valueClass, params) + """
                SELECT 'CONTACT' AS kind, k.contact_id AS id, k.contact_id AS contact_id, k.name AS title, k.owner_id AS owner_id,
                       k.last_at AS at, k.revenue AS amount, CAST(NULL AS text) AS note
                FROM k WHERE k.key = :classKey""";
        return new DrillQuery(sql, params);
    }

    /** {@code k}: each customer in scope with a value row, the key of their class, and their kept sales in the period. */
    private static String classCustomers(AnalyticsQuery query, ValueClass valueClass, Map<String, Object> params) {
        return """
                WITH sales AS (%s),
                per_buyer AS (SELECT s.contact_id, sum(s.kept_amount) AS revenue, max(s.occurred_at) AS last_at FROM sales s GROUP BY s.contact_id),
                k AS (
                    SELECT v.contact_id AS contact_id, COALESCE(v.%s, '%s') AS key, c.name AS name, c.owner_id AS owner_id,
                           COALESCE(pb.revenue, 0) AS revenue, pb.last_at AS last_at
                    FROM %s AS v LEFT JOIN %s AS c ON c.id = v.contact_id
                    LEFT JOIN per_buyer pb ON pb.contact_id = v.contact_id
                    WHERE %s)
                """.formatted(sales(query, params), valueClass.column, UNRANKED, TierReadModel.VALUE_CLASSES, ContactReadModel.CONTACTS,
                query.customerScope("v.contact_id", "c.owner_id", params));
    }

    /** Customers by what they kept buying up to the end of the period (or now): key (a bucket), customers, revenue. */
    List<Tuple> clv(AnalyticsQuery query) {
        Map<String, Object> params = new HashMap<>();
        String sql = bandsNow(query) ? """
                SELECT %s AS key, sum(b.customers) AS customers, sum(b.revenue) AS revenue
                FROM %s AS b WHERE %s GROUP BY 1""".formatted(bucketCase("b.band * " + PurchaseReadModel.SALES_BAND_WIDTH),
                PurchaseReadModel.SALES_BANDS_BY_OWNER, query.scope("b.owner_id", null, null, params))
                : lifetime(query, params, false) + """
                        SELECT l.key AS key, count(*) AS customers, sum(l.revenue) AS revenue FROM l GROUP BY l.key""";
        return Rows.list(bind(em.createNativeQuery(sql, Tuple.class), params));
    }

    /**
     * Whether the CLV can be summed from {@link PurchaseReadModel#SALES_BANDS_BY_OWNER}: the stock is taken now (the period
     * has not ended), no purchase is dated from now on (the bands hold everything recorded), the scope is at most an owner,
     * and every bucket bound is a whole band.
     */
    private boolean bandsNow(AnalyticsQuery query) {
        return BANDS_FIT && query.filter().region() == null && query.filter().tier() == null
                && query.asOf(query.period()).equals(query.now())
                && em.createNativeQuery("SELECT 1 FROM " + PurchaseReadModel.PURCHASES + " AS p WHERE p.occurred_at >= :asOf")
                        .setParameter("asOf", query.now()).setMaxResults(1).getResultList().isEmpty();
    }

    /** The CLV bounds are band bounds: multiples of the band width, none above the top band's. */
    private static final boolean BANDS_FIT = CLV_BOUNDS.stream().allMatch(b -> b % PurchaseReadModel.SALES_BAND_WIDTH == 0
            && b / PurchaseReadModel.SALES_BAND_WIDTH <= PurchaseReadModel.SALES_BAND_TOP);

    /** The customers of one CLV bucket (amount: what they kept buying to date; at: their last sale). */
    DrillQuery clvCustomers(AnalyticsQuery query, String bucket) {
        Map<String, Object> params = new HashMap<>();
        params.put("bucket", bucket);
        String sql = lifetime(query, params, true) + """
                SELECT 'CONTACT' AS kind, l.contact_id AS id, l.contact_id AS contact_id, l.name AS title, l.owner_id AS owner_id,
                       l.last_at AS at, l.revenue AS amount, CAST(NULL AS text) AS note
                FROM l WHERE l.key = :bucket""";
        return new DrillQuery(sql, params);
    }

    /**
     * {@code l}: each customer in scope who bought before the stock instant, with their kept revenue to then, their last
     * sale and its bucket, and with {@code named} their name and owner_id (and the last purchase before then). Read from
     * {@link PurchaseReadModel#CUSTOMER_SALES} (one row per customer, revenue to date) less the purchases made at or after
     * the stock instant (none when it is now), not by summing every purchase to date.
     */
    private static String lifetime(AnalyticsQuery query, Map<String, Object> params, boolean named) {
        params.put("asOf", query.asOf(query.period()));
        String customer = named ? """
                , c.name, c.owner_id, CASE WHEN cs.last_purchase_at < :asOf THEN cs.last_purchase_at
                  ELSE (SELECT max(e.occurred_at) FROM %s AS e WHERE e.contact_id = cs.contact_id AND e.occurred_at < :asOf) END AS last_at"""
                .formatted(PurchaseReadModel.PURCHASES) : "";
        return """
                WITH later AS (
                    SELECT p.contact_id, sum(p.kept_amount) AS kept FROM %s AS p WHERE p.occurred_at >= :asOf GROUP BY p.contact_id),
                per_customer AS (
                    SELECT cs.contact_id, cs.kept_revenue - COALESCE(later.kept, 0) AS revenue%s
                    FROM %s AS cs LEFT JOIN %s AS c ON c.id = cs.contact_id
                    LEFT JOIN later ON later.contact_id = cs.contact_id
                    WHERE cs.first_purchase_at < :asOf AND %s),
                l AS (SELECT pc.*, %s AS key FROM per_customer pc)
                """.formatted(PurchaseReadModel.PURCHASES, customer, PurchaseReadModel.CUSTOMER_SALES, ContactReadModel.CONTACTS,
                query.customerScope("cs.contact_id", "c.owner_id", params), bucketCase("pc.revenue"));
    }

    /** The bucket key of a revenue: "0-1000", "1000-5000", … "50000+". */
    static List<String> clvKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CLV_BOUNDS.size(); i++) {
            keys.add(i + 1 < CLV_BOUNDS.size() ? CLV_BOUNDS.get(i) + "-" + CLV_BOUNDS.get(i + 1) : CLV_BOUNDS.get(i) + "+");
        }
        return keys;
    }

    private static String bucketCase(String revenue) {
        List<String> keys = clvKeys();
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = CLV_BOUNDS.size() - 1; i > 0; i--) {
            sql.append(" WHEN ").append(revenue).append(" >= ").append(CLV_BOUNDS.get(i)).append(" THEN '").append(keys.get(i)).append("'");
        }
        return sql.append(" ELSE '").append(keys.get(0)).append("' END").toString();
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }
}
