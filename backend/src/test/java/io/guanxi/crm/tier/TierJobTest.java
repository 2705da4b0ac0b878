package io.guanxi.crm.tier;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Jobs;
import io.guanxi.crm.support.KnownState;
import io.guanxi.crm.support.Policies;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recompute as a manager uses it: a background job with progress, its report, and the guard against two at once.
 * Each test starts with no customer, so the report's totals are this class's own, exactly.
 */
@QuarkusTest
class TierJobTest {

    @Inject
    EntityManager em;

    /** The tiering policy the migration ships (V7), whatever another class saved since. */
    static final Map<String, Object> SHIPPED_POLICY = Map.ofEntries(Map.entry("windowMonths", 12),
            Map.entry("abcMethod", "CUMULATIVE_REVENUE"), Map.entry("aCutoffPercent", 70), Map.entry("bCutoffPercent", 95),
            Map.entry("noRevenueTier", "C"), Map.entry("abcdThresholds", "MEDIAN"), Map.entry("goldSpend", 10000),
            Map.entry("goldTenureDays", 90), Map.entry("platinumSpend", 50000), Map.entry("platinumTenureDays", 365),
            Map.entry("expectedLifetimeYears", 3.0));

    @BeforeEach
    void knownState() {
        KnownState.noCustomers(em);
        Policies.put(Policies.admin(), "/api/v1/tiers/policy", SHIPPED_POLICY).then().statusCode(200);
    }

    @Test
    void aManagerRecomputesTiersAndFollowsTheJobToItsReport() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        String big = rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String small = rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201); // never buys: no customer
        Map<String, Object> smallSale = new HashMap<>(Map.of("contactId", small, "amount", 100, "channel", "STORE",
                "occurredAt", Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        rep.request().body(smallSale).post("/api/v1/purchases").then().statusCode(201);
        Map<String, Object> sale = new HashMap<>(Map.of("contactId", big, "amount", 9_000, "channel", "ONLINE",
                "occurredAt", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        rep.request().body(sale).post("/api/v1/purchases").then().statusCode(201);

        var accepted = manager.request().post("/api/v1/tiers/recompute").then().statusCode(202)
                .body("kind", equalTo("TIER_RECOMPUTE")).extract();
        String jobId = accepted.path("id");
        assertTrue(accepted.header("Location").endsWith("/api/v1/jobs/" + jobId));
        JsonPath job = Jobs.awaitFinished(manager, jobId);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals(job.getLong("total"), job.getLong("processed"));
        // The job covers every customer with a purchase so far: this test's two.
        assertEquals(2, job.getLong("total"));

        JsonPath report = manager.request().get("/api/v1/tiers/report").then().statusCode(200)
                .body("jobId", equalTo(jobId)).body("customers", equalTo(2)).body("payingCustomers", equalTo(2))
                .body("totalRevenue", equalTo(9100.0f)).extract().jsonPath();
        // Cumulative revenue, cut-offs 70 / 95: the 9 000 comes first (nothing before it): A; the 100 after 9 000 of 9 100: C.
        assertEquals(List.of("A", "C"), report.getList("tiers.key"));
        assertEquals(List.of(1, 1), report.getList("tiers.customers"));
        double customerShares = report.getList("tiers.customerShare", Float.class).stream().mapToDouble(Float::doubleValue).sum();
        assertEquals(100.0, customerShares, 0.01);
        assertTrue(report.getList("quadrants.recommendedAction").stream().allMatch(action -> action != null),
                "every quadrant in the report says what to do");
        rep.request().get("/api/v1/contacts/" + big + "/value").then().statusCode(200)
                .log().ifValidationFails().body("abcTier", equalTo("A")).body("rfmMonetary", equalTo(5)).body("clv", notNullValue())
                .body("recommendedAction", notNullValue());
        rep.request().get("/api/v1/contacts/" + big + "/tier-history").then().body("dimension", hasItem("ABC"));
        // Scoped to the rep's own customers, the filter finds exactly the one this test made an A customer.
        rep.request().queryParam("abcTier", "A").get("/api/v1/contacts").then().statusCode(200)
                .body("items.id", equalTo(List.of(big))).body("total", equalTo(1))
                .body("items[0].abcTier", equalTo("A")).body("items[0].membershipLevel", equalTo("SILVER"));
        rep.request().queryParam("abcTier", "A").queryParam("membershipLevel", "SILVER").get("/api/v1/contacts").then()
                .statusCode(200).body("items.id", equalTo(List.of(big)));
        rep.request().queryParam("abcTier", "A").queryParam("membershipLevel", "GOLD").get("/api/v1/contacts").then()
                .statusCode(200).body("items", equalTo(List.of())).body("total", equalTo(0));
        rep.request().get("/api/v1/contacts/" + big).then().body("abcTier", equalTo("A")).body("membershipLevel", equalTo("SILVER"));

        // Nothing changed since: a second recompute writes no customer and moves nobody.
        String second = manager.request().post("/api/v1/tiers/recompute").then().statusCode(202).extract().path("id");
        JsonPath again = Jobs.awaitFinished(manager, second);
        assertEquals(0, again.getLong("report.changedCustomers"), again.prettify());
        assertEquals(List.of(), again.getList("report.movements"));
    }

    @Test
    void aSecondRecomputeWhileOneRunsIsRefusedWithTheRunningJob() {
        TestUser manager = Api.newUser(Role.MANAGER);
        UUID running = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO job (id, kind, state, phase, created_at, started_at) VALUES (:id, 'TIER_RECOMPUTE', 'RUNNING', 'test', now(), now())""")
                .setParameter("id", running).executeUpdate());
        try {
            manager.request().post("/api/v1/tiers/recompute").then().statusCode(409)
                    .body("type", equalTo("urn:guanxi:problem:job-already-running"))
                    .body("runningJobId", equalTo(running.toString()));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE job SET state = 'FAILED' WHERE id = :id")
                    .setParameter("id", running).executeUpdate());
        }
    }

    @Test
    void onlyManagersRecomputeAndOnlyAdminsChangeThePolicy() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        rep.request().post("/api/v1/tiers/recompute").then().statusCode(403);
        rep.request().get("/api/v1/tiers/report").then().statusCode(403);
        rep.request().get("/api/v1/jobs/" + UUID.randomUUID()).then().statusCode(403);
        Api.newUser(Role.MANAGER).request().get("/api/v1/jobs/" + UUID.randomUUID()).then().statusCode(404);
        given().post("/api/v1/tiers/recompute").then().statusCode(401);

        var admin = given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON);
        Map<String, Object> policy = new HashMap<>(admin.get("/api/v1/tiers/policy").then().statusCode(200).extract().jsonPath().getMap(""));
        policy.remove("version");
        policy.remove("createdAt");
        policy.remove("createdBy");
        Map<String, Object> inverted = new HashMap<>(policy);
        inverted.put("aCutoffPercent", 96);
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(inverted).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/tiers/policy")).put("/api/v1/tiers/policy")
                .then().statusCode(400).body("errors.field", hasItem("bCutoffPercent"));
        Map<String, Object> fixedWithout = new HashMap<>(policy);
        fixedWithout.put("abcdThresholds", "FIXED");
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(fixedWithout).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/tiers/policy")).put("/api/v1/tiers/policy")
                .then().statusCode(400).body("errors.field", hasItem("frequencyThreshold"));
        Map<String, Object> weird = new HashMap<>(policy);
        weird.put("noRevenueTier", "Z");
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(weird).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/tiers/policy")).put("/api/v1/tiers/policy")
                .then().statusCode(400).body("errors.field", hasItem("noRevenueTier"));
        Api.newUser(Role.MANAGER).request().body(policy).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/tiers/policy")).put("/api/v1/tiers/policy").then().statusCode(403);
        int version = given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(policy).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/tiers/policy")).put("/api/v1/tiers/policy")
                .then().statusCode(200).extract().path("version");
        given().auth().oauth2(Api.adminToken()).get("/api/v1/tiers/policy").then().body("version", equalTo(version));
        Api.newUser(Role.MANAGER).request().queryParam("abcTier", "Z").get("/api/v1/contacts").then().statusCode(400)
                .body("errors.field", hasItem("abcTier"));
    }
}
