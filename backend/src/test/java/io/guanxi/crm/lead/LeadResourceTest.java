package io.guanxi.crm.lead;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.KnownState;
import io.guanxi.crm.support.MovableClock;
import io.guanxi.crm.support.Policies;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadResourceTest {

    /** Version 1 of the policy (V2 migration), saved again before each test of the lead classes. */
    static final Map<String, Object> DEFAULT_POLICY = Map.of(
            "matchRules", List.of(
                    Map.of("field", "SOURCE", "value", "REFERRAL", "points", 30),
                    Map.of("field", "SOURCE", "value", "TRADE_SHOW", "points", 20),
                    Map.of("field", "SOURCE", "value", "WEBSITE", "points", 10),
                    Map.of("field", "BUDGET_AT_LEAST", "value", "100000", "points", 40),
                    Map.of("field", "BUDGET_AT_LEAST", "value", "20000", "points", 20),
                    Map.of("field", "REGION", "value", "EAST", "points", 10),
                    Map.of("field", "INDUSTRY", "value", "科技", "points", 20)),
            "activityWindowDays", 7, "pointsPerInteraction", 20, "activityCap", 100,
            "matchWeight", 0.6, "activityWeight", 0.4, "priorityThreshold", 80, "highValueThreshold", 85,
            "careAfterDays", 3);

    @Inject
    LeadService leadService;

    @Inject
    MovableClock clock;

    @Inject
    EntityManager em;

    private TestUser rep;

    /** No lead, contact or rule of another class, and the shipped policy: totals below are exact. */
    static void knownLeadState(EntityManager em) {
        KnownState.noCustomers(em);
        KnownState.noAssignmentRules(em);
        Policies.put(Policies.admin(), "/api/v1/lead-scoring/policy", DEFAULT_POLICY).then().statusCode(200);
    }

    @BeforeEach
    void knownStateAndANewRep() {
        knownLeadState(em);
        rep = Api.newUser(Role.SALES_REP);
    }

    private Map<String, Object> referral() {
        Map<String, Object> body = new HashMap<>();
        body.put("newContact", aContact().name("王磊").build());
        body.put("sourceChannel", "REFERRAL");
        body.put("industry", "科技");
        body.put("region", "EAST");
        body.put("budget", 120000);
        return body;
    }

    private void logInteraction(String contactId, Instant at) {
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "跟进", "occurredAt", at.toString()))
                .post("/api/v1/contacts/" + contactId + "/interactions").then().statusCode(201);
    }

    @Test
    void aNewLeadIsScoredAndExplained() {
        var created = rep.request().body(referral()).post("/api/v1/leads").then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("NEW"))
                .body("ownerId", equalTo(rep.id().toString()))
                .body("contactName", equalTo("王磊"))
                .body("matchScore", equalTo(100))
                .body("score", equalTo(60.0f))
                .body("level", equalTo("STANDARD"))
                .extract();
        String id = created.path("id");
        rep.request().get("/api/v1/contacts/" + created.path("contactId")).then().statusCode(200)
                .body("lifecycleStage", equalTo("POTENTIAL")).body("sourceChannel", equalTo("REFERRAL"));
        rep.request().get("/api/v1/leads/" + id + "/score").then().statusCode(200)
                .body("matchScore", equalTo(100))
                .body("matchRules.findAll { it.fired }.rule.points", contains(30, 40, 20, 10, 20))
                .body("matchRules.findAll { !it.fired }.rule.value", contains("TRADE_SHOW", "WEBSITE"))
                .body("activityWindowDays", equalTo(7))
                .body("matchWeight", equalTo(0.6f));
        rep.request().get("/api/v1/leads/" + id + "/score-history").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].cause", equalTo("CREATED"));
        rep.request().get("/api/v1/contacts/" + created.path("contactId") + "/overview").then().statusCode(200)
                .body("leads.id", contains(id)).body("leads[0].score", equalTo(60.0f));
    }

    @Test
    void interactionsRaiseTheScoreAtOnceAndAgeOutOfTheWindow() {
        var created = rep.request().body(referral()).post("/api/v1/leads").then().statusCode(201).extract();
        String id = created.path("id");
        String contactId = created.path("contactId");
        Instant now = Instant.now();
        logInteraction(contactId, now.minus(Duration.ofDays(6)));
        logInteraction(contactId, now.minus(Duration.ofHours(1)));
        rep.request().get("/api/v1/leads/" + id).then().body("activityCount", equalTo(2)).body("score", equalTo(76.0f));
        rep.request().get("/api/v1/leads/" + id + "/score-history").then()
                .body("items.cause", contains("INTERACTION_LOGGED", "INTERACTION_LOGGED", "CREATED"));

        // Two days later the first interaction is 8 days old: no event, the window job drops it.
        leadService.slideWindow(now.plus(Duration.ofDays(2)));
        rep.request().get("/api/v1/leads/" + id).then().body("activityCount", equalTo(1)).body("score", equalTo(68.0f));
        rep.request().get("/api/v1/leads/" + id + "/score-history").then()
                .body("items[0].cause", equalTo("WINDOW_SLID")).body("items[0].score", equalTo(68.0f));
        // Sliding again with nothing aged out writes no history.
        leadService.slideWindow(now.plus(Duration.ofDays(2)));
        rep.request().get("/api/v1/leads/" + id + "/score-history").then().body("total", equalTo(4));
    }

    @Test
    void anAdminSlidesTheActivityWindowNowAndLearnsHowManyScoresMoved() {
        var created = rep.request().body(referral()).post("/api/v1/leads").then().statusCode(201).extract();
        String id = created.path("id");
        // Inside the 7-day window now, outside it two hours from now.
        logInteraction(created.path("contactId"), Instant.now().minus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        rep.request().get("/api/v1/leads/" + id).then().body("activityCount", equalTo(1)).body("score", equalTo(68.0f));
        rep.request().post("/api/v1/lead-scoring/rescore").then().statusCode(403);
        Api.newUser(Role.MANAGER).request().post("/api/v1/lead-scoring/rescore").then().statusCode(403);

        clock.advance(Duration.ofHours(2));
        try {
            int moved = given().auth().oauth2(Api.adminToken()).post("/api/v1/lead-scoring/rescore").then().statusCode(200)
                    .extract().as(Integer.class);
            // The one open lead there is slid, and the answer counts exactly the scores written.
            assertEquals(1, moved);
            assertEquals(1, windowSlidHistoryRows());
            rep.request().get("/api/v1/leads/" + id).then().body("activityCount", equalTo(0)).body("score", equalTo(60.0f));
            rep.request().get("/api/v1/leads/" + id + "/score-history").then()
                    .body("items[0].cause", equalTo("WINDOW_SLID")).body("items[0].score", equalTo(60.0f));
        } finally {
            clock.reset();
        }
    }

    private long windowSlidHistoryRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM lead_score_history WHERE cause = 'WINDOW_SLID'").getSingleResult()).longValue());
    }

    @Test
    void editingTheLeadRescoresIt() {
        var created = rep.request().body(referral()).post("/api/v1/leads").then().statusCode(201).extract();
        Map<String, Object> edit = new HashMap<>(referral());
        edit.remove("newContact");
        edit.put("budget", 5000);
        edit.put("status", "CONTACTED");
        rep.request().header("If-Match", created.header("ETag")).body(edit).put("/api/v1/leads/" + created.path("id"))
                .then().statusCode(200).body("matchScore", equalTo(60)).body("score", equalTo(36.0f))
                .body("status", equalTo("CONTACTED")).header("ETag", "\"1\"");
        rep.request().header("If-Match", "\"0\"").body(edit).put("/api/v1/leads/" + created.path("id"))
                .then().statusCode(412);
        edit.put("status", "LOST");
        rep.request().header("If-Match", "\"1\"").body(edit).put("/api/v1/leads/" + created.path("id"))
                .then().statusCode(400).body("errors[0].field", equalTo("lostReason"));
    }

    @Test
    void aPolicyChangeRescoresEveryOpenLeadAndIsValidated() {
        var created = rep.request().body(referral()).post("/api/v1/leads").then().statusCode(201).extract();
        int before = given().auth().oauth2(Api.adminToken()).get("/api/v1/lead-scoring/policy").then().statusCode(200)
                .extract().path("version");
        Map<String, Object> policy = new HashMap<>(DEFAULT_POLICY);
        policy.put("matchWeight", 0.5);
        policy.put("activityWeight", 0.5);
        int version = given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(policy)
                .header("If-Match", Policies.etag(Policies.admin(), "/api/v1/lead-scoring/policy")).put("/api/v1/lead-scoring/policy").then().statusCode(200)
                .body("rescoredLeads", not(equalTo(0))).extract().path("version");
        rep.request().get("/api/v1/leads/" + created.path("id")).then()
                .body("score", equalTo(50.0f)).body("policyVersion", equalTo(version));
        rep.request().get("/api/v1/leads/" + created.path("id") + "/score-history").then()
                .body("items[0].cause", equalTo("POLICY_CHANGED"));
        // The version a score names stays readable after the next change, by everyone who reads scores.
        rep.request().get("/api/v1/lead-scoring/policy/versions/" + version).then().statusCode(200)
                .body("version", equalTo(version)).body("matchWeight", equalTo(0.5f)).body("activityWeight", equalTo(0.5f));
        rep.request().get("/api/v1/lead-scoring/policy/versions/" + before).then().statusCode(200)
                .body("version", equalTo(before)).body("matchWeight", equalTo(0.6f)).body("activityWeight", equalTo(0.4f));
        rep.request().get("/api/v1/lead-scoring/policy/versions/" + (version + 1)).then().statusCode(404);
        rep.request().get("/api/v1/lead-scoring/policy/versions/abc").then().statusCode(404);
        given().get("/api/v1/lead-scoring/policy/versions/" + version).then().statusCode(401);

        policy.put("activityWeight", 0.6);
        policy.put("highValueThreshold", 70);
        policy.put("matchRules", List.of(Map.of("field", "REGION", "value", "MARS", "points", 10),
                Map.of("field", "BUDGET_AT_LEAST", "value", "lots", "points", 10)));
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(policy)
                .header("If-Match", Policies.etag(Policies.admin(), "/api/v1/lead-scoring/policy")).put("/api/v1/lead-scoring/policy").then().statusCode(400)
                .body("errors.field", contains("activityWeight", "highValueThreshold", "matchRules[0].value", "matchRules[1].value"));
        policy.put("matchWeight", -0.4);
        policy.put("priorityThreshold", 120);
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).body(policy)
                .header("If-Match", Policies.etag(Policies.admin(), "/api/v1/lead-scoring/policy")).put("/api/v1/lead-scoring/policy").then().statusCode(400)
                .body("errors.field", hasItem("priorityThreshold")).body("errors.field", hasItem("matchWeight"));
        rep.request().body(DEFAULT_POLICY).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/lead-scoring/policy")).put("/api/v1/lead-scoring/policy").then().statusCode(403);
    }

    @Test
    void leadsFollowTheVisibilityRule() {
        String id = rep.request().body(referral()).post("/api/v1/leads").then().statusCode(201).extract().path("id");
        TestUser other = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        other.request().get("/api/v1/leads/" + id).then().statusCode(404);
        other.request().get("/api/v1/leads/" + id + "/score").then().statusCode(404);
        other.request().get("/api/v1/leads/" + id + "/score-history").then().statusCode(404);
        other.request().queryParam("size", 200).get("/api/v1/leads").then().body("items.id", not(hasItem(id)));
        other.request().queryParam("queue", "mine").get("/api/v1/leads").then().body("total", equalTo(0));
        rep.request().queryParam("queue", "mine").get("/api/v1/leads").then().body("items.id", contains(id));
        manager.request().get("/api/v1/leads/" + id).then().statusCode(200);
        agent.request().get("/api/v1/leads").then().statusCode(403);
        given().get("/api/v1/leads").then().statusCode(401);
        other.request().body(Map.of("contactId", rep.request().get("/api/v1/leads/" + id).then().extract().path("contactId"),
                "sourceChannel", "WEBSITE")).post("/api/v1/leads").then().statusCode(404);
    }

    @Test
    void managersAssignAndTheQueuesSortByScore() {
        TestUser manager = Api.newUser(Role.MANAGER);
        Map<String, Object> unassigned = referral();
        String first = manager.request().body(unassigned).post("/api/v1/leads").then().statusCode(201)
                .body("ownerId", equalTo(null)).extract().path("id");
        Map<String, Object> weak = referral();
        weak.put("sourceChannel", "OUTBOUND");
        weak.put("budget", 10);
        String second = manager.request().body(weak).post("/api/v1/leads").then().statusCode(201).extract().path("id");
        List<String> queue = manager.request().queryParam("queue", "unassigned")
                .get("/api/v1/leads").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(first, second), queue, "higher score first");
        String myContact = rep.request().body(aContact().name("自己的客户").build()).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        rep.request().body(Map.of("contactId", myContact, "sourceChannel", "WEBSITE", "ownerId", manager.id().toString()))
                .post("/api/v1/leads").then().statusCode(403);
        rep.request().queryParam("queue", "sideways").get("/api/v1/leads").then().statusCode(400)
                .body("errors[0].field", equalTo("queue"));
    }

    @Test
    void badLeadInputIsRejected() {
        rep.request().body(Map.of("sourceChannel", "WEBSITE")).post("/api/v1/leads").then().statusCode(400)
                .body("errors[0].field", equalTo("contactId"));
        Map<String, Object> negative = referral();
        negative.put("budget", -1);
        rep.request().body(negative).post("/api/v1/leads").then().statusCode(400).body("errors[0].field", equalTo("budget"));
        Map<String, Object> noSource = referral();
        noSource.remove("sourceChannel");
        rep.request().body(noSource).post("/api/v1/leads").then().statusCode(400)
                .body("errors[0].field", equalTo("sourceChannel"));
        Map<String, Object> scored = referral();
        scored.put("score", 99);
        rep.request().body(scored).post("/api/v1/leads").then().statusCode(400).body("errors[0].field", equalTo("score"));
    }
}
