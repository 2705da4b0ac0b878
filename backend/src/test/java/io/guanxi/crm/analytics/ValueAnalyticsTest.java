package io.guanxi.crm.analytics;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The value section on a hand-built book of one fresh rep, March 2024 (Asia/Shanghai) against February:
 *
 * <pre>
 * Alice  A / A / GOLD      2024-01-10 500; 03-05 2000; 03-20 1000 refunded 400 (kept 600)
 * Bob    B / B / SILVER    03-10 12000
 * Carol  C / C / PLATINUM  02-15 800; 03-31 23:30 Shanghai (15:30Z) 1200
 * Dave   — / — / SILVER    03-12 700 refunded in full; 04-01 00:10 Shanghai (03-31 16:10Z, March in UTC) 60000
 * Eve    INACTIVE / D / SILVER  02-20 100
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValueAnalyticsTest {

    private static final String MARCH = "period=CUSTOM&from=2024-03-01&to=2024-03-31";

    @Inject
    EntityManager em;

    TestUser rep;
    TestUser manager;

    /** Built once for the class (the instance lives as long as the class); REST Assured is ready only per test. */
    @BeforeEach
    void aBook() {
        if (rep != null) {
            return;
        }
        rep = Api.newUser(Role.SALES_REP);
        manager = Api.newUser(Role.MANAGER);
        String alice = customer("Alice");
        String bob = customer("Bob");
        String carol = customer("Carol");
        String dave = customer("Dave");
        String eve = customer("Eve");
        purchase(alice, 500, "2024-01-10T02:00:00Z");
        purchase(alice, 2000, "2024-03-05T02:00:00Z");
        refund(purchase(alice, 1000, "2024-03-20T02:00:00Z"), 400);
        purchase(bob, 12000, "2024-03-10T02:00:00Z");
        purchase(carol, 800, "2024-02-15T02:00:00Z");
        purchase(carol, 1200, "2024-03-31T15:30:00Z");
        refund(purchase(dave, 700, "2024-03-12T02:00:00Z"), 700);
        purchase(dave, 60000, "2024-03-31T16:10:00Z");
        purchase(eve, 100, "2024-02-20T02:00:00Z");
        // The classes a recompute would give; the API has no way to set them.
        classes(alice, "A", "A", "GOLD");
        classes(bob, "B", "B", "SILVER");
        classes(carol, "C", "C", "PLATINUM");
        classes(dave, null, null, "SILVER");
        classes(eve, "INACTIVE", "D", "SILVER");
    }

    String customer(String name) {
        return rep.request().body(aContact().name(name).build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    String purchase(String contactId, int amount, String at) {
        return rep.request().body(Map.of("contactId", contactId, "amount", amount, "channel", "STORE", "occurredAt", at))
                .post("/api/v1/purchases").then().statusCode(201).extract().path("id");
    }

    void refund(String purchaseId, int amount) {
        rep.request().body(Map.of("amount", amount, "reason", "退货")).post("/api/v1/purchases/" + purchaseId + "/refunds")
                .then().statusCode(201);
    }

    void classes(String contactId, String tier, String quadrant, String level) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE customer_value SET abc_tier = CAST(:tier AS varchar), abcd_quadrant = CAST(:quadrant AS varchar),
                       membership_level = :level WHERE contact_id = CAST(:id AS uuid)""")
                .setParameter("tier", tier).setParameter("quadrant", quadrant).setParameter("level", level).setParameter("id", contactId)
                .executeUpdate());
    }

    JsonPath value(TestUser user, String query) {
        return user.request().get("/api/v1/analytics/VALUE?" + query).then().statusCode(200).extract().jsonPath();
    }

    JsonPath drill(String figure, String key, String query) {
        String keyParam = key == null ? "" : "&key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        return manager.request().urlEncodingEnabled(false)
                .get("/api/v1/analytics/VALUE/drill/" + figure + "?" + query + keyParam + "&ownerId=" + rep.id() + "&size=100")
                .then().statusCode(200).extract().jsonPath();
    }

    static BigDecimal card(JsonPath report, String code, String field) {
        return report.getObject("cards.find { it.code == '" + code + "' }." + field, BigDecimal.class);
    }

    static List<BigDecimal> row(JsonPath report, String table, String key) {
        List<BigDecimal> values = new ArrayList<>();
        for (Object v : report.getList("tables.find { it.code == '" + table + "' }.rows.find { it.key == '" + key + "' }.values")) {
            values.add(v == null ? null : new BigDecimal(v.toString()));
        }
        return values;
    }

    static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    static BigDecimal drillTotal(JsonPath drill) {
        return drill.getList("items.amount").stream().map(a -> new BigDecimal(a.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void cardsForMarchBesideFebruary() {
        JsonPath march = value(manager, MARCH + "&ownerId=" + rep.id());
        assertEquals("2024-02-01", march.getString("previousFrom"));
        // Kept sales in March: Alice 2000 + 600, Bob 12000, Carol 1200 (23:30 in Shanghai); Dave's refunded 700 and his
        // 60000 of April 1st in Shanghai do not count.
        assertNumber("15800", card(march, "value.revenue", "value"));
        assertNumber("4", card(march, "value.purchases", "value"));
        assertNumber("3", card(march, "value.buyers", "value"));
        assertNumber("3950.00", card(march, "value.averageOrder", "value")); // 15800 / 4
        // Repeat: Alice (two in March) and Carol (February before) of the 3 buyers.
        assertNumber("0.6667", card(march, "value.repeatRate", "value"));
        assertNumber("1", card(march, "value.newCustomers", "value")); // Bob: Alice bought in January, Carol in February
        // February: Carol 800 and Eve 100, both first purchases, neither bought twice.
        assertNumber("900", card(march, "value.revenue", "previous"));
        assertNumber("2", card(march, "value.purchases", "previous"));
        assertNumber("2", card(march, "value.buyers", "previous"));
        assertNumber("450.00", card(march, "value.averageOrder", "previous"));
        assertNumber("0", card(march, "value.repeatRate", "previous"));
        assertNumber("2", card(march, "value.newCustomers", "previous"));
    }

    @Test
    void drillsListWhatTheCardsCount() {
        JsonPath purchases = drill("value.purchases", null, MARCH);
        assertEquals(4, purchases.getInt("total"));
        assertNumber("15800", drillTotal(purchases));
        assertEquals("PURCHASE", purchases.getString("items[0].kind"));
        assertEquals("Carol", purchases.getString("items[0].title")); // the latest first
        JsonPath buyers = drill("value.buyers", null, MARCH);
        assertEquals(3, buyers.getInt("total"));
        assertEquals("CONTACT", buyers.getString("items[0].kind"));
        assertEquals(List.of("Alice", "Carol"), drill("value.repeatBuyers", null, MARCH).getList("items.title").stream().sorted().toList());
        assertEquals(List.of("Bob"), drill("value.newCustomers", null, MARCH).getList("items.title"));
        JsonPath month = drill("value.monthPurchases", "2024-03", MARCH);
        assertEquals(4, month.getInt("total"));
        manager.request().get("/api/v1/analytics/VALUE/drill/value.nothing?" + MARCH).then().statusCode(404);
    }

    @Test
    void tiersQuadrantsAndLevelsAreTheCurrentClassesWithTheirRevenueInThePeriod() {
        JsonPath march = value(manager, MARCH + "&ownerId=" + rep.id());
        // 5 customers with a value row: one per tier and Dave not ranked yet. March revenue 15800: A 2600, B 12000, C 1200.
        assertEquals(List.of("A", "B", "C", "INACTIVE", "UNRANKED"), march.getList("tables.find { it.code == 'value.tiers' }.rows.key"));
        List<BigDecimal> a = row(march, "value.tiers", "A");
        assertNumber("1", a.get(0));
        assertNumber("0.2", a.get(1));
        assertNumber("2600", a.get(2));
        assertNumber("0.1646", a.get(3)); // 2600 / 15800
        assertNumber("0.7595", row(march, "value.tiers", "B").get(3)); // 12000 / 15800
        assertNumber("0.0759", row(march, "value.tiers", "C").get(3)); // 1200 / 15800
        assertNumber("0", row(march, "value.tiers", "INACTIVE").get(2));
        assertNumber("1", row(march, "value.tiers", "UNRANKED").get(0));
        assertEquals(List.of("A", "B", "C", "D", "UNRANKED"), march.getList("tables.find { it.code == 'value.abcd' }.rows.key"));
        assertNumber("1", row(march, "value.abcd", "D").get(0));
        List<BigDecimal> silver = row(march, "value.levels", "SILVER"); // Bob, Dave, Eve
        assertNumber("3", silver.get(0));
        assertNumber("0.6", silver.get(1));
        assertNumber("12000", silver.get(2));
        assertNumber("2600", row(march, "value.levels", "GOLD").get(2));
        assertNumber("1200", row(march, "value.levels", "PLATINUM").get(2));
        JsonPath silverDrill = drill("value.levelCustomers", "SILVER", MARCH);
        assertEquals(3, silverDrill.getInt("total"));
        assertNumber("12000", drillTotal(silverDrill));
        JsonPath tierA = drill("value.tierCustomers", "A", MARCH);
        assertEquals(List.of("Alice"), tierA.getList("items.title"));
        assertNumber("2600", drillTotal(tierA));
        assertEquals(List.of("Dave"), drill("value.tierCustomers", "UNRANKED", MARCH).getList("items.title"));
        assertEquals(List.of("Eve"), drill("value.abcdCustomers", "D", MARCH).getList("items.title"));
    }

    @Test
    void clvBucketsAndRevenueByMonth() {
        JsonPath march = value(manager, MARCH + "&ownerId=" + rep.id());
        // Kept to the end of March: Dave 0, Eve 100 | Alice 3100, Carol 2000 | Bob 12000 (Dave's 60000 came after).
        assertEquals(List.of("0-1000", "1000-5000", "5000-10000", "10000-50000", "50000+"),
                march.getList("tables.find { it.code == 'value.clv' }.rows.key"));
        assertEquals(List.of(new BigDecimal("2"), new BigDecimal("100")), strip(row(march, "value.clv", "0-1000")));
        assertEquals(List.of(new BigDecimal("2"), new BigDecimal("5100")), strip(row(march, "value.clv", "1000-5000")));
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("12000")), strip(row(march, "value.clv", "10000-50000")));
        assertNumber("0", row(march, "value.clv", "50000+").get(0));
        assertEquals(List.of("Dave", "Eve"), drill("value.clvCustomers", "0-1000", MARCH).getList("items.title").stream().sorted().toList());
        assertEquals(0, drill("value.clvCustomers", "50000+", MARCH).getInt("total"));

        String febMar = "period=CUSTOM&from=2024-02-01&to=2024-03-31&ownerId=" + rep.id();
        JsonPath months = value(manager, febMar);
        assertEquals(List.of("2024-02", "2024-03"), months.getList("tables.find { it.code == 'value.revenueByMonth' }.rows.key"));
        assertEquals(List.of(new BigDecimal("900"), new BigDecimal("2")), strip(row(months, "value.revenueByMonth", "2024-02")));
        assertEquals(List.of(new BigDecimal("15800"), new BigDecimal("4")), strip(row(months, "value.revenueByMonth", "2024-03")));
        // Up to the end of March Dave's 60000 is still April's; with April it is in.
        JsonPath april = value(manager, "period=CUSTOM&from=2024-04-01&to=2024-04-30&ownerId=" + rep.id());
        assertNumber("60000", card(april, "value.revenue", "value"));
        assertNumber("1", row(april, "value.clv", "50000+").get(0));
    }

    static List<BigDecimal> strip(List<BigDecimal> values) {
        return values.stream().map(v -> v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros()).toList();
    }

    @Test
    void aRepSeesTheirOwnBookOnlyWhateverTheOwnerTheyAskFor() {
        JsonPath own = value(rep, MARCH);
        assertTrue(own.getBoolean("ownBook"));
        assertNumber("15800", card(own, "value.revenue", "value"));
        TestUser other = Api.newUser(Role.SALES_REP);
        String theirs = other.request().body(aContact().name("Other").build()).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");
        other.request().body(Map.of("contactId", theirs, "amount", 50, "channel", "STORE", "occurredAt", "2024-03-15T02:00:00Z"))
                .post("/api/v1/purchases").then().statusCode(201);
        JsonPath peek = value(other, MARCH + "&ownerId=" + rep.id());
        assertNumber("0", card(peek, "value.revenue", "value"));
        assertNumber("0", card(peek, "value.buyers", "value"));
        assertNumber("0", row(peek, "value.tiers", "A").get(0));
        assertEquals(0, other.request().get("/api/v1/analytics/VALUE/drill/value.purchases?" + MARCH + "&ownerId=" + rep.id())
                .then().statusCode(200).extract().jsonPath().getInt("total"));
        assertNumber("50", card(value(other, MARCH), "value.revenue", "value"));
    }

    @Test
    void exportsTheSectionAsXlsxAndADrillAsCsv() {
        byte[] xlsx = manager.request().get("/api/v1/analytics/VALUE/export?format=XLSX&" + MARCH + "&ownerId=" + rep.id())
                .then().statusCode(200).extract().asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.US_ASCII));
        String csv = manager.request().header("Accept-Language", "en")
                .get("/api/v1/analytics/VALUE/drill/value.buyers/export?format=CSV&" + MARCH + "&ownerId=" + rep.id())
                .then().statusCode(200).extract().asString();
        assertEquals(4, csv.strip().split("\n").length, csv); // the header and the 3 buyers
        assertTrue(csv.contains("Bob"), csv);
    }
}
