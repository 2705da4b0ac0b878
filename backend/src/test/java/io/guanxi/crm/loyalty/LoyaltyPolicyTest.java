package io.guanxi.crm.loyalty;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Jobs;
import io.guanxi.crm.support.Policies;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The policy's options, each under a temporary policy version that is put back afterwards. */
@QuarkusTest
class LoyaltyPolicyTest {

    @Inject
    DataSource db;

    private TestUser admin;
    private TestUser rep;
    private TestUser manager;
    private String contactId;

    @BeforeEach
    void setUp() {
        admin = new TestUser(null, "admin", Api.adminToken());
        rep = Api.newUser(Role.SALES_REP);
        manager = Api.newUser(Role.MANAGER);
        contactId = LoyaltyResourceTest.newContact(rep, null);
    }

    /** Runs {@code body} under the current policy changed by {@code change}, then restores it as a new version. */
    private void withPolicy(Consumer<Map<String, Object>> change, Runnable body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> current = admin.request().get("/api/v1/loyalty/policy").then().statusCode(200).extract().as(Map.class);
        List.of("version", "createdAt", "createdBy").forEach(current::remove);
        Map<String, Object> changed = new HashMap<>(current);
        change.accept(changed);
        admin.request().body(changed).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/loyalty/policy")).put("/api/v1/loyalty/policy").then().statusCode(200);
        try {
            body.run();
        } finally {
            admin.request().body(current).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/loyalty/policy")).put("/api/v1/loyalty/policy").then().statusCode(200);
        }
    }

    private io.restassured.response.ValidatableResponse account(String id) {
        return rep.request().get("/api/v1/loyalty/accounts/" + id).then().statusCode(200);
    }

    @Test
    void aShortfallKeptAsDebtIsPaidOffByTheNextEarnings() {
        withPolicy(p -> p.put("refundShortfall", "OFFSET_FUTURE_EARNINGS"), () -> {
            String purchase = LoyaltyResourceTest.sale(rep, contactId, 1000);
            String gift = LoyaltyResourceTest.reward(manager, 900, null, Map.of());
            rep.request().body(Map.of("contactId", contactId, "rewardId", gift)).post("/api/v1/redemptions").then().statusCode(201);
            rep.request().body(Map.of("amount", 1000, "reason", "退货")).post("/api/v1/purchases/" + purchase + "/refunds")
                    .then().statusCode(201);
            account(contactId).body("balance", equalTo(0)).body("debt", equalTo(900)).body("writtenOff", equalTo(0));
            LoyaltyResourceTest.sale(rep, contactId, 600); // 600 earned, all of it pays the debt
            account(contactId).body("balance", equalTo(0)).body("debt", equalTo(300));
            LoyaltyResourceTest.sale(rep, contactId, 500); // 300 more pay it off, 200 stay
            account(contactId).body("balance", equalTo(200)).body("debt", equalTo(0));
            rep.request().get("/api/v1/loyalty/accounts/" + contactId + "/entries").then()
                    .body("items[0].cause", equalTo("DEBT_SETTLED")).body("items[0].points", equalTo(-300))
                    .body("items[0].balanceAfter", equalTo(200)).body("items[1].kind", equalTo("EARN"));
        });
        try {
            LedgerChecks.assertConsistent(db, contactId);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void membersOnlyGivesNothingToSomeoneWithoutALevel() {
        withPolicy(p -> p.put("membersOnly", true), () -> {
            manager.request().body(Map.of("points", 100, "reason", "欢迎礼"))
                    .post("/api/v1/loyalty/accounts/" + contactId + "/adjustments").then().statusCode(400);
            LoyaltyResourceTest.sale(rep, contactId, 300); // the sale makes them a silver member first
            account(contactId).body("balance", equalTo(300)).body("level", equalTo("SILVER"));
        });
    }

    @Test
    void endOfNextYearExpiryAndTheExpiringSoonHorizon() {
        withPolicy(p -> {
            p.put("expiryMode", "END_OF_NEXT_YEAR");
            p.put("expiringSoonDays", 365);
        }, () -> {
            LoyaltyResourceTest.sale(rep, contactId, 100);
            ZoneId shanghai = ZoneId.of("Asia/Shanghai");
            Instant expected = java.time.LocalDate.of(Instant.now().atZone(shanghai).getYear() + 2, 1, 1).atStartOfDay(shanghai).toInstant();
            account(contactId).body("nextExpiryAt", equalTo(expected.toString())).body("expiringSoonDays", equalTo(365));
        });
        LoyaltyPolicy policy = new LoyaltyPolicy();
        policy.expiryMode = ExpiryMode.END_OF_NEXT_YEAR;
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        // 23:30 on 31 Dec 2026 in Shanghai is already 2026 there even though it is still 15:30 UTC.
        assertEquals(Instant.parse("2027-12-31T16:00:00Z"), policy.expiryOf(Instant.parse("2026-12-31T15:30:00Z"), shanghai));
        assertEquals(Instant.parse("2028-12-31T16:00:00Z"), policy.expiryOf(Instant.parse("2026-12-31T16:30:00Z"), shanghai));
    }

    @Test
    void anAdminRunsTheExpiryAsAJobAndBadPoliciesAreRefused() {
        String job = admin.request().post("/api/v1/loyalty/expiry").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/jobs/")).extract().path("id");
        assertEquals("SUCCEEDED", Jobs.awaitFinished(admin, job).getString("state"));
        admin.request().get("/api/v1/jobs/" + job).then().body("report.points", notNullValue());
        manager.request().post("/api/v1/loyalty/expiry").then().statusCode(403);
        withPolicy(p -> { }, () -> {
            Map<String, Object> bad = new HashMap<>(Map.of("pointsPerCny", 0, "silverMultiplier", 1, "goldMultiplier", 1,
                    "platinumMultiplier", 1, "pendingDays", 400, "expiryMode", "MONTHS_AFTER_EARNING", "referralBonus", 0,
                    "refundShortfall", "WRITE_OFF", "membersOnly", false, "pointValueCny", 0.01));
            admin.request().body(bad).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/loyalty/policy")).put("/api/v1/loyalty/policy").then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItems("pointsPerCny", "pendingDays", "expiringSoonDays"));
        });
    }

    @Test
    void aRewardEditNeedsTheVersionItWasBasedOn() {
        String reward = LoyaltyResourceTest.reward(manager, 100, 5, Map.of());
        String etag = manager.request().get("/api/v1/rewards/" + reward).then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = Map.of("name", "改名礼品", "kind", "SERVICE", "pointsCost", 120, "stock", 10);
        manager.request().body(body).put("/api/v1/rewards/" + reward).then().statusCode(428);
        manager.request().header("If-Match", etag).body(body).put("/api/v1/rewards/" + reward).then().statusCode(200)
                .body("pointsCost", equalTo(120)).body("stock", equalTo(10));
        manager.request().header("If-Match", etag).body(body).put("/api/v1/rewards/" + reward).then().statusCode(412);
        manager.request().body(Map.of("name", "x", "kind", "PRODUCT", "pointsCost", 1,
                "activeFrom", "2027-01-02T00:00:00Z", "activeUntil", "2027-01-01T00:00:00Z")).post("/api/v1/rewards")
                .then().statusCode(400).body("errors[0].field", equalTo("activeUntil"));
        rep.request().body(body).put("/api/v1/rewards/" + reward).then().statusCode(403);
    }
}
