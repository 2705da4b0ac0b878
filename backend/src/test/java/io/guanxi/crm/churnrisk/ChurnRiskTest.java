package io.guanxi.crm.churnrisk;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.Jobs;
import io.guanxi.crm.support.Policies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each signal moves a real customer's score as docs/churn-risk.md says, written by the events that matter
 * (a purchase, an interaction, a complaint) or by a recompute; visibility; the policy's If-Match. Asserts
 * only on the customers it makes. Scores assume the default policy (version 1's weights); the policy test
 * puts them back.
 */
@QuarkusTest
class ChurnRiskTest {

    static final Map<String, Object> DEFAULT_POLICY = Map.of("quietWeight", 30, "purchaseDropWeight", 25, "complaintWeight", 20,
            "detractorWeight", 10, "levelDownWeight", 10, "expiringPointsWeight", 5, "mediumThreshold", 30, "highThreshold", 60,
            "defaultCadenceDays", 30, "expiringWithinDays", 30);

    @Inject
    EntityManager em;

    @Inject
    ChurnRiskRecompute recompute;

    static String customer(TestUser rep, String name) {
        return rep.request().body(aContact().name(name).build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    static void purchase(TestUser rep, String contactId, Instant at) {
        rep.request().body(Map.of("contactId", contactId, "amount", 100, "channel", "STORE",
                "occurredAt", at.truncatedTo(ChronoUnit.SECONDS).toString())).post("/api/v1/purchases").then().statusCode(201);
    }

    static void interaction(TestUser rep, String contactId, Instant at) {
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "回访",
                "occurredAt", at.truncatedTo(ChronoUnit.SECONDS).toString()))
                .post("/api/v1/contacts/" + contactId + "/interactions").then().statusCode(201);
    }

    static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    static JsonPath risk(TestUser user, String contactId) {
        return user.request().get("/api/v1/contacts/" + contactId + "/churn-risk").then().statusCode(200).extract().jsonPath();
    }

    static double signal(JsonPath risk, String code) {
        return risk.getDouble("signals.find { it.code == '" + code + "' }.value");
    }

    @Test
    void aPurchaseMakesACustomerAndAQuietOneRisesAgainstTheirOwnCadence() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String id = customer(rep, "静默客户");
        rep.request().get("/api/v1/contacts/" + id + "/churn-risk").then().statusCode(404); // not a customer yet
        purchase(rep, id, daysAgo(5));
        JsonPath calm = risk(rep, id);
        assertEquals(0, calm.getInt("score"));
        assertEquals("LOW", calm.getString("level"));
        assertEquals(List.of(), calm.getList("reasons"));
        // Every 10 days, the last 25 days ago: the usual gap is 10 days; 25 − 10 of 2 × 10 → 0.75 × 30 = 22.5 → 23.
        interaction(rep, id, daysAgo(45));
        interaction(rep, id, daysAgo(35));
        interaction(rep, id, daysAgo(25));
        JsonPath quiet = risk(rep, id);
        assertEquals(0.7500, signal(quiet, "QUIET"), quiet.prettify());
        assertEquals(23, quiet.getInt("score"));
        assertEquals("QUIET", quiet.getString("reasons[0].code"));
        assertEquals("25", quiet.getString("reasons[0].params.days"));
        assertEquals("10", quiet.getString("reasons[0].params.usualDays"));
        // A call today ends the silence.
        interaction(rep, id, Instant.now().minusSeconds(60));
        assertEquals(0, risk(rep, id).getInt("score"));
    }

    @Test
    void fewerPurchasesThanTheYearBeforeRaiseTheScore() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String id = customer(rep, "少买客户");
        interaction(rep, id, daysAgo(1));
        for (int i = 0; i < 8; i++) {
            purchase(rep, id, daysAgo(100 + i * 40));
        }
        purchase(rep, id, daysAgo(3));
        // 8 in the year before → 1.97 expected in 90 days; 1 made: 1 − 365/720 = 0.4931 × 25 = 12.3.
        JsonPath drop = risk(rep, id);
        assertEquals(0.4931, signal(drop, "PURCHASE_DROP"), drop.prettify());
        assertEquals(12, drop.getInt("score"));
        assertEquals(Map.of("recent", "1", "earlier", "8"), drop.getMap("reasons[0].params"));
    }

    @Test
    void anOpenComplaintWeighsBySeverity() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String id = customer(rep, "投诉客户");
        interaction(rep, id, daysAgo(1));
        purchase(rep, id, daysAgo(2));
        rep.request().body(Map.of("contactId", id, "channel", "HOTLINE", "category", "LOGISTICS", "severity", "HIGH",
                "description", "教材晚到")).post("/api/v1/complaints").then().statusCode(201);
        JsonPath high = risk(rep, id);
        assertEquals(0.7500, signal(high, "COMPLAINT"), high.prettify());
        assertEquals(15, high.getInt("score"));
        assertEquals(Map.of("severity", "HIGH", "open", "true"), high.getMap("reasons[0].params"));
        rep.request().body(Map.of("contactId", id, "channel", "HOTLINE", "category", "LOGISTICS", "severity", "CRITICAL",
                "description", "又晚到")).post("/api/v1/complaints").then().statusCode(201);
        assertEquals(20, risk(rep, id).getInt("score"), "the worst complaint counts");
    }

    @Test
    void aDetractorAnswerRaisesTheScoreAtOnce() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String id = rep.request().body(aContact().name("不满客户").with("marketingConsent", true).build()).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        interaction(rep, id, daysAgo(1));
        purchase(rep, id, daysAgo(2));
        assertEquals(0, risk(rep, id).getInt("score"));
        // The purchase sent this customer an NPS survey (the PURCHASE trigger); they answer it.
        String link = rep.request().get("/api/v1/contacts/" + id + "/survey-invitations").then().statusCode(200)
                .extract().path("find { it.template == 'NPS' }.link");
        String token = link.substring(link.lastIndexOf('/') + 1);
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("score", 3))
                .post("/api/v1/public/survey-invitations/" + token).then().statusCode(204);
        JsonPath unhappy = risk(rep, id);
        assertEquals(1.0, signal(unhappy, "DETRACTOR"), unhappy.prettify());
        assertEquals(10, unhappy.getInt("score"));
        assertEquals("DETRACTOR", unhappy.getString("reasons[0].code"));
        assertEquals("3", unhappy.getString("reasons[0].params.score"));
    }

    @Test
    void aLevelThatWentDownAndPointsAboutToExpire() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        String id = customer(rep, "降级客户");
        interaction(rep, id, daysAgo(1));
        purchase(rep, id, daysAgo(2));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO tier_history (contact_id, dimension, from_value, to_value, cause, changed_at)
                VALUES (CAST(:id AS uuid), 'LEVEL', 'PLATINUM', 'SILVER', 'REVIEW', now() - interval '10 days')""")
                .setParameter("id", id).executeUpdate());
        manager.request().body(Map.of("points", 400, "reason", "流失测试")).post("/api/v1/loyalty/accounts/" + id + "/adjustments")
                .then().statusCode(201);
        // What the purchase earned and these 400 expire in 10 days; the next 100 later.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE points_lot SET expires_at = now() + interval '10 days' WHERE contact_id = CAST(:id AS uuid)""")
                .setParameter("id", id).executeUpdate());
        manager.request().body(Map.of("points", 100, "reason", "流失测试")).post("/api/v1/loyalty/accounts/" + id + "/adjustments")
                .then().statusCode(201);
        recompute.recompute(List.of(UUID.fromString(id)));
        JsonPath r = risk(rep, id);
        assertEquals(1.0000, signal(r, "LEVEL_DOWN"), r.prettify());
        assertEquals(Map.of("from", "PLATINUM", "to", "SILVER"), r.getMap("reasons.find { it.code == 'LEVEL_DOWN' }.params"));
        long balance = Long.parseLong(r.getString("reasons.find { it.code == 'EXPIRING_POINTS' }.params.balance"));
        long expiring = Long.parseLong(r.getString("reasons.find { it.code == 'EXPIRING_POINTS' }.params.points"));
        // Everything but the last 100 points (what the purchase earned and the first 400 expire in 10 days).
        assertEquals(balance - 100, expiring, r.prettify());
        assertTrue(expiring >= 400, r.prettify());
        assertEquals(10 + Math.round(5.0 * expiring / balance), r.getInt("score"));
    }

    @Test
    void anotherRepsCustomerIsNotFoundAndNotListed() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser other = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        String id = customer(rep, "别人的客户");
        purchase(rep, id, daysAgo(200)); // quiet and no purchase since: HIGH enough to sort near the top
        risk(rep, id);
        other.request().get("/api/v1/contacts/" + id + "/churn-risk").then().statusCode(404);
        risk(manager, id);
        List<String> mine = rep.request().queryParam("size", 200).get("/api/v1/churn/at-risk").then().statusCode(200)
                .extract().jsonPath().getList("items.contactId");
        assertTrue(mine.contains(id));
        List<String> theirs = other.request().queryParam("size", 200).get("/api/v1/churn/at-risk").then().statusCode(200)
                .extract().jsonPath().getList("items.contactId");
        assertFalse(theirs.contains(id));
        JsonPath byOwner = manager.request().queryParam("ownerId", rep.id()).get("/api/v1/churn/at-risk").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(id), byOwner.getList("items.contactId"));
        assertEquals(1, byOwner.getInt("total"));
        assertTrue(byOwner.getString("items[0].ownerName") != null, byOwner.prettify());
        String level = byOwner.getString("items[0].level");
        manager.request().queryParam("ownerId", rep.id()).queryParam("level", level).get("/api/v1/churn/at-risk").then().statusCode(200)
                .body("total", equalTo(1));
        String otherLevel = level.equals("LOW") ? "HIGH" : "LOW";
        manager.request().queryParam("ownerId", rep.id()).queryParam("level", otherLevel).get("/api/v1/churn/at-risk").then()
                .statusCode(200).body("total", equalTo(0));
        manager.request().queryParam("level", "SEVERE").get("/api/v1/churn/at-risk").then().statusCode(400);
    }

    @Test
    void archivingRemovesTheScoreAtTheNextRecompute() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser admin = Policies.admin();
        String id = customer(rep, "归档客户");
        purchase(rep, id, daysAgo(3));
        risk(rep, id);
        rep.request().delete("/api/v1/contacts/" + id).then().statusCode(204);
        String job = admin.request().post("/api/v1/churn/risk/recompute").then().statusCode(202).extract().path("id");
        JsonPath done = Jobs.awaitFinished(admin, job);
        assertEquals("SUCCEEDED", done.getString("state"), done.prettify());
        assertTrue(done.getLong("report.customers") >= 1);
        admin.request().get("/api/v1/contacts/" + id + "/churn-risk").then().statusCode(404);
    }

    @Test
    void thePolicyIsVersionedAndChangedOnlyWithIfMatch() {
        TestUser admin = Policies.admin();
        String path = "/api/v1/churn/risk/policy";
        JsonPath before = admin.request().get(path).then().statusCode(200).extract().jsonPath();
        String etag = admin.request().get(path).then().extract().header("ETag");
        try {
            Map<String, Object> changed = new HashMap<>(DEFAULT_POLICY);
            changed.put("quietWeight", 40);
            changed.put("expiringPointsWeight", 0);
            changed.put("detractorWeight", 5);
            admin.request().body(changed).put(path).then().statusCode(428);
            admin.request().header("If-Match", "\"0\"").body(changed).put(path).then().statusCode(412);
            Map<String, Object> wrongSum = new HashMap<>(changed);
            wrongSum.put("quietWeight", 41);
            admin.request().header("If-Match", etag).body(wrongSum).put(path).then().statusCode(400);
            Map<String, Object> wrongOrder = new HashMap<>(changed);
            wrongOrder.put("mediumThreshold", 70);
            admin.request().header("If-Match", etag).body(wrongOrder).put(path).then().statusCode(400);
            admin.request().header("If-Match", etag).body(changed).put(path).then().statusCode(200)
                    .body("version", equalTo(before.getInt("version") + 1)).body("quietWeight", equalTo(40));
            admin.request().header("If-Match", etag).body(changed).put(path).then().statusCode(412);
            Api.newUser(Role.MANAGER).request().get(path).then().statusCode(200).body("quietWeight", equalTo(40));
        } finally {
            Policies.put(admin, path, DEFAULT_POLICY).then().statusCode(200);
        }
    }
}
