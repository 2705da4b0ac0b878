package io.guanxi.crm.analytics;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The service figures on a hand-built book: one rep's customers with complaints whose clocks are set in February and
 * March 2024 (business time zone Asia/Shanghai, UTC+8: March is [02-29T16:00Z, 03-31T16:00Z)), every number worked
 * out by hand below.
 */
@QuarkusTest
class ServiceAnalyticsTest {

    private static final String BASE = "/api/v1/analytics/SERVICE";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    /** Numbers as the API writes them (0.2500, 96.00), not as floats. */
    private static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL);

    @Inject
    EntityManager em;

    private TestUser agent;

    /** A complaint's clock times (UTC); null where not done. */
    private record Clock(String received, String ackDue, String ack, String resolveDue, String resolved, String followUpDue,
            String followedUp, String closed) {
    }

    @Test
    void figuresOfAPastMonthWithThePreviousOneAndTheRowsBehindThem() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser otherRep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        agent = Api.newUser(Role.SERVICE_AGENT);
        String c1 = contact(rep);
        String c2 = contact(rep);
        String c3 = contact(rep);
        String c4 = contact(rep);

        // A (March): every deadline kept; closed, the customer answers the survey 4. Resolved in 10 h.
        closed(c1, "LOGISTICS", "HIGH", new Clock("2024-03-05T02:00:00Z", "2024-03-05T04:00:00Z", "2024-03-05T03:00:00Z",
                "2024-03-06T02:00:00Z", "2024-03-05T12:00:00Z", "2024-03-06T12:00:00Z", "2024-03-05T20:00:00Z", "2024-03-05T21:00:00Z"));
        answerSurvey(rep, c1, 4, "2024-03-07T02:00:00Z");
        // B (March): first response late, resolution late (due 03-11, resolved 03-12: 48 h); survey 2.
        closed(c2, "LOGISTICS", "MEDIUM", new Clock("2024-03-10T02:00:00Z", "2024-03-10T04:00:00Z", "2024-03-10T06:00:00Z",
                "2024-03-11T02:00:00Z", "2024-03-12T02:00:00Z", "2024-03-13T02:00:00Z", "2024-03-12T10:00:00Z", "2024-03-12T11:00:00Z"));
        answerSurvey(rep, c2, 2, "2024-03-13T02:00:00Z");
        // F (February): kept, resolved in 12 h; survey 5.
        closed(c3, "BILLING", "HIGH", new Clock("2024-02-10T02:00:00Z", "2024-02-10T04:00:00Z", "2024-02-10T02:30:00Z",
                "2024-02-11T02:00:00Z", "2024-02-10T14:00:00Z", "2024-02-11T14:00:00Z", "2024-02-11T00:00:00Z", "2024-02-11T01:00:00Z"));
        answerSurvey(rep, c3, 5, "2024-02-12T02:00:00Z");
        // C (March): nobody answered it: both deadlines (03-20, 03-21) passed while it stays open — overdue, two misses.
        String c = complaint(c4, "BILLING", "CRITICAL");
        clock(c, new Clock("2024-03-20T02:00:00Z", "2024-03-20T04:00:00Z", null, "2024-03-21T02:00:00Z", null, null, null, null));
        // D (March): acknowledged an hour late; resolution due 04-05, after March: open at the end of March, not overdue.
        String d = complaint(c4, "PRODUCT_QUALITY", "LOW");
        step(d, "acknowledge", Map.of("message", "收到"));
        clock(d, new Clock("2024-03-28T02:00:00Z", "2024-03-28T04:00:00Z", "2024-03-28T05:00:00Z", "2024-04-05T02:00:00Z", null, null,
                null, null));
        // E (received in February): resolution due 03-03 (March), kept on 03-02: 6 days = 144 h.
        followedUp(c4, "LOGISTICS", "LOW", new Clock("2024-02-25T02:00:00Z", "2024-02-25T04:00:00Z", "2024-02-25T03:00:00Z",
                "2024-03-03T02:00:00Z", "2024-03-02T02:00:00Z", "2024-03-03T02:00:00Z", "2024-03-02T10:00:00Z", null));
        // G (February): first response late; resolution due 02-21 missed, resolved 03-15: 24 days = 576 h.
        followedUp(c4, "SERVICE_ATTITUDE", "MEDIUM", new Clock("2024-02-20T02:00:00Z", "2024-02-20T04:00:00Z", "2024-02-20T08:00:00Z",
                "2024-02-21T02:00:00Z", "2024-03-15T02:00:00Z", "2024-03-16T02:00:00Z", "2024-03-15T10:00:00Z", null));
        // H (February): kept, resolved in 18 h; the follow-up call, due 02-16, made only on 03-01 (overdue at February's end).
        followedUp(c4, "PRODUCT_QUALITY", "MEDIUM", new Clock("2024-02-15T02:00:00Z", "2024-02-15T04:00:00Z", "2024-02-15T02:10:00Z",
                "2024-02-16T02:00:00Z", "2024-02-15T20:00:00Z", "2024-02-16T20:00:00Z", "2024-03-01T00:00:00Z", null));
        // I (February): kept, resolved in 72 h.
        followedUp(c4, "OTHER", "LOW", new Clock("2024-02-05T02:00:00Z", "2024-02-06T02:00:00Z", "2024-02-05T10:00:00Z",
                "2024-02-12T02:00:00Z", "2024-02-08T02:00:00Z", "2024-02-09T02:00:00Z", "2024-02-08T12:00:00Z", null));
        // X: another rep's customer's open, overdue March complaint — never in this rep's figures.
        String x = complaint(contact(otherRep), "BILLING", "HIGH");
        clock(x, new Clock("2024-03-15T02:00:00Z", "2024-03-15T04:00:00Z", null, "2024-03-16T02:00:00Z", null, null, null, null));

        Map<String, Object> march = Map.of("period", "CUSTOM", "from", "2024-03-01", "to", "2024-03-31");
        JsonPath report = report(rep, march, null);
        assertEquals("2024-02-01", report.getString("previousFrom"), "a whole month is compared with the month before");
        assertTrue(report.getBoolean("ownBook"));
        // Received: March A B C D = 4; February F E G H I = 5.
        assertCard(report, "service.received", "4", "5");
        // Open at March's end: C, D = 2; at February's end: E (followed up 03-02), G (03-15), H (03-01) = 3.
        assertCard(report, "service.open", "2", "3");
        // Overdue: C (first response due 03-20) = 1; at February's end G (resolution due 02-21) and H (follow-up due 02-16) = 2,
        // not E (resolution due 03-03).
        assertCard(report, "service.overdueOpen", "1", "2");
        // First response due in March: A kept; B, D late; C still open past due → 1 of 4. February: I F H E kept, G late → 4 of 5.
        assertCard(report, "service.firstResponseCompliance", "0.2500", "0.8000");
        // Resolution due in March: A, E kept; B late; C open past due → 2 of 4 (D due in April). February: I F H kept, G late → 3 of 4.
        assertCard(report, "service.resolutionCompliance", "0.5000", "0.7500");
        // Resolved in March: A 10, B 48, E 144, G 576 h → median (48 + 144) / 2 = 96. February: F 12, H 18, I 72 → 18.
        assertCard(report, "service.medianHoursToResolve", "96.00", "18.00");
        // Satisfaction answered in March: (4 + 2) / 2 = 3; February: 5.
        assertCard(report, "service.satisfactionAfterFollowUp", "3.00", "5.00");

        // By category: received in March, and resolutions due in March missed (B LOGISTICS, C BILLING; E kept).
        assertTable(report, "service.byCategory", Map.of("LOGISTICS", List.of("2", "1"), "PRODUCT_QUALITY", List.of("1", "0"),
                "SERVICE_ATTITUDE", List.of("0", "0"), "BILLING", List.of("1", "1"), "OTHER", List.of("0", "0")));
        assertTable(report, "service.bySeverity", Map.of("LOW", List.of("1", "0"), "MEDIUM", List.of("1", "1"), "HIGH", List.of("1", "0"),
                "CRITICAL", List.of("1", "1")));
        assertTable(report, "service.byMonth", Map.of("2024-03", List.of("4", "0.5000")));

        // The rows behind the numbers: as many as the number, the right ones.
        assertEquals(4, drill(rep, "service.received", null, march).getInt("total"));
        assertEquals(2, drill(rep, "service.open", null, march).getInt("total"));
        JsonPath overdue = drill(rep, "service.overdueOpen", null, march);
        assertEquals(List.of(c), overdue.getList("items.id"));
        assertEquals("service.ACKNOWLEDGE", overdue.getString("items[0].note"));
        assertEquals("2024-03-20T04:00:00Z", overdue.getString("items[0].at"), "at the due time that passed");
        assertEquals("COMPLAINT", overdue.getString("items[0].kind"));
        assertEquals(rep.id().toString(), overdue.getString("items[0].ownerId"));
        assertEquals(3, drill(rep, "service.firstResponseMissed", null, march).getInt("total"));
        JsonPath missed = drill(rep, "service.resolutionMissed", null, march);
        assertEquals(2, missed.getInt("total"));
        assertEquals(Set.of("service.LATE", "service.OVERDUE"), Set.copyOf(missed.getList("items.note")));
        assertEquals(List.of(c), drill(rep, "service.resolutionMissed", "BILLING", march).getList("items.id"));
        assertEquals(1, drill(rep, "service.resolutionMissed", "CRITICAL", march).getInt("total"));
        assertEquals(2, drill(rep, "service.received", "LOGISTICS", march).getInt("total"));
        assertEquals(4, drill(rep, "service.received", "2024-03", march).getInt("total"));
        JsonPath resolved = drill(rep, "service.resolved", null, march);
        assertEquals(List.of("576.00", "48.00", "10.00", "144.00"), strings(resolved.getList("items.amount")),
                "the hours each took, newest resolution first: G, B, A, E");
        JsonPath answers = drill(rep, "service.satisfactionAnswers", null, march);
        assertEquals(List.of("2", "4"), strings(answers.getList("items.amount")), "the scores, newest first: B's customer, A's");
        assertEquals("SURVEY_ANSWER", answers.getString("items[0].kind"));
        assertEquals(c2, answers.getString("items[0].contactId"));
        rep.request().queryParams(march).get(BASE + "/drill/service.nothing").then().statusCode(404);
        rep.request().queryParams(march).queryParam("key", "NOT_A_KEY").get(BASE + "/drill/service.received").then().statusCode(404);

        // A manager narrowed to the rep sees the same; narrowed to the other rep, only X.
        JsonPath managerView = report(manager, march, rep.id().toString());
        assertEquals(report.getList("cards"), managerView.getList("cards"));
        JsonPath others = report(manager, march, otherRep.id().toString());
        assertCard(others, "service.received", "1", "0");
        assertCard(others, "service.overdueOpen", "1", "0");
        // The rep asking for the other rep's book sees nothing of it.
        JsonPath peek = report(rep, march, otherRep.id().toString());
        assertCard(peek, "service.received", "0", "0");
        assertCard(peek, "service.overdueOpen", "0", "0");
        assertEquals(0, drill(rep, "service.overdueOpen", null, Map.of("period", "CUSTOM", "from", "2024-03-01", "to", "2024-03-31",
                "ownerId", otherRep.id().toString())).getInt("total"));

        // Two months: a row each; the February row's missed resolution is G.
        Map<String, Object> twoMonths = Map.of("period", "CUSTOM", "from", "2024-02-01", "to", "2024-03-31");
        JsonPath both = report(rep, twoMonths, null);
        assertTable(both, "service.byMonth", Map.of("2024-02", List.of("5", "0.7500"), "2024-03", List.of("4", "0.5000")));
        assertEquals(1, drill(rep, "service.resolutionMissed", "2024-02", twoMonths).getInt("total"));
        assertEquals(5, drill(rep, "service.received", "2024-02", twoMonths).getInt("total"));

        // Exports: the figures as CSV, the overdue complaints as XLSX.
        String csv = rep.request().queryParams(march).queryParam("format", "CSV").header("Accept-Language", "en").get(BASE + "/export")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("Overdue open complaints"), csv);
        byte[] xlsx = rep.request().queryParams(march).queryParam("format", "XLSX").get(BASE + "/drill/service.overdueOpen/export").then()
                .statusCode(200).extract().asByteArray();
        assertArrayEquals("PK".getBytes(), Arrays.copyOf(xlsx, 2));
    }

    @Test
    void inTheCurrentPeriodAnOpenComplaintCountsOnceItIsDue() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        agent = Api.newUser(Role.SERVICE_AGENT);
        String customer = contact(rep);
        // LOW: first response due in 24 h, resolution in 7 days — neither due yet, so neither counted.
        String notDue = complaint(customer, "OTHER", "LOW");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> period = Map.of("period", "CUSTOM", "from", today.minusDays(1).toString(), "to", today.plusDays(30).toString());
        JsonPath report = report(rep, period, null);
        assertCard(report, "service.received", "1", "0");
        assertCard(report, "service.open", "1", "0");
        assertCard(report, "service.overdueOpen", "0", "0");
        assertNull(card(report, "service.firstResponseCompliance").get("value"), "nothing due yet: no compliance to state");
        assertNull(card(report, "service.resolutionCompliance").get("value"));

        // Acknowledged before it is due: a kept deadline counts at once (1 of 1).
        step(notDue, "acknowledge", Map.of("message", "收到"));
        // Another whose first response came due a minute ago, unanswered: a miss now, and overdue.
        String overdue = complaint(customer, "OTHER", "LOW");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE complaint SET acknowledge_due_at = :due WHERE id = :id")
                .setParameter("due", Instant.now().minus(Duration.ofMinutes(1))).setParameter("id", UUID.fromString(overdue)).executeUpdate());
        report = report(rep, period, null);
        assertCard(report, "service.received", "2", "0");
        assertCard(report, "service.open", "2", "0");
        assertCard(report, "service.overdueOpen", "1", "0");
        assertEquals("0.5000", String.valueOf(card(report, "service.firstResponseCompliance").get("value")));
        assertEquals(List.of(overdue), drill(rep, "service.firstResponseMissed", null, period).getList("items.id"));
        assertEquals(List.of(overdue), drill(rep, "service.overdueOpen", null, period).getList("items.id"));
        // The same as the complaint board says.
        agent.request().get("/api/v1/complaints/" + overdue).then().body("sla.status", equalTo("OVERDUE"));
        agent.request().get("/api/v1/complaints/" + notDue).then().body("sla.status", not(equalTo("OVERDUE")));
    }

    private static String contact(TestUser owner) {
        return owner.request().body(aContact().with("marketingConsent", true).build()).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");
    }

    private String complaint(String contactId, String category, String severity) {
        return agent.request().body(Map.of("contactId", contactId, "channel", "HOTLINE", "category", category, "severity", severity,
                "description", "教材晚到", "assigneeId", agent.id().toString())).post("/api/v1/complaints").then().statusCode(201)
                .extract().path("id");
    }

    /** Followed up, its times in the past: set in the database, as the API stamps every step now. */
    private String followedUp(String contactId, String category, String severity, Clock times) {
        String id = complaint(contactId, category, severity);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE complaint SET state = 'FOLLOWED_UP' WHERE id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());
        clock(id, times);
        return id;
    }

    /** Followed up, then closed by the agent, which invites the customer to the satisfaction survey. */
    private String closed(String contactId, String category, String severity, Clock times) {
        String id = followedUp(contactId, category, severity, times);
        step(id, "close", null);
        clock(id, times);
        return id;
    }

    private void step(String id, String step, Map<String, Object> body) {
        String etag = agent.request().get("/api/v1/complaints/" + id).then().statusCode(200).extract().header("ETag");
        RequestSpecification request = agent.request().header("If-Match", etag);
        if (body != null) {
            request.body(body);
        }
        request.post("/api/v1/complaints/" + id + "/" + step).then().statusCode(200);
    }

    /** Sets the complaint's times; a null one is written as NULL. */
    private void clock(String id, Clock t) {
        Map<String, String> columns = new HashMap<>();
        columns.put("received_at", t.received());
        columns.put("acknowledge_due_at", t.ackDue());
        columns.put("acknowledged_at", t.ack());
        columns.put("resolve_due_at", t.resolveDue());
        columns.put("resolved_at", t.resolved());
        columns.put("follow_up_due_at", t.followUpDue());
        columns.put("followed_up_at", t.followedUp());
        columns.put("closed_at", t.closed());
        List<String> sets = new ArrayList<>();
        columns.forEach((column, value) -> sets.add(column + " = " + (value == null ? "NULL" : "CAST(:" + column + " AS timestamptz)")));
        QuarkusTransaction.requiringNew().run(() -> {
            var update = em.createNativeQuery("UPDATE complaint SET " + String.join(", ", sets) + " WHERE id = :id");
            columns.forEach((column, value) -> {
                if (value != null) {
                    update.setParameter(column, value);
                }
            });
            update.setParameter("id", UUID.fromString(id)).executeUpdate();
        });
    }

    /** The customer answers the survey the closed complaint sent, through their personal link; dated {@code at}. */
    private void answerSurvey(TestUser owner, String contactId, int score, String at) {
        JsonPath invitations = owner.request().get("/api/v1/contacts/" + contactId + "/survey-invitations").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("CSAT"), invitations.getList("template"));
        String link = invitations.getString("[0].link");
        int n = ADDRESSES.incrementAndGet();
        given().header("X-Forwarded-For", "10.78." + (n / 250 % 250) + "." + (n % 250 + 1)).contentType(ContentType.JSON)
                .body(Map.of("score", score)).post("/api/v1/public/survey-invitations/" + link.substring(link.lastIndexOf("/s/") + 3))
                .then().statusCode(204);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE survey_answer SET answered_at = CAST(:at AS timestamptz) WHERE contact_id = :contact").setParameter("at", at)
                .setParameter("contact", UUID.fromString(contactId)).executeUpdate());
    }

    private static JsonPath drill(TestUser who, String figure, String key, Map<String, Object> period) {
        RequestSpecification request = who.request().queryParams(period).queryParam("size", 200);
        if (key != null) {
            request.queryParam("key", key);
        }
        return request.get(BASE + "/drill/" + figure).then().statusCode(200).extract().jsonPath(DECIMALS);
    }

    private static JsonPath report(TestUser who, Map<String, Object> period, String ownerId) {
        RequestSpecification request = who.request().queryParams(period);
        if (ownerId != null) {
            request.queryParam("ownerId", ownerId);
        }
        return request.get(BASE).then().statusCode(200).extract().jsonPath(DECIMALS);
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> card(JsonPath report, String code) {
        return report.getMap("cards.find { it.code == '" + code + "' }");
    }

    private static void assertCard(JsonPath report, String code, String value, String previous) {
        Map<String, Object> card = card(report, code);
        assertEquals(value, String.valueOf(card.get("value")), code);
        assertEquals(previous, String.valueOf(card.get("previous")), code + " (previous period)");
    }

    private static void assertTable(JsonPath report, String code, Map<String, List<String>> expected) {
        List<Map<String, Object>> rows = report.getList("tables.find { it.code == '" + code + "' }.rows");
        Map<String, List<String>> actual = new HashMap<>();
        rows.forEach(r -> actual.put((String) r.get("key"), ((List<?>) r.get("values")).stream().map(String::valueOf).toList()));
        assertEquals(expected, actual, code);
    }
}
