package io.guanxi.crm.loyalty;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Policies;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoyaltyResourceTest {

    @Inject
    DataSource db;

    @Inject
    PointsExpiry expiry;

    @Inject
    PointsEarning earning;

    private TestUser rep;
    private TestUser manager;
    private String contactId;

    @BeforeEach
    void setUp() {
        rep = Api.newUser(Role.SALES_REP);
        manager = Api.newUser(Role.MANAGER);
        contactId = newContact(rep, null);
    }

    static String newContact(TestUser owner, String referredById) {
        Map<String, Object> body = aContact().build();
        if (referredById != null) {
            body.put("referredById", referredById);
        }
        return owner.request().body(body).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    static String sale(TestUser user, String contactId, double amount) {
        Map<String, Object> body = Map.of("contactId", contactId, "amount", amount, "channel", "STORE",
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        return user.request().body(body).post("/api/v1/purchases").then().statusCode(201).extract().path("id");
    }

    static String reward(TestUser manager, int cost, Integer stock, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "礼品 " + UUID.randomUUID().toString().substring(0, 6),
                "kind", "PRODUCT", "pointsCost", cost));
        if (stock != null) {
            body.put("stock", stock);
        }
        body.putAll(extra);
        return manager.request().body(body).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
    }

    private Response account() {
        return rep.request().get("/api/v1/loyalty/accounts/" + contactId);
    }

    private long balance() {
        return account().then().statusCode(200).extract().jsonPath().getLong("balance");
    }

    private Response redeem(TestUser user, String rewardId, int quantity, String key) {
        var request = user.request();
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(Map.of("contactId", contactId, "rewardId", rewardId, "quantity", quantity)).post("/api/v1/redemptions");
    }

    @Test
    void aSaleEarnsFlooredPointsThatExpireInTwoYearsAndTheStatementShowsThem() throws SQLException {
        account().then().statusCode(200).body("balance", equalTo(0)).body("pending", equalTo(0));
        String purchase = sale(rep, contactId, 1234.56);
        account().then().body("balance", equalTo(1234)).body("level", equalTo("SILVER")).body("lifetimeEarned", equalTo(1234))
                .body("expiringSoon", equalTo(0)).body("valueCny", equalTo(12.34f));
        Response statement = rep.request().get("/api/v1/loyalty/accounts/" + contactId + "/entries");
        statement.then().statusCode(200).body("total", equalTo(1)).body("items[0].kind", equalTo("EARN"))
                .body("items[0].points", equalTo(1234)).body("items[0].balanceAfter", equalTo(1234))
                .body("items[0].purchaseId", equalTo(purchase)).body("items[0].cause", equalTo("PURCHASE"));
        Instant expires = Instant.parse(statement.jsonPath().getString("items[0].expiresAt"));
        long days = ChronoUnit.DAYS.between(Instant.now(), expires);
        assertTrue(days >= 728 && days <= 732, "24 months ≈ 730 days, was " + days);
        LedgerChecks.assertConsistent(db, contactId);
    }

    @Test
    void refundsTakeBackTheirShareAndWhatWasSpentIsWrittenOffNotOverdrawn() throws SQLException {
        String purchase = sale(rep, contactId, 1000);
        rep.request().body(Map.of("amount", 333, "reason", "部分退货")).post("/api/v1/purchases/" + purchase + "/refunds")
                .then().statusCode(201);
        assertEquals(667, balance()); // floor(1000 × 333 / 1000) = 333 taken back
        String gift = reward(manager, 600, 5, Map.of());
        redeem(rep, gift, 1, null).then().statusCode(201).body("balanceAfter", equalTo(67));
        // The rest is refunded: 667 more points should go, only 67 are left.
        rep.request().body(Map.of("amount", 667, "reason", "全部退货")).post("/api/v1/purchases/" + purchase + "/refunds")
                .then().statusCode(201);
        account().then().body("balance", equalTo(0)).body("writtenOff", equalTo(600)).body("debt", equalTo(0));
        rep.request().get("/api/v1/loyalty/accounts/" + contactId + "/entries").then()
                .body("items[0].kind", equalTo("REVERSE")).body("items[0].points", equalTo(-67))
                .body("items[0].shortfall", equalTo(600)).body("items[0].balanceAfter", equalTo(0));
        LedgerChecks.assertConsistent(db, contactId);
    }

    @Test
    void aRedemptionTakesPointsAndStockAndFailuresWriteNothing() throws SQLException {
        sale(rep, contactId, 1000);
        String gift = reward(manager, 300, 2, Map.of());
        Response first = redeem(rep, gift, 2, null);
        first.then().statusCode(201).body("points", equalTo(600)).body("state", equalTo("COMPLETED")).body("balanceAfter", equalTo(400));
        assertTrue(first.header("Location").endsWith("/api/v1/redemptions/" + first.jsonPath().getString("id")));
        manager.request().get("/api/v1/rewards/" + gift).then().body("stock", equalTo(0)).body("available", equalTo(false));
        long entries = LedgerChecks.count(db, "SELECT count(*) FROM points_entry WHERE contact_id = ?", contactId);

        redeem(rep, gift, 1, null).then().statusCode(409).body("type", equalTo("urn:guanxi:problem:out-of-stock"))
                .body("stock", equalTo(0));
        String dear = reward(manager, 500, null, Map.of());
        redeem(rep, dear, 1, null).then().statusCode(409).body("type", equalTo("urn:guanxi:problem:insufficient-points"))
                .body("balance", equalTo(400)).body("needed", equalTo(500));
        String platinum = reward(manager, 10, null, Map.of("levelRequired", "PLATINUM"));
        redeem(rep, platinum, 1, null).then().statusCode(422).body("type", equalTo("urn:guanxi:problem:reward-unavailable"));
        String later = reward(manager, 10, null, Map.of("activeFrom", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        redeem(rep, later, 1, null).then().statusCode(422);
        String archived = reward(manager, 10, null, Map.of());
        manager.request().delete("/api/v1/rewards/" + archived).then().statusCode(200).body("archived", equalTo(true));
        redeem(rep, archived, 1, null).then().statusCode(422);
        redeem(rep, UUID.randomUUID().toString(), 1, null).then().statusCode(404);
        redeem(rep, gift, 0, null).then().statusCode(400);

        assertEquals(400, balance());
        assertEquals(entries, LedgerChecks.count(db, "SELECT count(*) FROM points_entry WHERE contact_id = ?", contactId));
        LedgerChecks.assertConsistent(db, contactId);
    }

    @Test
    void aRedemptionMovesTheRewardsVersionSoAnEditReadBeforeItIsStale() {
        sale(rep, contactId, 1000);
        String gift = reward(manager, 10, 5, Map.of());
        String read = manager.request().get("/api/v1/rewards/" + gift).then().statusCode(200).header("ETag", "\"0\"").extract()
                .header("ETag");
        redeem(rep, gift, 2, null).then().statusCode(201);
        // The stock moved with a versioned update: the edit form loaded before it would write back a stock of 5.
        Map<String, Object> edit = Map.of("name", "改名", "kind", "PRODUCT", "pointsCost", 10, "stock", 5);
        manager.request().header("If-Match", read).body(edit).put("/api/v1/rewards/" + gift).then().statusCode(412);
        String fresh = manager.request().get("/api/v1/rewards/" + gift).then().statusCode(200).body("stock", equalTo(3))
                .header("ETag", "\"1\"").extract().header("ETag");
        manager.request().header("If-Match", fresh).body(Map.of("name", "改名", "kind", "PRODUCT", "pointsCost", 10, "stock", 3))
                .put("/api/v1/rewards/" + gift).then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2))
                .body("name", equalTo("改名"));
    }

    @Test
    void anArchivedRewardIsRestoredToTheCatalogAndCanBeRedeemedAgain() {
        sale(rep, contactId, 1000);
        String gift = reward(manager, 10, null, Map.of());
        String restore = "/api/v1/rewards/" + gift + "/restore";
        manager.request().delete("/api/v1/rewards/" + gift).then().statusCode(200).body("archived", equalTo(true));
        redeem(rep, gift, 1, null).then().statusCode(422);
        String archivedTag = manager.request().get("/api/v1/rewards/" + gift).then().statusCode(200).extract().header("ETag");

        rep.request().post(restore).then().statusCode(403);
        given().post(restore).then().statusCode(401);
        manager.request().post("/api/v1/rewards/" + UUID.randomUUID() + "/restore").then().statusCode(404);
        long version = manager.request().post(restore).then().statusCode(200).body("archived", equalTo(false))
                .body("available", equalTo(true)).extract().jsonPath().getLong("version");
        // The restore is a new version: an edit based on the archived reward is stale.
        manager.request().header("If-Match", archivedTag).body(Map.of("name", "改名", "kind", "PRODUCT", "pointsCost", 10))
                .put("/api/v1/rewards/" + gift).then().statusCode(412);
        // Restoring what is not archived changes nothing.
        manager.request().post(restore).then().statusCode(200).body("version", equalTo((int) version));
        rep.request().get("/api/v1/rewards?size=200&sort=createdAt,desc").then().statusCode(200).body("items.id", hasItem(gift));
        redeem(rep, gift, 1, null).then().statusCode(201);
    }

    @Test
    void cancellingGivesBackPointsAndStockOnce() throws SQLException {
        sale(rep, contactId, 500);
        String gift = reward(manager, 200, 1, Map.of());
        String id = redeem(rep, gift, 1, null).then().statusCode(201).extract().path("id");
        rep.request().body(Map.of()).post("/api/v1/redemptions/" + id + "/cancel").then().statusCode(400);
        rep.request().body(Map.of("reason", "客户改选其他礼品")).post("/api/v1/redemptions/" + id + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("balanceAfter", equalTo(500)).body("cancelReason", equalTo("客户改选其他礼品"));
        manager.request().get("/api/v1/rewards/" + gift).then().body("stock", equalTo(1));
        rep.request().body(Map.of("reason", "again")).post("/api/v1/redemptions/" + id + "/cancel").then().statusCode(409);
        account().then().body("balance", equalTo(500)).body("lifetimeRedeemed", equalTo(0));
        rep.request().get("/api/v1/loyalty/accounts/" + contactId + "/entries").then().body("items[0].kind", equalTo("REVERSE"))
                .body("items[0].cause", equalTo("REDEMPTION_CANCELLED")).body("items[1].rewardName", notNullValue());
        rep.request().get("/api/v1/redemptions?contactId=" + contactId).then().body("total", equalTo(1))
                .body("items[0].rewardName", notNullValue()).body("items[0].contactName", equalTo("测试客户"))
                .body("items[0].balanceAfter", equalTo(300)).body("items[0].state", equalTo("CANCELLED"));
        LedgerChecks.assertConsistent(db, contactId);
    }

    @Test
    void aRetryWithTheSameKeyRedeemsOnceAnotherBodyIs422AndOneInFlightIs409() throws Exception {
        sale(rep, contactId, 1000);
        String gift = reward(manager, 100, null, Map.of());
        String key = UUID.randomUUID().toString();
        Response first = redeem(rep, gift, 1, key);
        first.then().statusCode(201);
        redeem(rep, gift, 1, key).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.jsonPath().getString("id"))).body("balanceAfter", equalTo(900));
        redeem(rep, gift, 2, key).then().statusCode(422).body("type", equalTo("urn:guanxi:problem:idempotency-key-reused"));
        assertEquals(900, balance());

        // Another request holds the key (its transaction is open): a retry is told so and does nothing.
        String busy = UUID.randomUUID().toString();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended(CAST(? AS text) || ':' || ?, 0))")) {
                lock.setString(1, rep.id().toString());
                lock.setString(2, busy);
                lock.execute();
            }
            redeem(rep, gift, 1, busy).then().statusCode(409).body("type", equalTo("urn:guanxi:problem:idempotency-key-in-flight"));
            c.rollback();
        }
        redeem(rep, gift, 1, busy).then().statusCode(201).body("balanceAfter", equalTo(800));
        LedgerChecks.assertConsistent(db, contactId);
    }

    @Test
    void pointsAreSpentFifoAndWhatIsLeftOfALotExpiresWithOneEntry() throws SQLException {
        sale(rep, contactId, 300);
        sale(rep, contactId, 200);
        String gift = reward(manager, 100, null, Map.of());
        redeem(rep, gift, 1, null).then().statusCode(201);
        try (Connection c = db.getConnection(); PreparedStatement lots = c.prepareStatement(
                "SELECT points, remaining FROM points_lot WHERE contact_id = ? ORDER BY expires_at, id")) {
            lots.setObject(1, UUID.fromString(contactId));
            var rs = lots.executeQuery();
            rs.next();
            assertEquals(300, rs.getLong(1));
            assertEquals(200, rs.getLong(2), "the older lot pays first");
            rs.next();
            assertEquals(200, rs.getLong(2), "the newer lot is untouched");
        }
        // The run expires every customer's lots due by then, other classes' too: what it must report is read first, exactly.
        Instant asOf = Instant.now().plus(800, ChronoUnit.DAYS);
        PointsExpiry.ExpiryReport expected;
        try (Connection c = db.getConnection(); PreparedStatement due = c.prepareStatement("""
                SELECT count(DISTINCT contact_id) AS accounts, count(*) AS lots, COALESCE(sum(remaining), 0) AS points
                FROM points_lot WHERE remaining > 0 AND expires_at <= ?""")) {
            due.setObject(1, java.sql.Timestamp.from(asOf));
            var rs = due.executeQuery();
            rs.next();
            expected = new PointsExpiry.ExpiryReport(asOf, rs.getLong("accounts"), rs.getLong("lots"), rs.getLong("points"));
        }
        PointsExpiry.ExpiryReport report = expiry.expire(asOf, null);
        assertEquals(expected, report);
        account().then().body("balance", equalTo(0)).body("lifetimeEarned", equalTo(500));
        rep.request().get("/api/v1/loyalty/accounts/" + contactId + "/entries").then().body("items[0].kind", equalTo("EXPIRE"))
                .body("items[0].points", equalTo(-400)).body("items[0].cause", equalTo("LOTS_EXPIRED"));
        assertEquals(2, LedgerChecks.count(db, """
                SELECT count(*) FROM points_lot_use u JOIN points_entry e ON e.id = u.entry_id
                WHERE e.contact_id = ? AND e.kind = 'EXPIRE'""", contactId));
        // A second run finds nothing left to expire for this customer.
        expiry.expire(Instant.now().plus(800, ChronoUnit.DAYS), null);
        assertEquals(1, LedgerChecks.count(db, "SELECT count(*) FROM points_entry WHERE contact_id = ? AND kind = 'EXPIRE'", contactId));
        LedgerChecks.assertConsistent(db, contactId);
    }

    @Test
    void managersAdjustWithAReasonAndRepsCannot() throws SQLException {
        manager.request().body(Map.of("points", 200, "reason", "投诉补偿：配送延误"))
                .post("/api/v1/loyalty/accounts/" + contactId + "/adjustments").then().statusCode(201).body("balance", equalTo(200));
        rep.request().get("/api/v1/loyalty/accounts/" + contactId + "/entries").then().body("items[0].kind", equalTo("ADJUST"))
                .body("items[0].reason", equalTo("投诉补偿：配送延误")).body("items[0].actorId", equalTo(manager.id().toString()))
                .body("items[0].actorName", equalTo("测试 " + manager.username()));
        manager.request().body(Map.of("points", 200)).post("/api/v1/loyalty/accounts/" + contactId + "/adjustments")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        manager.request().body(Map.of("points", 0, "reason", "x")).post("/api/v1/loyalty/accounts/" + contactId + "/adjustments")
                .then().statusCode(400);
        manager.request().body(Map.of("points", -201, "reason", "更正")).post("/api/v1/loyalty/accounts/" + contactId + "/adjustments")
                .then().statusCode(409).body("type", equalTo("urn:guanxi:problem:insufficient-points"));
        manager.request().body(Map.of("points", -50, "reason", "更正")).post("/api/v1/loyalty/accounts/" + contactId + "/adjustments")
                .then().statusCode(201).body("balance", equalTo(150));
        rep.request().body(Map.of("points", 100, "reason", "我自己加")).post("/api/v1/loyalty/accounts/" + contactId + "/adjustments")
                .then().statusCode(403);
        LedgerChecks.assertConsistent(db, contactId);
    }

    @Test
    void anotherRepsCustomerIsInvisibleAndTokensAreChecked() {
        sale(rep, contactId, 100);
        String gift = reward(manager, 10, null, Map.of());
        TestUser other = Api.newUser(Role.SALES_REP);
        other.request().get("/api/v1/loyalty/accounts/" + contactId).then().statusCode(404);
        other.request().get("/api/v1/loyalty/accounts/" + contactId + "/entries").then().statusCode(404);
        other.request().body(Map.of("contactId", contactId, "rewardId", gift)).post("/api/v1/redemptions").then().statusCode(404);
        String id = redeem(rep, gift, 1, null).then().statusCode(201).extract().path("id");
        other.request().get("/api/v1/redemptions/" + id).then().statusCode(404);
        other.request().body(Map.of("reason", "x")).post("/api/v1/redemptions/" + id + "/cancel").then().statusCode(404);
        other.request().body(Map.of("name", "x", "kind", "PRODUCT", "pointsCost", 1)).post("/api/v1/rewards").then().statusCode(403);
        other.request().get("/api/v1/loyalty/liability").then().statusCode(403);
        given().get("/api/v1/loyalty/accounts/" + contactId).then().statusCode(401);
        given().auth().oauth2(rep.token() + "x").get("/api/v1/loyalty/accounts/" + contactId).then().statusCode(401);
        // A member app (integrator) may redeem for anyone but reads no accounts.
        TestUser app = Api.newUser(Role.INTEGRATOR);
        app.request().body(Map.of("contactId", contactId, "rewardId", gift)).post("/api/v1/redemptions").then().statusCode(201);
        app.request().get("/api/v1/loyalty/accounts/" + contactId).then().statusCode(403);
        // Malformed and oversized input.
        rep.request().body("{\"contactId\": \"nope\"}").post("/api/v1/redemptions").then().statusCode(400);
        rep.request().body(Map.of("contactId", contactId, "rewardId", gift, "quantity", 101)).post("/api/v1/redemptions")
                .then().statusCode(400);
        manager.request().body(Map.of("points", 5, "reason", "x".repeat(501)))
                .post("/api/v1/loyalty/accounts/" + contactId + "/adjustments").then().statusCode(400);
    }

    @Test
    void aReferrerEarnsTheBonusOnceOnTheReferredCustomersFirstPurchase() {
        String friend = newContact(rep, contactId);
        rep.request().get("/api/v1/contacts/" + friend).then().body("referredById", equalTo(contactId))
                .body("referredByName", equalTo("测试客户"));
        sale(rep, friend, 100);
        sale(rep, friend, 100);
        account().then().body("balance", equalTo(500));
        rep.request().get("/api/v1/loyalty/accounts/" + contactId + "/entries").then().body("total", equalTo(1))
                .body("items[0].kind", equalTo("REFERRAL_BONUS")).body("items[0].referredContactId", equalTo(friend));
        // A customer cannot refer themselves, nor be referred by someone who does not exist.
        String etag = rep.request().get("/api/v1/contacts/" + friend).header("ETag");
        Map<String, Object> self = aContact().with("referredById", friend).build();
        rep.request().header("If-Match", etag).body(self).put("/api/v1/contacts/" + friend).then().statusCode(400)
                .body("errors.field", hasItem("referredById"));
        rep.request().body(aContact().with("referredById", UUID.randomUUID().toString()).build()).post("/api/v1/contacts")
                .then().statusCode(400);
    }

    @Test
    void pendingPointsWaitForTheReturnWindowAndARefundInsideItSimplyCancelsThem() throws SQLException {
        Map<String, Object> policy = manager.request().get("/api/v1/loyalty/policy").then().statusCode(200).extract().as(Map.class);
        Map<String, Object> pending = new HashMap<>(policy);
        List.of("version", "createdAt", "createdBy").forEach(pending::remove);
        pending.put("pendingDays", 7);
        TestUser admin = new TestUser(null, "admin", Api.adminToken());
        admin.request().body(pending).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/loyalty/policy")).put("/api/v1/loyalty/policy").then().statusCode(200).body("pendingDays", equalTo(7));
        try {
            String purchase = sale(rep, contactId, 800);
            account().then().body("balance", equalTo(0)).body("pending", equalTo(800)).body("nextAvailableAt", notNullValue());
            rep.request().body(Map.of("amount", 200, "reason", "退一件")).post("/api/v1/purchases/" + purchase + "/refunds")
                    .then().statusCode(201);
            account().then().body("pending", equalTo(600));
            earning.releaseDue(Instant.now().plus(8, ChronoUnit.DAYS));
            account().then().body("balance", equalTo(600)).body("pending", equalTo(0));
            rep.request().body(Map.of("amount", 600, "reason", "全退")).post("/api/v1/purchases/" + purchase + "/refunds")
                    .then().statusCode(201);
            account().then().body("balance", equalTo(0)).body("writtenOff", equalTo(0));
            LedgerChecks.assertConsistent(db, contactId);
        } finally {
            Map<String, Object> back = new HashMap<>(policy);
            List.of("version", "createdAt", "createdBy").forEach(back::remove);
            admin.request().body(back).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/loyalty/policy")).put("/api/v1/loyalty/policy").then().statusCode(200).body("pendingDays", equalTo(0));
        }
        rep.request().body(Map.of("pointsPerCny", 1)).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/loyalty/policy")).put("/api/v1/loyalty/policy").then().statusCode(403);
    }

    @Test
    void theLedgerRefusesToBeRewrittenAndLiabilityAddsUp() throws SQLException {
        sale(rep, contactId, 100);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE points_entry SET points = 1000000 WHERE contact_id = '" + contactId + "'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM points_entry WHERE contact_id = '" + contactId + "'"));
            assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE loyalty_account SET balance = -1 WHERE contact_id = '" + contactId + "'"));
        }
        Response liability = manager.request().get("/api/v1/loyalty/liability");
        liability.then().statusCode(200).body("byLevel.level", equalTo(List.of("SILVER", "GOLD", "PLATINUM", "NONE")));
        long total;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT COALESCE(sum(balance), 0) FROM loyalty_account");
            rs.next();
            total = rs.getLong(1);
        }
        long reported = liability.jsonPath().getLong("total.points");
        assertEquals(total, reported, "the liability counts every point held");
        long byLevel = liability.jsonPath().getList("byLevel.points", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(reported, byLevel);
        // Everyone who redeems reads the catalog; archived rewards only when asked for.
        String archived = reward(manager, 10, null, Map.of());
        manager.request().delete("/api/v1/rewards/" + archived).then().statusCode(200);
        rep.request().get("/api/v1/rewards?size=200").then().statusCode(200).body("items.id", not(hasItem(archived)));
        rep.request().get("/api/v1/rewards?size=200&archived=true&sort=createdAt,desc").then().body("items.id", hasItem(archived));
    }
}
