package io.guanxi.crm.lead;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadAssignmentTest {

    private TestUser manager;
    /** A unique industry per test, so this test's rules never catch other tests' leads. */
    private String industry;
    private final List<String> rules = new ArrayList<>();

    @Inject
    EntityManager em;

    @BeforeEach
    void setUp() {
        LeadResourceTest.knownLeadState(em);
        manager = Api.newUser(Role.MANAGER);
        industry = "行业-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void deleteRules() {
        rules.forEach(id -> manager.request().delete("/api/v1/lead-assignment/rules/" + id).then().statusCode(204));
    }

    private String rule(int position, Integer minScore, String strategy, TestUser... pool) {
        Map<String, Object> body = new HashMap<>(Map.of("position", position, "name", "华东" + industry, "region", "EAST",
                "industry", industry, "strategy", strategy,
                "assigneeIds", java.util.Arrays.stream(pool).map(u -> u.id().toString()).toList()));
        if (minScore != null) {
            body.put("minScore", minScore);
        }
        String id = manager.request().body(body).post("/api/v1/lead-assignment/rules").then().statusCode(201)
                .extract().path("id");
        rules.add(id);
        return id;
    }

    private Map<String, Object> lead(String region) {
        return new HashMap<>(Map.of("newContact", aContact().name("分配测试").build(), "sourceChannel", "REFERRAL",
                "region", region, "industry", industry, "budget", 120000));
    }

    @Test
    void theFirstMatchingRuleDecidesAndIsRecorded() {
        TestUser repA = Api.newUser(Role.SALES_REP);
        TestUser repB = Api.newUser(Role.SALES_REP);
        rule(1, 90, "LEAST_LOADED", repB);
        String matching = rule(2, 50, "LEAST_LOADED", repA);
        // Score 60 (match 100 × 0.6): the first rule needs 90, the second takes it.
        manager.request().body(lead("EAST")).post("/api/v1/leads").then().statusCode(201)
                .body("ownerId", equalTo(repA.id().toString()))
                .body("assignmentKind", equalTo("RULE"))
                // The rule's name, not an English sentence: the web app words the kind.
                .body("assignmentReason", equalTo("华东" + industry))
                .body("assignedAt", notNullValue());
        // Another region matches no rule and, below the priority line, waits in the potential queue.
        manager.request().body(lead("NORTH")).post("/api/v1/leads").then().statusCode(201)
                .body("ownerId", nullValue())
                .body("assignmentKind", equalTo("POTENTIAL_QUEUE"))
                .body("assignmentReason", nullValue());
        manager.request().get("/api/v1/lead-assignment/rules/" + matching).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void roundRobinTakesTurnsThroughThePool() {
        TestUser repA = Api.newUser(Role.SALES_REP);
        TestUser repB = Api.newUser(Role.SALES_REP);
        rule(1, null, "ROUND_ROBIN", repA, repB);
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            owners.add(manager.request().body(lead("EAST")).post("/api/v1/leads").then().statusCode(201)
                    .extract().path("ownerId"));
        }
        assertEquals(List.of(repA.id().toString(), repB.id().toString(), repA.id().toString(), repB.id().toString()), owners);
    }

    @Test
    void leastLoadedPicksTheRepWithFewerOpenLeads() {
        TestUser busy = Api.newUser(Role.SALES_REP);
        TestUser free = Api.newUser(Role.SALES_REP);
        busy.request().body(lead("SOUTH")).post("/api/v1/leads").then().statusCode(201);
        rule(1, null, "LEAST_LOADED", busy, free);
        manager.request().body(lead("EAST")).post("/api/v1/leads").then().statusCode(201)
                .body("ownerId", equalTo(free.id().toString()));
    }

    @Test
    void aHighValueLeadWithoutARuleGoesToASeniorRep() {
        Api.newUser(Role.SALES_REP, "SENIOR");
        var created = manager.request().body(lead("NORTH")).post("/api/v1/leads").then().statusCode(201)
                .body("ownerId", nullValue()).extract();
        for (int i = 0; i < 4; i++) {
            manager.request().body(Map.of("channel", "VISIT", "direction", "OUTBOUND", "summary", "拜访"))
                    .post("/api/v1/contacts/" + created.path("contactId") + "/interactions").then().statusCode(201);
        }
        String owner = manager.request().body(Map.of()).post("/api/v1/leads/" + created.path("id") + "/assign")
                .then().statusCode(200)
                .body("level", equalTo("HIGH_VALUE"))
                .body("assignmentKind", equalTo("HIGH_VALUE"))
                .extract().path("ownerId");
        given().auth().oauth2(Api.adminToken()).get("/api/v1/users/" + owner).then().body("seniority", equalTo("SENIOR"));
    }

    @Test
    void managersReassignRepsCannot() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser other = Api.newUser(Role.SALES_REP);
        String id = rep.request().body(lead("SOUTH")).post("/api/v1/leads").then().statusCode(201)
                .body("assignmentKind", equalTo("OWNER")).extract().path("id");
        rep.request().body(Map.of("ownerId", other.id().toString())).post("/api/v1/leads/" + id + "/assign")
                .then().statusCode(403);
        manager.request().body(Map.of("ownerId", other.id().toString())).post("/api/v1/leads/" + id + "/assign")
                .then().statusCode(200).body("ownerId", equalTo(other.id().toString()))
                .body("assignmentKind", equalTo("MANAGER"))
                .body("assignmentReason", equalTo(manager.username()));
        rep.request().get("/api/v1/leads/" + id).then().statusCode(404);
        other.request().get("/api/v1/leads/" + id).then().statusCode(200);
    }

    @Test
    void rulesAreValidatedVersionedAndForManagersOnly() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        manager.request().body(Map.of("position", 1, "name", "x", "strategy", "ROUND_ROBIN",
                        "assigneeIds", List.of(agent.id().toString())))
                .post("/api/v1/lead-assignment/rules").then().statusCode(400)
                .body("errors[0].field", equalTo("assigneeIds[0]"));
        manager.request().body(Map.of("position", 1, "name", "x", "strategy", "SOMETIMES", "assigneeIds", List.of()))
                .post("/api/v1/lead-assignment/rules").then().statusCode(400);
        String id = rule(5, 70, "ROUND_ROBIN", rep);
        Map<String, Object> change = Map.of("position", 6, "name", "改名", "strategy", "LEAST_LOADED",
                "assigneeIds", List.of(rep.id().toString()), "industry", industry);
        manager.request().body(change).put("/api/v1/lead-assignment/rules/" + id).then().statusCode(428);
        manager.request().header("If-Match", "\"0\"").body(change).put("/api/v1/lead-assignment/rules/" + id)
                .then().statusCode(200).body("name", equalTo("改名")).header("ETag", "\"1\"");
        manager.request().header("If-Match", "\"0\"").body(change).put("/api/v1/lead-assignment/rules/" + id)
                .then().statusCode(412);
        rep.request().get("/api/v1/lead-assignment/rules").then().statusCode(403);
    }
}
