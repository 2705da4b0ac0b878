package io.guanxi.crm.lead;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Policies;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Website-form capture by an integrator, the reps' queues by seniority, claiming, and the policy preview. */
@QuarkusTest
class LeadCaptureAndQueueTest {

    private TestUser integrator;
    private TestUser manager;

    @Inject
    EntityManager em;

    @BeforeEach
    void setUp() {
        LeadResourceTest.knownLeadState(em);
        integrator = Api.newUser(Role.INTEGRATOR);
        manager = Api.newUser(Role.MANAGER);
    }

    @AfterEach
    void letRepsSeeQueuesAgain() {
        Map<String, Object> policy = currentPolicy();
        if (Boolean.FALSE.equals(policy.get("repsSeeUnassigned"))) {
            policy.put("repsSeeUnassigned", true);
            admin().body(policy).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/lead-scoring/policy")).put("/api/v1/lead-scoring/policy").then().statusCode(200);
        }
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON);
    }

    private static Map<String, Object> currentPolicy() {
        Map<String, Object> policy = new HashMap<>(admin().get("/api/v1/lead-scoring/policy").then().statusCode(200)
                .extract().jsonPath().getMap(""));
        for (String serverOwned : List.of("version", "createdAt", "createdBy", "rescoredLeads")) {
            policy.remove(serverOwned);
        }
        return policy;
    }

    private static Map<String, Object> form(String mobile, String email) {
        Map<String, Object> form = new HashMap<>(Map.of("name", "网站访客", "productInterest", "企业培训课程",
                "message", "想了解团队内训方案"));
        if (mobile != null) {
            form.put("mobile", mobile);
        }
        if (email != null) {
            form.put("email", email);
        }
        return form;
    }

    private Response capture(Map<String, Object> form) {
        return integrator.request().body(form).post("/api/v1/leads/capture");
    }

    @Test
    void aNewPersonBecomesAContactHeldByTheIntegratorAndALeadInTheQueue() {
        String mobile = Api.uniqueMobile();
        Response created = capture(form(mobile, null));
        created.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith(
                "/api/v1/leads/" + created.path("leadId"))).body("outcome", equalTo("NEW_PERSON"));
        String leadId = created.path("leadId");
        var lead = manager.request().get("/api/v1/leads/" + leadId).then().statusCode(200)
                .body("sourceChannel", equalTo("WEBSITE"))
                .body("ownerId", nullValue())
                .body("assignmentKind", equalTo("POTENTIAL_QUEUE"))
                .body("notes", equalTo("想了解团队内训方案")).extract();
        manager.request().get("/api/v1/contacts/" + lead.path("contactId")).then().statusCode(200)
                .body("ownerId", equalTo(integrator.id().toString()))
                .body("lifecycleStage", equalTo("POTENTIAL"))
                .body("mobile", equalTo(mobile));

        // The same person again, written differently: nothing new.
        String formatted = "+86 " + mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7);
        capture(form(formatted, null)).then().statusCode(200)
                .body("outcome", equalTo("ALREADY_OPEN")).body("leadId", equalTo(leadId));
        manager.request().queryParam("q", mobile).get("/api/v1/contacts").then().body("total", equalTo(1));
    }

    @Test
    void aKnownCustomersNewLeadGoesToTheirOwner() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String email = "known-" + UUID.randomUUID() + "@example.cn";
        String contactId = rep.request().body(aContact().with("email", email).build()).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String leadId = capture(form(null, email.toUpperCase())).then().statusCode(201)
                .body("outcome", equalTo("EXISTING_CONTACT")).extract().path("leadId");
        rep.request().get("/api/v1/leads/" + leadId).then().statusCode(200)
                .body("contactId", equalTo(contactId))
                .body("ownerId", equalTo(rep.id().toString()))
                .body("assignmentKind", equalTo("EXISTING_CUSTOMER"));
        rep.request().get("/api/v1/contacts/" + contactId).then().body("ownerId", equalTo(rep.id().toString()));
    }

    @Test
    void onlyIntegratorsCaptureAndBadFormsAreRejected() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        rep.request().body(form(Api.uniqueMobile(), null)).post("/api/v1/leads/capture").then().statusCode(403);
        given().contentType(ContentType.JSON).body(form(Api.uniqueMobile(), null)).post("/api/v1/leads/capture")
                .then().statusCode(401);
        capture(form(null, null)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("mobile"));
        capture(form("12345", null)).then().statusCode(400).body("errors.field", hasItem("mobile"));
        capture(form(null, "not-an-email")).then().statusCode(400).body("errors.field", hasItem("email"));
        Map<String, Object> noName = form(Api.uniqueMobile(), null);
        noName.remove("name");
        capture(noName).then().statusCode(400).body("errors.field", hasItem("name"));
        Map<String, Object> ownerSmuggled = form(Api.uniqueMobile(), null);
        ownerSmuggled.put("ownerId", rep.id().toString());
        capture(ownerSmuggled).then().statusCode(400);
        // An integrator reads nothing.
        integrator.request().get("/api/v1/leads").then().statusCode(403);
        integrator.request().get("/api/v1/contacts").then().statusCode(403);
    }

    @Test
    void parallelSubmissionsOfOnePersonCreateOneContactAndOneLead() throws Exception {
        String mobile = Api.uniqueMobile();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> capture(form(mobile, null)));
            }
            List<String> outcomes = new ArrayList<>();
            List<String> leadIds = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                outcomes.add(f.get().path("outcome"));
                leadIds.add(f.get().path("leadId"));
            }
            assertEquals(1, outcomes.stream().filter("NEW_PERSON"::equals).count(), outcomes.toString());
            assertEquals(7, outcomes.stream().filter("ALREADY_OPEN"::equals).count(), outcomes.toString());
            assertEquals(1, leadIds.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }
        manager.request().queryParam("q", mobile).get("/api/v1/contacts").then().body("total", equalTo(1));
    }

    @Test
    void aJuniorRepSeesThePotentialQueueAndClaimsALeadWithItsContact() {
        TestUser junior = Api.newUser(Role.SALES_REP, "JUNIOR");
        TestUser senior = Api.newUser(Role.SALES_REP, "SENIOR");
        String leadId = capture(form(Api.uniqueMobile(), null)).then().statusCode(201).extract().path("leadId");
        String contactId = manager.request().get("/api/v1/leads/" + leadId).then().extract().path("contactId");

        junior.request().queryParam("queue", "unassigned").get("/api/v1/leads")
                .then().statusCode(200).body("items.id", equalTo(List.of(leadId)));
        senior.request().get("/api/v1/leads/" + leadId).then().statusCode(404);
        junior.request().get("/api/v1/contacts/" + contactId).then().statusCode(404);

        junior.request().post("/api/v1/leads/" + leadId + "/claim").then().statusCode(200)
                .body("ownerId", equalTo(junior.id().toString()))
                .body("assignmentKind", equalTo("CLAIMED"));
        junior.request().get("/api/v1/contacts/" + contactId).then().statusCode(200)
                .body("ownerId", equalTo(junior.id().toString()));
        junior.request().queryParam("queue", "mine").get("/api/v1/leads").then().body("items.id", equalTo(List.of(leadId)));

        TestUser otherJunior = Api.newUser(Role.SALES_REP, "JUNIOR");
        otherJunior.request().post("/api/v1/leads/" + leadId + "/claim").then().statusCode(404);
        manager.request().post("/api/v1/leads/" + leadId + "/claim").then().statusCode(403);
    }

    @Test
    void twoRepsClaimingAtOnceGiveTheLeadToExactlyOne() throws Exception {
        List<TestUser> juniors = List.of(Api.newUser(Role.SALES_REP, "JUNIOR"), Api.newUser(Role.SALES_REP, "JUNIOR"),
                Api.newUser(Role.SALES_REP, "JUNIOR"), Api.newUser(Role.SALES_REP, "JUNIOR"));
        String leadId = capture(form(Api.uniqueMobile(), null)).then().statusCode(201).extract().path("leadId");
        ExecutorService pool = Executors.newFixedThreadPool(juniors.size());
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (TestUser j : juniors) {
                calls.add(() -> j.request().post("/api/v1/leads/" + leadId + "/claim").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 404 || s == 409), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSeniorRepSeesThePriorityQueueAndThePolicyCanCloseQueues() {
        TestUser junior = Api.newUser(Role.SALES_REP, "JUNIOR");
        TestUser senior = Api.newUser(Role.SALES_REP, "SENIOR");
        // Match 100 (referral, budget, EAST, 科技) = 60 points; three interactions add 24: 84, PRIORITY not HIGH_VALUE.
        Map<String, Object> body = new HashMap<>(Map.of("newContact", aContact().build(), "sourceChannel", "REFERRAL",
                "industry", "科技", "region", "EAST", "budget", 120000));
        var created = manager.request().body(body).post("/api/v1/leads").then().statusCode(201).extract();
        for (int i = 0; i < 3; i++) {
            manager.request().body(Map.of("channel", "VISIT", "direction", "OUTBOUND", "summary", "拜访"))
                    .post("/api/v1/contacts/" + created.path("contactId") + "/interactions").then().statusCode(201);
        }
        String leadId = created.path("id");
        manager.request().get("/api/v1/leads/" + leadId).then().body("level", equalTo("PRIORITY")).body("ownerId", nullValue());
        senior.request().queryParam("queue", "priority").get("/api/v1/leads")
                .then().body("items.id", equalTo(List.of(leadId)));
        junior.request().queryParam("queue", "unassigned").get("/api/v1/leads")
                .then().body("items.id", equalTo(List.of()));
        junior.request().post("/api/v1/leads/" + leadId + "/claim").then().statusCode(404);

        Map<String, Object> closed = currentPolicy();
        closed.put("repsSeeUnassigned", false);
        admin().body(closed).header("If-Match", Policies.etag(Policies.admin(), "/api/v1/lead-scoring/policy")).put("/api/v1/lead-scoring/policy").then().statusCode(200).body("repsSeeUnassigned", equalTo(false));
        senior.request().get("/api/v1/leads/" + leadId).then().statusCode(404);
        senior.request().queryParam("queue", "unassigned").get("/api/v1/leads").then().body("total", equalTo(0));
    }

    @Test
    void thePreviewCountsWhatAPolicyWouldMoveAndWritesNothing() {
        String industry = "预览行业-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var lead = manager.request().body(Map.of("newContact", aContact().build(), "sourceChannel", "OUTBOUND",
                    "industry", industry)).post("/api/v1/leads").then().statusCode(201).extract();
            ids.add(lead.path("id"));
            for (int n = 0; n < 5; n++) { // full activity: 100 × 0.4 = 40, no match points yet
                manager.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "电话"))
                        .post("/api/v1/contacts/" + lead.path("contactId") + "/interactions").then().statusCode(201);
            }
        }
        Map<String, Object> unchanged = currentPolicy();
        int version = admin().get("/api/v1/lead-scoring/policy").then().extract().path("version");
        var before = admin().body(unchanged).post("/api/v1/lead-scoring/policy/preview").then().statusCode(200)
                .body("comparedWithVersion", equalTo(version)).extract().jsonPath();

        Map<String, Object> candidate = new HashMap<>(unchanged);
        List<Object> rules = new ArrayList<>((List<?>) unchanged.get("matchRules"));
        rules.add(Map.of("field", "INDUSTRY", "value", industry, "points", 100));
        candidate.put("matchRules", rules);
        var after = admin().body(candidate).post("/api/v1/lead-scoring/policy/preview").then().statusCode(200).extract().jsonPath();
        // The rule names this test's industry only: exactly its two leads go from 40 to 100, the rest is the same.
        assertEquals(before.getLong("enteringPriority") + 2, after.getLong("enteringPriority"));
        assertEquals(before.getLong("enteringHighValue") + 2, after.getLong("enteringHighValue"));
        assertEquals(before.getLong("scoresChanged") + 2, after.getLong("scoresChanged"));
        assertEquals(before.getLong("openLeads"), after.getLong("openLeads"));

        admin().get("/api/v1/lead-scoring/policy").then().body("version", equalTo(version));
        for (String id : ids) {
            manager.request().get("/api/v1/leads/" + id).then().body("level", equalTo("STANDARD"));
        }
        candidate.put("activityWeight", 0.7);
        admin().body(candidate).post("/api/v1/lead-scoring/policy/preview").then().statusCode(400)
                .body("errors.field", hasItem("activityWeight"));
        Api.newUser(Role.MANAGER).request().body(unchanged).post("/api/v1/lead-scoring/policy/preview").then().statusCode(403);
    }
}
