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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The loyalty section on a hand-written ledger of one fresh rep's customers, May 2024 (Asia/Shanghai) against April.
 * The API writes entries at the present instant only, so these past entries go in by SQL (balance_after the running
 * sum, each account's balance the sum of its entries, as the ledger keeps them):
 *
 * <pre>
 * Gold (GOLD)          04-10 EARN +1000; 05-03 EARN +2000; 05-10 REDEEM −500; 05-11 REDEEM −200;
 *                      05-12 REVERSE +200 (REDEMPTION_CANCELLED); 05-25 REVERSE −100 (PURCHASE_REFUNDED); 06-05 REDEEM −300
 * Plat (PLATINUM)      03-01 ADJUST +400; 04-20 EXPIRE −100; 05-20 EXPIRE −300; 05-31 23:59 Shanghai REFERRAL_BONUS +500
 * Non (no level)       05-15 ADJUST +300 (COMPLAINT_COMPENSATION); 05-16 ADJUST −50; 06-01 00:30 Shanghai EARN +700
 * Silver (SILVER)      04-02 EARN +100; 04-25 REDEEM −100
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoyaltyAnalyticsTest {

    private static final String MAY = "period=CUSTOM&from=2024-05-01&to=2024-05-31";

    @Inject
    EntityManager em;

    TestUser rep;
    TestUser manager;

    /** Built once for the class (the instance lives as long as the class); REST Assured is ready only per test. */
    @BeforeEach
    void aLedger() {
        if (rep != null) {
            return;
        }
        rep = Api.newUser(Role.SALES_REP);
        manager = Api.newUser(Role.MANAGER);
        String gold = customer("Gold", "GOLD");
        String plat = customer("Plat", "PLATINUM");
        String non = customer("Non", null);
        String silver = customer("Silver", "SILVER");
        ledger(gold, """
                ('EARN', 1000, 'PURCHASE', '2024-04-10T02:00:00Z'), ('EARN', 2000, 'PURCHASE', '2024-05-03T02:00:00Z'),
                ('REDEEM', -500, 'REDEMPTION', '2024-05-10T02:00:00Z'), ('REDEEM', -200, 'REDEMPTION', '2024-05-11T02:00:00Z'),
                ('REVERSE', 200, 'REDEMPTION_CANCELLED', '2024-05-12T02:00:00Z'),
                ('REVERSE', -100, 'PURCHASE_REFUNDED', '2024-05-25T02:00:00Z'), ('REDEEM', -300, 'REDEMPTION', '2024-06-05T02:00:00Z')""");
        ledger(plat, """
                ('ADJUST', 400, 'MANAGER_ADJUSTMENT', '2024-03-01T02:00:00Z'), ('EXPIRE', -100, 'LOTS_EXPIRED', '2024-04-20T02:00:00Z'),
                ('EXPIRE', -300, 'LOTS_EXPIRED', '2024-05-20T02:00:00Z'), ('REFERRAL_BONUS', 500, 'REFERRAL', '2024-05-31T15:59:00Z')""");
        ledger(non, """
                ('ADJUST', 300, 'COMPLAINT_COMPENSATION', '2024-05-15T02:00:00Z'),
                ('ADJUST', -50, 'MANAGER_ADJUSTMENT', '2024-05-16T02:00:00Z'), ('EARN', 700, 'PURCHASE', '2024-05-31T16:30:00Z')""");
        ledger(silver, "('EARN', 100, 'PURCHASE', '2024-04-02T02:00:00Z'), ('REDEEM', -100, 'REDEMPTION', '2024-04-25T02:00:00Z')");
    }

    String customer(String name, String level) {
        String id = rep.request().body(aContact().name(name).build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        if (level != null) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO customer_value (contact_id, revenue, purchase_count, average_order, first_purchase_at, last_purchase_at,
                                                membership_level, policy_version, computed_at)
                    VALUES (CAST(:id AS uuid), 0, 0, 0, now(), now(), :level, (SELECT min(version) FROM tier_policy), now())""")
                    .setParameter("id", id).setParameter("level", level).executeUpdate());
        }
        return id;
    }

    /** The account and its entries (kind, points, cause, created_at), balance_after the running sum. */
    void ledger(String contactId, String entries) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO loyalty_account (contact_id, balance, created_at, updated_at) VALUES (CAST(:id AS uuid), 0, now(), now())""")
                    .setParameter("id", contactId).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO points_entry (contact_id, kind, points, balance_after, cause, reason, created_at)
                    SELECT CAST(:id AS uuid), v.kind, v.points, sum(v.points) OVER (ORDER BY v.at), v.cause, 'analytics test',
                           CAST(v.at AS timestamptz)
                    FROM (VALUES %s) AS v (kind, points, cause, at) ORDER BY v.at""".formatted(entries))
                    .setParameter("id", contactId).executeUpdate();
            em.createNativeQuery("""
                    UPDATE loyalty_account SET balance = (SELECT sum(points) FROM points_entry WHERE contact_id = CAST(:id AS uuid))
                    WHERE contact_id = CAST(:id AS uuid)""").setParameter("id", contactId).executeUpdate();
        });
    }

    JsonPath loyalty(TestUser user, String query) {
        return user.request().get("/api/v1/analytics/LOYALTY?" + query).then().statusCode(200).extract().jsonPath();
    }

    JsonPath drill(String figure, String key) {
        return manager.request().get("/api/v1/analytics/LOYALTY/drill/" + figure + "?" + MAY + (key == null ? "" : "&key=" + key)
                + "&ownerId=" + rep.id() + "&size=100").then().statusCode(200).extract().jsonPath();
    }

    static BigDecimal card(JsonPath report, String code, String field) {
        return report.getObject("cards.find { it.code == '" + code + "' }." + field, BigDecimal.class);
    }

    static List<BigDecimal> row(JsonPath report, String key) {
        List<BigDecimal> values = new ArrayList<>();
        for (Object v : report.getList("tables.find { it.code == 'loyalty.byLevel' }.rows.find { it.key == '" + key + "' }.values")) {
            values.add(new BigDecimal(v.toString()));
        }
        return values;
    }

    static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    static void assertRow(List<BigDecimal> actual, String... expected) {
        assertEquals(expected.length, actual.size());
        for (int i = 0; i < expected.length; i++) {
            assertNumber(expected[i], actual.get(i));
        }
    }

    static BigDecimal drillTotal(JsonPath drill) {
        return drill.getList("items.amount").stream().map(a -> new BigDecimal(a.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void flowsOfMayBesideApril() {
        JsonPath may = loyalty(manager, MAY + "&ownerId=" + rep.id());
        // Issued: Gold 2000 + Plat's referral bonus 500 (23:59 in Shanghai) + Non's compensation 300; not Non's −50
        // adjustment, not the 700 of June 1st in Shanghai.
        assertNumber("2800", card(may, "loyalty.issued", "value"));
        assertNumber("500", card(may, "loyalty.redeemed", "value")); // 500 + 200 − 200 given back on the cancellation
        assertNumber("300", card(may, "loyalty.expired", "value"));
        assertNumber("0.1786", card(may, "loyalty.redemptionRate", "value")); // 500 / 2800
        // April: Gold 1000 + Silver 100 issued, Silver's 100 redeemed, Plat's 100 expired.
        assertNumber("1100", card(may, "loyalty.issued", "previous"));
        assertNumber("100", card(may, "loyalty.redeemed", "previous"));
        assertNumber("100", card(may, "loyalty.expired", "previous"));
        assertNumber("0.0909", card(may, "loyalty.redemptionRate", "previous")); // 100 / 1100
    }

    @Test
    void liabilityAtTheEndOfMayAndOfAprilByLevel() {
        JsonPath may = loyalty(manager, MAY + "&ownerId=" + rep.id());
        // End of May: Gold 1000 + 2000 − 500 − 200 + 200 − 100 = 2400; Plat 400 − 100 − 300 + 500 = 500; Non 300 − 50 = 250.
        assertNumber("3150", card(may, "loyalty.liability", "value"));
        assertNumber("31.50", card(may, "loyalty.liabilityValue", "value")); // the first policy's 0.01 CNY a point
        assertNumber("3", card(may, "loyalty.holders", "value"));
        // End of April: Gold 1000, Plat 300; Silver spent what it had.
        assertNumber("1300", card(may, "loyalty.liability", "previous"));
        assertNumber("13.00", card(may, "loyalty.liabilityValue", "previous"));
        assertNumber("2", card(may, "loyalty.holders", "previous"));
        assertEquals(List.of("SILVER", "GOLD", "PLATINUM", "NONE"), may.getList("tables.find { it.code == 'loyalty.byLevel' }.rows.key"));
        assertRow(row(may, "SILVER"), "0", "0", "0.00");
        assertRow(row(may, "GOLD"), "1", "2400", "24.00");
        assertRow(row(may, "PLATINUM"), "1", "500", "5.00");
        assertRow(row(may, "NONE"), "1", "250", "2.50");
        // Now: every entry counts, June's too (Gold −300, Non +700).
        JsonPath now = loyalty(manager, "period=THIS_MONTH&ownerId=" + rep.id());
        assertNumber("3550", card(now, "loyalty.liability", "value"));
        assertNumber("0", card(now, "loyalty.issued", "value"));
    }

    @Test
    void drillsListTheEntriesAndTheHolders() {
        JsonPath issued = drill("loyalty.issued", null);
        assertEquals(3, issued.getInt("total"));
        assertNumber("2800", drillTotal(issued));
        assertEquals("POINTS_ENTRY", issued.getString("items[0].kind"));
        assertEquals("loyalty.REFERRAL", issued.getString("items[0].note")); // the latest first
        JsonPath redeemed = drill("loyalty.redeemed", null);
        assertEquals(3, redeemed.getInt("total"));
        assertNumber("500", drillTotal(redeemed));
        assertNumber("300", drillTotal(drill("loyalty.expired", null)));
        JsonPath holders = drill("loyalty.holders", null);
        assertEquals(3, holders.getInt("total"));
        assertNumber("3150", drillTotal(holders));
        JsonPath gold = drill("loyalty.holders", "GOLD");
        assertEquals(List.of("Gold"), gold.getList("items.title"));
        assertNumber("2400", drillTotal(gold));
        assertEquals(List.of("Non"), drill("loyalty.holders", "NONE").getList("items.title"));
        manager.request().get("/api/v1/analytics/LOYALTY/drill/loyalty.holders?key=BRONZE&" + MAY).then().statusCode(404);
    }

    @Test
    void aRepSeesTheirOwnBookOnly() {
        assertTrue(loyalty(rep, MAY).getBoolean("ownBook"));
        assertNumber("2800", card(loyalty(rep, MAY), "loyalty.issued", "value"));
        TestUser other = Api.newUser(Role.SALES_REP);
        JsonPath peek = loyalty(other, MAY + "&ownerId=" + rep.id());
        assertNumber("0", card(peek, "loyalty.issued", "value"));
        assertNumber("0", card(peek, "loyalty.liability", "value"));
        assertEquals(0, other.request().get("/api/v1/analytics/LOYALTY/drill/loyalty.holders?" + MAY + "&ownerId=" + rep.id())
                .then().statusCode(200).extract().jsonPath().getInt("total"));
    }

    @Test
    void exportsADrillAsXlsxAndTheSectionAsCsv() {
        byte[] xlsx = manager.request().get("/api/v1/analytics/LOYALTY/drill/loyalty.issued/export?format=XLSX&" + MAY + "&ownerId=" + rep.id())
                .then().statusCode(200).extract().asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.US_ASCII));
        String csv = manager.request().header("Accept-Language", "en")
                .get("/api/v1/analytics/LOYALTY/export?format=CSV&" + MAY + "&ownerId=" + rep.id()).then().statusCode(200).extract().asString();
        assertTrue(csv.contains("3150"), csv);
    }
}
