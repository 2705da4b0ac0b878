package io.guanxi.crm.platform.http;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 13, findings 9, 10 and 11: malformed, coerced or unbounded input is a 400 problem, never a 500. */
@QuarkusTest
class StrictInputTest {

    private static final String MARKER = "ZQXJ-marker-7731";
    private TestUser rep;

    @BeforeEach
    void newRep() {
        rep = Api.newUser(Role.SALES_REP);
    }

    private ValidatableResponse postContact(String json) {
        return rep.request().body(json).post("/api/v1/contacts").then();
    }

    private static ValidatableResponse fieldProblem(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem(field))
                .body(not(containsString(MARKER)));
    }

    @Test
    void aNulCharacterInAnyTextFieldIsRefusedNamingTheField() {
        fieldProblem(postContact("{\"name\": \"张伟\\u0000" + MARKER + "\", \"mobile\": \"" + Api.uniqueMobile() + "\"}"), "name");
        fieldProblem(postContact("{\"name\": \"张伟\", \"tags\": [\"ok\", \"a\\u0000" + MARKER + "\"]}"), "tags[1]");
        // The login too, password included (taken as typed, but never NUL).
        fieldProblem(given().contentType(ContentType.JSON).body("{\"username\": \"ad\\u0000min\", \"password\": \"x\"}")
                .post("/api/v1/auth/token").then(), "username");
        fieldProblem(given().contentType(ContentType.JSON).body("{\"username\": \"admin\", \"password\": \"x\\u0000" + MARKER + "\"}")
                .post("/api/v1/auth/token").then(), "password");
        // In the query string.
        rep.request().queryParam("q", "张\u0000伟").get("/api/v1/contacts").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
    }

    @Test
    void datesPostgresqlCannotStoreAreRefusedNamingTheField() {
        for (String birthday : List.of("-999999999-01-01", "+10000-01-01", "0000-12-31", "+999999999-12-31")) {
            fieldProblem(rep.request().body(aContact().with("birthday", birthday).build()).post("/api/v1/contacts").then(),
                    "birthday");
        }
        String contactId = rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");
        for (String when : List.of("-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z")) {
            fieldProblem(rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "occurredAt", when, "summary", "x"))
                    .post("/api/v1/contacts/" + contactId + "/interactions").then(), "occurredAt");
        }
        fieldProblem(rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "occurredAt", 1700000000, "summary", "x"))
                .post("/api/v1/contacts/" + contactId + "/interactions").then(), "occurredAt");
    }

    @Test
    void wrongJsonTypesAreRefusedNotCoerced() {
        String mobile = Api.uniqueMobile();
        fieldProblem(postContact("{\"name\": \"张伟\", \"region\": 1}"), "region");
        fieldProblem(postContact("{\"name\": \"张伟\", \"marketingConsent\": 1}"), "marketingConsent");
        fieldProblem(postContact("{\"name\": \"张伟\", \"marketingConsent\": \"true\"}"), "marketingConsent");
        fieldProblem(postContact("{\"name\": 12345, \"mobile\": \"" + mobile + "\"}"), "name");
        fieldProblem(postContact("{\"name\": true}"), "name");
        fieldProblem(postContact("{\"name\": \"张伟\", \"tags\": \"single\"}"), "tags");
        fieldProblem(postContact("{\"name\": \"张伟\", \"tags\": [1]}"), "tags[0]");
        fieldProblem(postContact("{\"name\": \"张伟\", \"ownerId\": 5}"), "ownerId");
        fieldProblem(postContact("{\"name\": \"张伟\", \"region\": \"\"}"), "region");
        // An enum is one of its names exactly: Jackson would trim these to EAST.
        fieldProblem(postContact("{\"name\": \"张伟\", \"region\": \" EAST \"}"), "region");
        fieldProblem(postContact("{\"name\": \"张伟\", \"region\": \"EAST\\u0000\"}"), "region");
        fieldProblem(postContact("{\"name\": \"张伟\", \"region\": \"east\"}"), "region");
        // Half of a surrogate pair is no text; a whole pair (an emoji) is.
        fieldProblem(postContact("{\"name\": \"\\ud800x\"}"), "name");
        postContact("{\"name\": \"张伟\\ud83d\\ude00\", \"mobile\": \"" + Api.uniqueMobile() + "\"}").statusCode(201)
                .body("name", equalTo("张伟😀"));

        TestUser manager = Api.newUser(Role.MANAGER);
        String contactId = rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");
        String adjustments = "/api/v1/loyalty/accounts/" + contactId + "/adjustments";
        fieldProblem(manager.request().body("{\"points\": 1.9, \"reason\": \"x\"}").post(adjustments).then(), "points");
        fieldProblem(manager.request().body("{\"points\": \"5\", \"reason\": \"x\"}").post(adjustments).then(), "points");
        fieldProblem(manager.request().body("{\"points\": 1e2, \"reason\": \"x\"}").post(adjustments).then(), "points");
        fieldProblem(rep.request().body("{\"contactId\": \"" + contactId + "\", \"amount\": \"100\", \"channel\": \"STORE\", "
                + "\"occurredAt\": \"2026-01-01T00:00:00Z\"}").post("/api/v1/purchases").then(), "amount");
        // Nothing was stored on the way.
        rep.request().get("/api/v1/loyalty/accounts/" + contactId).then().statusCode(200).body("balance", equalTo(0));
    }

    @Test
    void decimalsHaveTheDigitsTheirColumnsStore() {
        TestUser admin = Api.newUser(Role.ADMIN);
        String purchase = "{\"contactId\": \"" + UUID.randomUUID() + "\", \"channel\": \"STORE\", "
                + "\"occurredAt\": \"2026-01-01T00:00:00Z\", \"amount\": ";
        // Exponents that would overflow a comparison are refused while reading.
        fieldProblem(rep.request().body(purchase + "1e-999999999}").post("/api/v1/purchases").then(), "amount");
        fieldProblem(rep.request().body(purchase + "1e2147483647}").post("/api/v1/purchases").then(), "amount");
        fieldProblem(admin.request().body("{\"position\": 9, \"name\": \"r\", \"assigneeIds\": [\"" + rep.id()
                + "\"], \"strategy\": \"ROUND_ROBIN\", \"minScore\": 1e-999999999}").post("/api/v1/lead-assignment/rules").then(),
                "minScore");
        // 0.001 would be stored in numeric(5, 2) as 0, which the table refuses: a 400, not a failed commit.
        io.restassured.response.Response policy = admin.request().get("/api/v1/loyalty/policy");
        Map<String, Object> body = new java.util.HashMap<>(policy.jsonPath().getMap("$"));
        body.keySet().retainAll(java.util.Set.of("pointsPerCny", "silverMultiplier", "goldMultiplier", "platinumMultiplier",
                "pendingDays", "expiryMode", "expiryMonths", "referralBonus", "referralMinPurchase", "refundShortfall",
                "membersOnly", "pointValueCny", "expiringSoonDays"));
        body.put("silverMultiplier", new java.math.BigDecimal("0.001"));
        fieldProblem(admin.request().header("If-Match", policy.header("ETag")).body(body).put("/api/v1/loyalty/policy").then(),
                "silverMultiplier");
        admin.request().get("/api/v1/loyalty/policy").then().statusCode(200).header("ETag", equalTo(policy.header("ETag")));
    }

    @Test
    void flagsAndDatesInTheQueryAreStrictToo() {
        rep.request().queryParam("confirmDuplicate", "1").body(aContact().build()).post("/api/v1/contacts").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("confirmDuplicate"));
        rep.request().queryParam("archived", "yes").get("/api/v1/rewards").then().statusCode(400)
                .body("errors[0].field", equalTo("archived"));
        rep.request().queryParam("archived", "false").get("/api/v1/rewards").then().statusCode(200);
        rep.request().get("/api/v1/rewards").then().statusCode(200);
        TestUser manager = Api.newUser(Role.MANAGER);
        manager.request().queryParam("to", "+10000-01-01").get("/api/v1/complaints/stats").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        manager.request().queryParam("from", "-999999999-01-01").get("/api/v1/complaints/stats").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
    }

    @Test
    void duplicateKeysAndTrailingTokensAreMalformedJson() {
        postContact("{\"name\": \"张伟\", \"name\": \"李娜\"}").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:guanxi:problem:malformed-json")).body("errors[0].field", equalTo("name"));
        postContact("{\"name\": \"张伟\", \"tags\": [], \"tags\": []}").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("tags"));
        given().contentType(ContentType.JSON).body("{\"username\": \"a\", \"username\": \"b\", \"password\": \"x\"}")
                .post("/api/v1/auth/token").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("username"));
        TestUser manager = Api.newUser(Role.MANAGER);
        manager.request().body("{\"contactId\": \"" + java.util.UUID.randomUUID() + "\", \"channel\": \"HOTLINE\", \"category\": \"OTHER\", "
                        + "\"severity\": \"LOW\", \"description\": \"x\", \"description\": \"y\"}")
                .post("/api/v1/complaints").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("description"));
        postContact("{\"name\": \"张伟\"} {\"name\": \"" + MARKER + "\"}").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:guanxi:problem:malformed-json")).body(not(containsString(MARKER)));
        postContact("{\"name\": \"张伟\"} garbage").statusCode(400).contentType("application/problem+json");
        postContact("{\"name\": \"张伟\"}]").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOversizedPolicyIsRefusedQuicklyWithAShortAnswer() {
        StringBuilder entries = new StringBuilder("[");
        for (int i = 0; i < 3000; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"severity\": \"LOW\", \"acknowledgeMinutes\": -1, \"resolveMinutes\": -1, "
                    + "\"followUpMinutes\": -1, \"warnBeforeMinutes\": -1}");
        }
        String body = entries.append("]").toString();
        assertTrue(body.length() > 300_000, "a 300 kB body");
        TestUser admin = new TestUser(null, "admin", Api.adminToken());
        long started = System.nanoTime();
        String answer = admin.request().body(body).put("/api/v1/complaints/sla-policy").then().statusCode(400)
                .contentType("application/problem+json").body("errors", hasSize(lessThan(21)))
                .extract().asString();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 5_000, "answered in " + millis + " ms");
        assertTrue(answer.length() < 5_000, "a short answer: " + answer.length() + " characters");
    }

    @Test
    void validationErrorsAreCappedAndNeverEchoTheInput() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            tags.add(MARKER + "-" + "x".repeat(40) + i);
        }
        rep.request().body(aContact().with("tags", tags).with("hiddenNeeds", MARKER.repeat(300)).build()).post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(20)).body("errorCount", equalTo(502))
                .body(not(containsString(MARKER)));
    }

    @Test
    void anSlaPolicyWithMoreEntriesThanSeveritiesIsRefusedBeforeItsEntriesAreChecked() {
        TestUser admin = new TestUser(null, "admin", Api.adminToken());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(Map.of("severity", "LOW", "acknowledgeMinutes", 1, "resolveMinutes", 2, "followUpMinutes", 3,
                    "warnBeforeMinutes", 0));
        }
        admin.request().body(entries).put("/api/v1/complaints/sla-policy").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("entries"));
    }

    @Test
    void overlongUrisAndHeadersAreProblems() {
        rep.request().queryParam("q", "x".repeat(10_000)).get("/api/v1/contacts").then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414));
        rep.request().header("X-Padding", "x".repeat(30_000)).get("/api/v1/contacts").then().statusCode(431)
                .contentType("application/problem+json").body("status", equalTo(431));
        // A NUL in a path segment too (the ids are UUIDs; a NUL never reaches the database).
        rep.request().urlEncodingEnabled(false).get("/api/v1/contacts/ab%00cd").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("path"));
    }

}
