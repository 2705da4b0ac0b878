package io.guanxi.crm.survey;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.MovableClock;
import io.guanxi.crm.support.Policies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SurveyTest {

    private static final String PUBLIC = "/api/v1/public/survey-invitations/";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Inject
    EntityManager em;

    @Inject
    MovableClock clock;

    private TestUser manager;

    @BeforeEach
    void users() {
        manager = Api.newUser(Role.MANAGER);
    }

    private static String contact(TestUser owner, String name, boolean consent) {
        return owner.request().body(aContact().name(name).with("marketingConsent", consent).build()).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private static Response invite(TestUser who, String contactId, String template) {
        return who.request().body(Map.of("template", template)).post("/api/v1/contacts/" + contactId + "/survey-invitations");
    }

    private static String tokenOf(String link) {
        return link.substring(link.lastIndexOf("/s/") + 3);
    }

    /** Each call from its own client address, as customers' phones are (the test profile trusts X-Forwarded-For). */
    private static io.restassured.specification.RequestSpecification customer() {
        int n = ADDRESSES.incrementAndGet();
        return given().header("X-Forwarded-For", "10.77." + (n / 250 % 250) + "." + (n % 250 + 1));
    }

    private static Response answer(String token, Object body) {
        return customer().contentType(ContentType.JSON).body(body).post(PUBLIC + token);
    }

    @Test
    void aCustomerAnswersOnceThroughTheLinkAndTheRepSeesIt() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String contactId = contact(rep, "Emma Li", true);
        JsonPath made = invite(rep, contactId, "NPS").then().statusCode(201).body("status", equalTo("OPEN"))
                .body("link", startsWith("http://localhost:8080/s/")).extract().jsonPath();
        String token = tokenOf(made.getString("link"));
        assertTrue(token.matches("[A-Za-z0-9_-]{32}"), token); // 192 bits, base64url

        // The public page learns the question, the first name and the company: nothing more.
        JsonPath survey = customer().get(PUBLIC + token).then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of("template", "scaleMin", "scaleMax", "commentMaxLength", "firstName", "companyName"),
                survey.getMap("").keySet());
        assertEquals("NPS", survey.getString("template"));
        assertEquals(0, survey.getInt("scaleMin"));
        assertEquals(10, survey.getInt("scaleMax"));
        assertEquals("Emma", survey.getString("firstName"));

        answer(token, Map.of("score", 11)).then().statusCode(400).body("errors.field", hasItem("score"));
        answer(token, Map.of("score", 9.5)).then().statusCode(400);
        answer(token, Map.of("score", 9, "comment", "x".repeat(1001))).then().statusCode(400);
        answer(token, Map.of("score", 9, "comment", "老师很负责")).then().statusCode(204);
        // A second answer, and reading a used link: closed, the same whether used or expired.
        answer(token, Map.of("score", 3)).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:guanxi:problem:survey-closed"));
        customer().get(PUBLIC + token).then().statusCode(410).body("type", equalTo("urn:guanxi:problem:survey-closed"));

        rep.request().get("/api/v1/contacts/" + contactId + "/survey-invitations").then().statusCode(200)
                .body("[0].status", equalTo("ANSWERED")).body("[0].score", equalTo(9)).body("[0].comment", equalTo("老师很负责"));
        // Another rep does not see the customer's surveys, nor may invite them.
        TestUser other = Api.newUser(Role.SALES_REP);
        other.request().get("/api/v1/contacts/" + contactId + "/survey-invitations").then().statusCode(404);
        invite(other, contactId, "NPS").then().statusCode(404);
    }

    @Test
    void aChineseNameIsNotCutIntoAFirstNameAndUnknownTokensTellNothing() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String token = tokenOf(invite(rep, contact(rep, "欧阳娜娜", true), "CSAT").then().statusCode(201).extract().path("link"));
        JsonPath survey = customer().get(PUBLIC + token).then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of("template", "scaleMin", "scaleMax", "commentMaxLength", "companyName"), survey.getMap("").keySet());
        assertEquals(1, survey.getInt("scaleMin"));
        assertEquals(5, survey.getInt("scaleMax"));
        answer(token, Map.of("score", 0)).then().statusCode(400);

        String unknown = "A".repeat(32);
        customer().get(PUBLIC + unknown).then().statusCode(404).contentType("application/problem+json");
        JsonPath notFound = answer(unknown, Map.of("score", 5)).then().statusCode(404).extract().jsonPath();
        // Only the request's own path (instance) holds the token: the detail does not echo it.
        assertTrue(!notFound.getString("detail").contains(unknown), "an error does not echo the token");
        customer().get(PUBLIC + "not a token").then().statusCode(404);
        // Nothing else under /api/v1/public is open, nor exists.
        customer().get("/api/v1/public/contacts").then().statusCode(404);
        // An oversized body is refused before it is read.
        customer().contentType(ContentType.JSON).body("{\"score\":5,\"comment\":\"" + "x".repeat(5000) + "\"}").post(PUBLIC + token)
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void oneInvitationPerCustomerPerPeriodAndOnlyWithConsent() throws Exception {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String noConsent = contact(rep, "王芳", false);
        invite(rep, noConsent, "NPS").then().statusCode(409).body("type", equalTo("urn:guanxi:problem:survey-no-consent"));

        String archived = contact(rep, "李娜", true);
        rep.request().delete("/api/v1/contacts/" + archived).then().statusCode(204);
        invite(manager, archived, "NPS").then().statusCode(409).body("type", equalTo("urn:guanxi:problem:survey-archived"));

        // Ten people invite the same customer at once: exactly one invitation.
        String contactId = contact(rep, "赵敏", true);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> invite(rep, contactId, "NPS").statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, rep.request().get("/api/v1/contacts/" + contactId + "/survey-invitations").then().extract().jsonPath()
                .getList("").size());
        invite(rep, contactId, "CSAT").then().statusCode(409).body("type", equalTo("urn:guanxi:problem:survey-too-soon"));

        // A purchase inside the period invites no one either; a purchase by a new consenting customer does.
        String buyer = contact(rep, "孙丽", true);
        String noConsentBuyer = contact(rep, "周杰", false);
        for (String c : List.of(contactId, buyer, noConsentBuyer)) {
            rep.request().body(Map.of("contactId", c, "amount", 100, "channel", "STORE",
                    "occurredAt", Instant.now().minusSeconds(60).toString())).post("/api/v1/purchases").then().statusCode(201);
        }
        assertEquals(1, history(rep, contactId).getList("").size());
        assertEquals(List.of("PURCHASE"), history(rep, buyer).getList("trigger"));
        assertEquals(List.of("NPS"), history(rep, buyer).getList("template"));
        assertEquals(List.of(), history(rep, noConsentBuyer).getList(""));

        // After the period the customer may be asked again.
        clock.advance(Duration.ofDays(91));
        try {
            invite(rep, contactId, "CSAT").then().statusCode(201);
        } finally {
            clock.reset();
        }
    }

    private static JsonPath history(TestUser who, String contactId) {
        return who.request().get("/api/v1/contacts/" + contactId + "/survey-invitations").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anInvitationExpires() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String contactId = contact(rep, "钱多多", true);
        String token = tokenOf(invite(rep, contactId, "NPS").then().statusCode(201).extract().path("link"));
        clock.advance(Duration.ofDays(14).plusMinutes(1));
        try {
            customer().get(PUBLIC + token).then().statusCode(410).body("type", equalTo("urn:guanxi:problem:survey-closed"));
            answer(token, Map.of("score", 10)).then().statusCode(409).body("type", equalTo("urn:guanxi:problem:survey-closed"));
            history(rep, contactId).getList("status").forEach(s -> assertEquals("EXPIRED", s));
        } finally {
            clock.reset();
        }
    }

    @Test
    void twoHundredConcurrentAnswersToOneHundredInvitationsRecordOneHundred() throws Exception {
        TestUser rep = Api.newUser(Role.SALES_REP);
        List<String> tokens = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String contactId = contact(rep, "并发客户" + i, true);
            contacts.add(contactId);
            tokens.add(tokenOf(invite(rep, contactId, "NPS").then().statusCode(201).extract().path("link")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String token : tokens) {
                    calls.add(() -> answer(token, Map.of("score", 10)).statusCode());
                }
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100, statuses.stream().filter(s -> s == 204).count(), statuses.toString());
        assertEquals(100, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        Object answers = em.createNativeQuery("SELECT count(*) FROM survey_answer a JOIN survey_invitation i ON i.id = a.invitation_id "
                + "WHERE i.contact_id IN (SELECT CAST(x AS uuid) FROM unnest(CAST(:ids AS text[])) x)")
                .setParameter("ids", contacts.toArray(String[]::new)).getSingleResult();
        assertEquals(100L, ((Number) answers).longValue());
    }

    @Test
    void tooManyRequestsAre429ProblemsWithRetryAfter() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String token = tokenOf(invite(rep, contact(rep, "Liu Yang", true), "NPS").then().statusCode(201).extract().path("link"));
        // Per token: 10 a minute (from different addresses), the 11th is refused.
        for (int i = 0; i < 10; i++) {
            customer().get(PUBLIC + token).then().statusCode(200);
        }
        customer().get(PUBLIC + token).then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:guanxi:problem:too-many-requests")).header("Retry-After", notNullValue());
        // Per address: 300 a minute in the test profile, whatever the tokens.
        String address = "10.99.0." + (ADDRESSES.incrementAndGet() % 250 + 1);
        int refused = 0;
        for (int i = 0; i < 301; i++) {
            int status = given().header("X-Forwarded-For", address).get(PUBLIC + UUID.randomUUID().toString().replace("-", "")).statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertEquals(1, refused);
    }

    @Test
    void theLimitIsSharedThroughTheDatabaseAsAnotherReplicaWouldCountIt() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String token = tokenOf(invite(rep, contact(rep, "Zhao Lei", true), "NPS").then().statusCode(201).extract().path("link"));
        customer().get(PUBLIC + token).then().statusCode(200);
        // Another replica counted nine more requests for this token within the window: the next one here is the 11th.
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, em.createNativeQuery(
                "UPDATE survey_rate_window SET requests = requests + 9 WHERE rate_key = :key")
                .setParameter("key", "token:" + token).executeUpdate()));
        customer().get(PUBLIC + token).then().statusCode(429).header("Retry-After", notNullValue());
        // A refused request counted too (it committed on its own before the 429 rolled the request back).
        Object counted = em.createNativeQuery("SELECT requests FROM survey_rate_window WHERE rate_key = :key")
                .setParameter("key", "token:" + token).getSingleResult();
        assertEquals(11, ((Number) counted).intValue());
        // A made-up token of any length is counted under a bounded key, never a 500.
        customer().get(PUBLIC + "x".repeat(3000)).then().statusCode(404);
    }

    @Test
    void aDetractorPutsACallBackOnTheOwnersListAndNpsCountsByRepAndTier() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        int[] scores = {10, 9, 9, 10, 8, 7, 7, 6, 0, 5};
        List<String> contactIds = new ArrayList<>();
        for (int score : scores) {
            String contactId = contact(rep, "评分客户" + score, true);
            contactIds.add(contactId);
            String token = tokenOf(invite(rep, contactId, "NPS").then().statusCode(201).extract().path("link"));
            answer(token, Map.of("score", score)).then().statusCode(204);
        }
        // The three detractors: a high-priority call-back for the owner, due today, with the score.
        JsonPath activities = rep.request().queryParam("size", 100).get("/api/v1/activities").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> callBacks = activities.getList("items.findAll { it.originRule == 'SURVEY_DETRACTOR' }");
        assertEquals(3, callBacks.size(), activities.prettify());
        assertEquals(Set.of("6", "0", "5"), Set.copyOf(callBacks.stream().map(a -> ((Map<?, ?>) a.get("originParams")).get("score")).toList()));

        // The rep's own figures: 4 promoters, 3 passives, 3 detractors → 10.
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonPath nps = rep.request().queryParam("from", month).queryParam("to", month).get("/api/v1/surveys/nps")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(10, nps.getInt("overall.answers"));
        assertEquals(10.0f, nps.getFloat("overall.nps"));
        assertEquals(List.of(rep.id().toString()), nps.getList("byOwner.key"));
        assertEquals(List.of("NONE"), nps.getList("byTier.key"));
        assertEquals(List.of(month), nps.getList("byMonth.key"));
        // A manager sees the rep among everyone's.
        JsonPath all = manager.request().get("/api/v1/surveys/nps").then().statusCode(200).extract().jsonPath();
        assertEquals(4, all.getInt("byOwner.find { it.key == '" + rep.id() + "' }.promoters"));
        assertNotNull(all.getString("byOwner.find { it.key == '" + rep.id() + "' }.label"));
        rep.request().queryParam("from", "2026-13").get("/api/v1/surveys/nps").then().statusCode(400);
        rep.request().queryParam("from", "2020-01").queryParam("to", "2026-01").get("/api/v1/surveys/nps").then().statusCode(400);
        rep.request().get("/api/v1/surveys/answers").then().statusCode(200).body("total", equalTo(10));
    }

    @Test
    void aClosedComplaintInvitesTheCustomerToACsatSurvey() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        String contactId = contact(rep, "投诉客户", true);
        String id = agent.request().body(Map.of("contactId", contactId, "channel", "HOTLINE", "category", "LOGISTICS",
                "severity", "LOW", "description", "教材晚到", "assigneeId", agent.id().toString()))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        step(agent, id, "acknowledge", Map.of("message", "理解"));
        step(agent, id, "cause", Map.of("apology", "抱歉", "cause", "LOGISTICS", "explanation", "物流延误"));
        step(agent, id, "solutions", Map.of("options", List.of("退款", "补发", "代金券")));
        step(agent, id, "resolve", Map.of("chosenOption", 2, "note", "补发"));
        step(agent, id, "follow-up", Map.of("satisfaction", 4));
        assertEquals(List.of(), history(rep, contactId).getList(""));
        step(agent, id, "close", null);
        JsonPath history = history(rep, contactId);
        assertEquals(List.of("COMPLAINT_CLOSED"), history.getList("trigger"));
        assertEquals(List.of("CSAT"), history.getList("template"));
    }

    private static void step(TestUser agent, String id, String step, Map<String, Object> body) {
        String etag = agent.request().get("/api/v1/complaints/" + id).then().statusCode(200).extract().header("ETag");
        var request = agent.request().header("If-Match", etag);
        if (body != null) {
            request.body(body);
        }
        request.post("/api/v1/complaints/" + id + "/" + step).then().statusCode(200);
    }

    @Test
    void aGatewayListsWhatToSendAndMarksItSentOnce() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser gateway = Api.newUser(Role.INTEGRATOR);
        String contactId = contact(rep, "网关客户", true);
        String id = invite(rep, contactId, "NPS").then().statusCode(201).extract().path("id");
        JsonPath pending = gateway.request().queryParam("size", 200).get("/api/v1/survey-invitations/pending").then().statusCode(200)
                .extract().jsonPath();
        int pages = (int) Math.ceil(pending.getLong("total") / 200.0);
        boolean found = false;
        for (int page = 0; page < Math.max(pages, 1) && !found; page++) {
            found = gateway.request().queryParam("size", 200).queryParam("page", page).get("/api/v1/survey-invitations/pending")
                    .then().extract().jsonPath().getList("items.id").contains(id);
        }
        assertTrue(found, "the new invitation waits for the gateway");
        Instant sentAt = Instant.parse(gateway.request().body(Map.of("channel", "SMS")).post("/api/v1/survey-invitations/" + id + "/sent")
                .then().statusCode(200).body("sentChannel", equalTo("SMS")).extract().path("sentAt"));
        // A retry changes nothing.
        gateway.request().body(Map.of("channel", "WECHAT")).post("/api/v1/survey-invitations/" + id + "/sent").then().statusCode(200)
                .body("sentChannel", equalTo("SMS")).body("sentAt", equalTo(sentAt.toString()));
        gateway.request().body(Map.of("channel", "SMS")).post("/api/v1/survey-invitations/" + UUID.randomUUID() + "/sent")
                .then().statusCode(404);
        gateway.request().body(Map.of("channel", 1)).post("/api/v1/survey-invitations/" + id + "/sent").then().statusCode(400);
    }

    @Test
    void thePolicyIsVersionedAndTheAdminTurnsTriggersOff() {
        TestUser admin = Policies.admin();
        String path = "/api/v1/surveys/policy";
        JsonPath before = admin.request().get(path).then().statusCode(200).extract().jsonPath();
        Map<String, Object> off = new HashMap<>(Map.of("expiryDays", 7, "minDaysBetween", 30, "triggers", List.of("PERIODIC"),
                "periodicMonths", 6, "complaintTemplate", "NPS", "purchaseTemplate", "CSAT"));
        admin.request().body(off).put(path).then().statusCode(428);
        admin.request().header("If-Match", "\"0\"").body(off).put(path).then().statusCode(412);
        manager.request().get(path).then().statusCode(200);
        Map<String, Object> restore = new HashMap<>(before.getMap(""));
        restore.keySet().retainAll(off.keySet());
        try {
            Policies.put(admin, path, off).then().statusCode(200).body("version", equalTo(before.getInt("version") + 1))
                    .body("triggers", equalTo(List.of("PERIODIC")));
            TestUser rep = Api.newUser(Role.SALES_REP);
            String buyer = contact(rep, "关闭触发", true);
            rep.request().body(Map.of("contactId", buyer, "amount", 50, "channel", "STORE",
                    "occurredAt", Instant.now().minusSeconds(60).toString())).post("/api/v1/purchases").then().statusCode(201);
            assertEquals(List.of(), history(rep, buyer).getList(""));
            // The periodic scan asks customers who have bought (the rep's buyer among them), a batch at a time, once.
            int runs = 0;
            while (admin.request().post("/api/v1/surveys/periodic-scan").then().statusCode(200).extract().jsonPath().getInt("invited") > 0) {
                assertTrue(++runs < 20, "the periodic scan never ends");
            }
            assertEquals(List.of("PERIODIC"), history(rep, buyer).getList("trigger"));
            assertEquals(List.of("NPS"), history(rep, buyer).getList("template"));
            admin.request().post("/api/v1/surveys/periodic-scan").then().statusCode(200).body("invited", equalTo(0));
        } finally {
            Policies.put(admin, path, restore).then().statusCode(200);
        }
    }
}
