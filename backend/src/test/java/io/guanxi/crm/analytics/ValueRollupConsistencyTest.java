package io.guanxi.crm.analytics;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.purchase.PurchaseReadModel;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The sales per owner × month rollup (V43, {@link PurchaseReadModel#SALES_BY_OWNER_MONTH}) after a random mix of sales,
 * partial and full refunds and handovers, all through the API: its rows equal the same sums computed from the raw
 * purchases and the customers' owners now, and the value figures read from it (whole-month periods) equal the rows of
 * their drills, which sum the raw sales.
 */
@QuarkusTest
class ValueRollupConsistencyTest {

    @Inject
    EntityManager em;

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();
    private final List<String[]> purchases = new ArrayList<>(); // id, remaining kept amount

    @Test
    void theRollupEqualsTheRawSalesAfterRandomWrites() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        TestUser first = Api.newUser(Role.SALES_REP);
        TestUser second = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        List<TestUser> reps = List.of(first, second);
        for (int i = 0; i < 6; i++) {
            TestUser rep = reps.get(i % 2);
            String name = "汇总" + i;
            String id = rep.request().body(aContact().name(name).build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
            names.put(id, name);
            owners.put(id, rep.id().toString());
        }
        List<String> customers = new ArrayList<>(names.keySet());
        for (int op = 0; op < 40; op++) {
            int kind = random.nextInt(10);
            String customer = customers.get(random.nextInt(customers.size()));
            if (kind < 6 || purchases.isEmpty()) {
                // A day from January to June 2024; 16:10Z is the next day in Shanghai, so month ends are crossed.
                String at = "2024-0%d-%02dT%s".formatted(1 + random.nextInt(6), 1 + random.nextInt(28), random.nextBoolean() ? "02:00:00Z" : "16:10:00Z");
                int amount = 100 + random.nextInt(1900);
                TestUser rep = owners.get(customer).equals(first.id().toString()) ? first : second;
                String id = rep.request().body(Map.of("contactId", customer, "amount", amount, "channel", "STORE", "occurredAt", at))
                        .post("/api/v1/purchases").then().statusCode(201).extract().path("id");
                purchases.add(new String[] {id, Integer.toString(amount)});
            } else if (kind < 8) {
                String[] purchase = purchases.get(random.nextInt(purchases.size()));
                int remaining = Integer.parseInt(purchase[1]);
                if (remaining > 0) {
                    int amount = random.nextBoolean() ? remaining : 1 + random.nextInt(remaining);
                    manager.request().body(Map.of("amount", amount, "reason", "退货")).post("/api/v1/purchases/" + purchase[0] + "/refunds")
                            .then().statusCode(201);
                    purchase[1] = Integer.toString(remaining - amount);
                }
            } else {
                String to = owners.get(customer).equals(first.id().toString()) ? second.id().toString() : first.id().toString();
                String etag = manager.request().get("/api/v1/contacts/" + customer).then().statusCode(200).extract().header("ETag");
                manager.request().header("If-Match", etag).body(aContact().name(names.get(customer)).with("ownerId", to).build())
                        .put("/api/v1/contacts/" + customer).then().statusCode(200);
                owners.put(customer, to);
            }
        }
        String why = "seed " + seed;
        List<UUID> ids = List.of(first.id(), second.id());
        assertEquals(raw(ids), rollup(ids), "rollup rows, " + why);
        assertTrue(!rollup(ids).isEmpty(), why);
        for (TestUser rep : reps) {
            for (String period : List.of("period=CUSTOM&from=2024-02-01&to=2024-04-30", "period=CUSTOM&from=2024-03-01&to=2024-03-31",
                    "period=CUSTOM&from=2024-01-01&to=2024-06-30")) {
                String query = period + "&ownerId=" + rep.id();
                JsonPath report = manager.request().get("/api/v1/analytics/VALUE?" + query).then().statusCode(200).extract().jsonPath();
                JsonPath sales = drill(manager, "value.purchases", null, query);
                String at = why + ", " + query;
                assertEquals(sales.getInt("total"), card(report, "value.purchases").intValue(), "purchases, " + at);
                assertEquals(0, ValueAnalyticsTest.drillTotal(sales).compareTo(card(report, "value.revenue")), "revenue, " + at);
                assertEquals(drill(manager, "value.buyers", null, query).getInt("total"), card(report, "value.buyers").intValue(), "buyers, " + at);
                assertEquals(drill(manager, "value.newCustomers", null, query).getInt("total"), card(report, "value.newCustomers").intValue(),
                        "new customers, " + at);
                int repeat = drill(manager, "value.repeatBuyers", null, query).getInt("total");
                BigDecimal rate = card(report, "value.repeatRate");
                BigDecimal expected = Ratios.of(repeat, card(report, "value.buyers").longValue());
                assertTrue(expected == null ? rate == null : rate != null && expected.compareTo(rate) == 0,
                        "repeat rate " + rate + " for " + repeat + " repeat buyers, " + at);
                for (Object month : report.getList("tables.find { it.code == 'value.revenueByMonth' }.rows.key")) {
                    JsonPath monthSales = drill(manager, "value.monthPurchases", month.toString(), query);
                    List<BigDecimal> row = ValueAnalyticsTest.row(report, "value.revenueByMonth", month.toString());
                    assertEquals(0, ValueAnalyticsTest.drillTotal(monthSales).compareTo(row.get(0)), "month revenue " + month + ", " + at);
                    assertEquals(monthSales.getInt("total"), row.get(1).intValue(), "month sales " + month + ", " + at);
                }
            }
        }
        // The CLV as it stands now: from the owner × band rollup (V54), each bucket equal to its customers listed raw.
        assertEquals(rawBands(ids), bands(ids), "CLV bands, " + why);
        for (TestUser rep : reps) {
            String query = "period=THIS_YEAR&ownerId=" + rep.id();
            JsonPath report = manager.request().get("/api/v1/analytics/VALUE?" + query).then().statusCode(200).extract().jsonPath();
            long customersInBuckets = 0;
            for (Object bucket : report.getList("tables.find { it.code == 'value.clv' }.rows.key")) {
                String key = bucket.toString();
                // As a parameter, so "50000+" is sent encoded.
                JsonPath inBucket = manager.request().queryParam("key", key)
                        .get("/api/v1/analytics/VALUE/drill/value.clvCustomers?" + query + "&size=200").then().statusCode(200).extract().jsonPath();
                List<BigDecimal> row = ValueAnalyticsTest.row(report, "value.clv", key);
                assertEquals(inBucket.getInt("total"), row.get(0).intValue(), "CLV customers " + key + ", " + why);
                assertEquals(0, ValueAnalyticsTest.drillTotal(inBucket).compareTo(row.get(1)), "CLV revenue " + key + ", " + why);
                customersInBuckets += row.get(0).longValue();
            }
            long bought = owners.entrySet().stream().filter(e -> e.getValue().equals(rep.id().toString()))
                    .filter(e -> boughtAnything(e.getKey())).count();
            assertEquals(bought, customersInBuckets, "every customer of the rep who bought is in one bucket, " + why);
        }
    }

    @Test
    void salesOfOneOwnersCustomersRecordedAtOnceAreAllCounted() throws Exception {
        TestUser rep = Api.newUser(Role.SALES_REP);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(rep.request().body(aContact().name("并发" + i).build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id"));
        }
        // Sixteen sales at once, four per customer, all in May 2024: the same rollup rows for every writer.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String customer = customers.get(i % 4);
                String at = "2024-05-%02dT02:00:00Z".formatted(1 + i);
                writes.add(pool.submit(() -> rep.request().body(Map.of("contactId", customer, "amount", 100, "channel", "STORE", "occurredAt", at))
                        .post("/api/v1/purchases").then().statusCode(201)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        List<UUID> ids = List.of(rep.id());
        assertEquals(raw(ids), rollup(ids));
        assertEquals(List.of(rep.id() + " 2024-05-01 -infinity -infinity 4 16 1600.00"), rollup(ids));
        assertEquals(List.of(rep.id() + " 0 4 1600.00"), bands(ids));
    }

    /** The owner × band rollup's rows of these owners, as comparable text. */
    private List<String> bands(List<UUID> ownerIds) {
        return rows("""
                SELECT b.owner_id || ' ' || b.band || ' ' || b.customers || ' ' || CAST(b.revenue AS numeric(18, 2)) AS row
                FROM %s AS b WHERE b.owner_id IN (:owners) ORDER BY 1""".formatted(PurchaseReadModel.SALES_BANDS_BY_OWNER), ownerIds);
    }

    /** The same from the raw purchases: each customer who bought, by what they kept to date, under their owner now. */
    private List<String> rawBands(List<UUID> ownerIds) {
        return rows("""
                WITH k AS (SELECT p.contact_id, sum(p.kept_amount) AS kept FROM %s AS p GROUP BY p.contact_id)
                SELECT c.owner_id || ' ' || CAST(LEAST(floor(k.kept / 1000), 50) AS int) || ' ' || count(*) || ' '
                       || CAST(sum(k.kept) AS numeric(18, 2)) AS row
                FROM k JOIN %s AS c ON c.id = k.contact_id WHERE c.owner_id IN (:owners)
                GROUP BY c.owner_id, CAST(LEAST(floor(k.kept / 1000), 50) AS int) ORDER BY 1"""
                .formatted(PurchaseReadModel.PURCHASES, ContactReadModel.CONTACTS), ownerIds);
    }

    private boolean boughtAnything(String contactId) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("SELECT 1 FROM purchase WHERE contact_id = CAST(:c AS uuid)")
                .setParameter("c", contactId).setMaxResults(1).getResultList().isEmpty());
    }

    /** The bulk test reads the rollups inside its own transaction, which it rolls back (its customers stay out of the others' way). */
    private boolean inBulkTransaction;

    @Test
    void oneStatementOfSalesForTwentyThousandCustomersKeepsTheRollups() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        List<UUID> ids = List.of(rep.id());
        QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(600));
        inBulkTransaction = true;
        try {
            // A bulk load: one statement of sales for 20 000 customers. Above 1 000 customers the sales rollup takes one
            // lock instead of one per customer (V55; V43's per-customer locks ran out of shared memory on the benchmark).
            em.createNativeQuery("""
                    INSERT INTO contact (id, name, owner_id, lifecycle_stage, created_at, updated_at)
                    SELECT gen_random_uuid(), '批量' || n, :owner, 'PURCHASE', now(), now() FROM generate_series(1, 20000) n""")
                    .setParameter("owner", rep.id()).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO purchase (id, contact_id, amount, channel, occurred_at, recorded_by, created_at)
                    SELECT gen_random_uuid(), c.id, 100, 'STORE', TIMESTAMPTZ '2024-07-15 02:00:00Z', c.owner_id, now()
                    FROM contact c WHERE c.owner_id = :owner""").setParameter("owner", rep.id()).executeUpdate();
            // Counted by hand (the raw recomputations scan every purchase in the database, too slow here): one sale of
            // 100 each, in July 2024, the first and only one of each customer.
            assertEquals(List.of(rep.id() + " 2024-07-01 -infinity infinity 20000 20000 2000000.00"), rollup(ids));
            assertEquals(List.of(rep.id() + " 0 20000 2000000.00"), bands(ids));
        } finally {
            inBulkTransaction = false;
            QuarkusTransaction.rollback();
        }
    }

    private static BigDecimal card(JsonPath report, String code) {
        return ValueAnalyticsTest.card(report, code, "value");
    }

    private static JsonPath drill(TestUser manager, String figure, String key, String query) {
        return manager.request().get("/api/v1/analytics/VALUE/drill/" + figure + "?" + query + (key == null ? "" : "&key=" + key) + "&size=200")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The rollup's rows of these owners, zero rows left out, as comparable text. */
    private List<String> rollup(List<UUID> ownerIds) {
        return rows("""
                SELECT r.owner_id || ' ' || r.month || ' ' || r.prev_month || ' ' || r.one_time_until || ' ' || r.customers || ' '
                       || r.sales || ' ' || CAST(r.revenue AS numeric(18, 2)) AS row
                FROM %s AS r WHERE r.owner_id IN (:owners) AND (r.customers <> 0 OR r.sales <> 0 OR r.revenue <> 0) ORDER BY 1"""
                .formatted(PurchaseReadModel.SALES_BY_OWNER_MONTH), ownerIds);
    }

    /** The same rows computed from the raw purchases, per customer month in Shanghai, under the customer's owner now. */
    private List<String> raw(List<UUID> ownerIds) {
        return rows("""
                WITH m AS (
                    SELECT p.contact_id, CAST(date_trunc('month', p.occurred_at AT TIME ZONE 'Asia/Shanghai') AS date) AS month,
                           count(*) AS sales, sum(p.kept_amount) AS revenue
                    FROM %s AS p WHERE p.kept_amount > 0 GROUP BY 1, 2),
                d AS (
                    SELECT m.*, c.owner_id, lag(m.month) OVER w AS prev_month, lead(m.month) OVER w AS next_month
                    FROM m JOIN %s AS c ON c.id = m.contact_id WINDOW w AS (PARTITION BY m.contact_id ORDER BY m.month))
                SELECT d.owner_id || ' ' || d.month || ' ' || COALESCE(d.prev_month, DATE '-infinity') || ' '
                       || CASE WHEN d.prev_month IS NULL AND d.sales = 1 THEN COALESCE(d.next_month, DATE 'infinity') ELSE DATE '-infinity' END
                       || ' ' || count(*) || ' ' || sum(d.sales) || ' ' || CAST(sum(d.revenue) AS numeric(18, 2)) AS row
                FROM d WHERE d.owner_id IN (:owners)
                GROUP BY d.owner_id, d.month, d.prev_month IS NULL, COALESCE(d.prev_month, DATE '-infinity'),
                         CASE WHEN d.prev_month IS NULL AND d.sales = 1 THEN COALESCE(d.next_month, DATE 'infinity') ELSE DATE '-infinity' END
                ORDER BY 1""".formatted(PurchaseReadModel.PURCHASES, ContactReadModel.CONTACTS), ownerIds);
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql, List<UUID> ownerIds) {
        if (inBulkTransaction) {
            return (List<String>) em.createNativeQuery(sql).setParameter("owners", ownerIds).getResultList();
        }
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql).setParameter("owners", ownerIds).getResultList());
    }
}
