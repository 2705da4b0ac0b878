package io.guanxi.crm.analytics;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.Policies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retention figures on a hand-built book of one fresh rep, in 2024 (past timestamps set by SQL where the
 * API stamps "now"): the expected numbers are worked out in the comments. Business time zone Asia/Shanghai.
 */
@QuarkusTest
class RetentionAnalyticsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String SECTION = "/api/v1/analytics/RETENTION";
    private static final Instant LONG_AGO = at("2023-06-01T10:00");

    @Inject
    EntityManager em;

    /**
     * The rep's book:
     * c1, c2, c3 customers since 2023, churned in March 2024 (PRICE, MOVED, cause unknown);
     * c4 (LOYALTY), c5 customers since 2023 who stay;
     * c6 joined 5 March and churned 28 March (QUALITY): churned in March, but not in March's base;
     * c7 joined 12 March and stays: not in March's base either;
     * c8 a prospect since 2023 who became a customer on 15 March: not in March's base;
     * c9 a customer since 2023 who churned in February (SERVICE);
     * c10 a customer since 2023, archived: in no base (as the churn review).
     * Base at 1 March: c1–c5 = 5; at 1 February: c1–c5 and c9 = 6.
     */
    @Test
    void churnWinBackNpsAndRiskOnAHandBuiltBook() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        String c1 = customer(rep, "PURCHASE", LONG_AGO);
        String c2 = customer(rep, "PURCHASE", LONG_AGO);
        String c3 = customer(rep, "PURCHASE", LONG_AGO);
        String c4 = customer(rep, "LOYALTY", LONG_AGO);
        String c5 = customer(rep, "PURCHASE", LONG_AGO);
        String c6 = customer(rep, "PURCHASE", at("2024-03-05T09:00"));
        String c7 = customer(rep, "PURCHASE", at("2024-03-12T09:00"));
        String c8 = customer(rep, "POTENTIAL", LONG_AGO);
        sql("UPDATE contact SET lifecycle_stage = 'PURCHASE' WHERE id = CAST(:id AS uuid)", Map.of("id", c8));
        sql("INSERT INTO contact_stage_history (contact_id, from_stage, to_stage, cause, changed_by, changed_at)"
                + " VALUES (CAST(:id AS uuid), 'POTENTIAL', 'PURCHASE', 'EDITED', CAST(:by AS uuid), :at)",
                Map.of("id", c8, "by", rep.id().toString(), "at", at("2024-03-15T11:00")));
        String c9 = customer(rep, "PURCHASE", LONG_AGO);
        String c10 = customer(rep, "PURCHASE", LONG_AGO);
        rep.request().delete("/api/v1/contacts/" + c10).then().statusCode(204);

        churn(rep, c1, "PRICE", at("2024-03-10T10:00"));
        churn(rep, c2, "MOVED", at("2024-03-20T10:00"));
        churn(rep, c3, null, at("2024-03-25T10:00"));
        churn(rep, c6, "QUALITY", at("2024-03-28T10:00"));
        churn(rep, c9, "SERVICE", at("2024-02-10T10:00"));

        // Another rep's customer who churned in March: never in this rep's figures.
        TestUser other = Api.newUser(Role.SALES_REP);
        churn(other, customer(other, "PURCHASE", LONG_AGO), "PRICE", at("2024-03-11T10:00"));

        // Win-back. Plan A started 5 March on c1, c2, c3: c1 bought 20 March, c2 10 April, c3 never; checked (frozen).
        // Plan B started 10 February on c9, still being done: c9 bought 2 March (measured live).
        String planA = plan(manager, List.of(c1, c2, c3), at("2024-03-05T10:00"));
        String planB = plan(manager, List.of(c9), at("2024-02-10T10:00"));
        sale(rep, c1, at("2024-03-20T15:00"));
        sale(rep, c2, at("2024-04-10T15:00"));
        sale(rep, c9, at("2024-03-02T15:00"));
        manager.request().header("If-Match", "\"1\"").post("/api/v1/winback-plans/" + planA + "/check").then().statusCode(200)
                .body("progress.wonBack", equalTo(2));
        manager.request().get("/api/v1/winback-plans/" + planB).then().statusCode(200).body("progress.wonBack", equalTo(1));

        // NPS answers. March: 10 (c4), 9 (c5), 9 (c8), 7 (c7), 2 (c1 at 23:30 on 31 March, still March in Shanghai).
        // February: 6 (c4), 10 (c5). April (outside): 10 (c2, ten minutes into 1 April).
        answer(c4, 10, at("2024-03-03T10:00"));
        answer(c5, 9, at("2024-03-04T10:00"));
        answer(c8, 9, at("2024-03-16T10:00"));
        answer(c7, 7, at("2024-03-18T10:00"));
        answer(c1, 2, at("2024-03-31T23:30"));
        answer(c4, 6, at("2024-02-15T10:00"));
        answer(c5, 10, at("2024-02-16T10:00"));
        answer(c2, 10, at("2024-04-01T00:10"));

        // Churn risk now (written last: purchases rescore a customer): HIGH c4 and c7, MEDIUM c5, LOW c8.
        sql("DELETE FROM churn_risk WHERE contact_id = ANY (CAST(:ids AS uuid[]))",
                Map.of("ids", new UUID[] {id(c1), id(c2), id(c3), id(c4), id(c5), id(c6), id(c7), id(c8), id(c9), id(c10)}));
        risk(c4, "HIGH", 80);
        risk(c7, "HIGH", 65);
        risk(c5, "MEDIUM", 40);
        risk(c8, "LOW", 10);

        Map<String, Object> march = period("2024-03-01", "2024-03-31", rep);
        JsonPath report = manager.request().queryParams(march).get(SECTION).then().statusCode(200).extract().jsonPath();
        assertEquals("2024-02-01", report.getString("previousFrom"));

        // Churned in March: c1, c2, c3, c6 = 4; February: c9 = 1.
        assertCard(report, "retention.churned", "4", "1");
        // Rate: 4 ÷ 5 (c6, c7 joined mid-month and c8 became a customer mid-month: not in the base of 5) = 0.8;
        // had the joiners counted, it would read 4 ÷ 8. February: 1 ÷ 6 = 0.1667.
        assertCard(report, "retention.churnRate", "0.8", "0.1667");
        // Abnormal of those with a known cause: PRICE, QUALITY of PRICE, MOVED, QUALITY = 2 ÷ 3; February SERVICE 1 ÷ 1.
        assertCard(report, "retention.abnormalShare", "0.6667", "1");
        // Won back in March: c1 (20 March, frozen by CHECK) and c9 (2 March, live) = 2; c2 came back in April. February: none.
        assertCard(report, "retention.wonBack", "2", "0");
        // Plans started in March: A with 3 targets, 2 won back (c1, c2) = 0.6667; February: B, 1 of 1.
        assertCard(report, "retention.winbackRate", "0.6667", "1");
        // March: promoters 3 (10, 9, 9), passive 1 (7), detractor 1 (2) of 5: 60 % − 20 % = 40.0.
        // February: 1 promoter, 1 detractor of 2: 0.0.
        assertCard(report, "retention.nps", "40", "0");
        assertCard(report, "retention.answers", "5", "2");
        assertCard(report, "retention.promoters", "3", "1");
        assertCard(report, "retention.passives", "1", "0");
        assertCard(report, "retention.detractors", "1", "1");
        // At high risk now: c4, c7; a stock of now, with no previous.
        assertCard(report, "retention.atRisk", "2", null);

        assertRow(report, "retention.churnByMonth", "2024-03", "4", "0.8");
        assertEquals(List.of("MOVED", "QUALITY", "PRICE"), report.getList("tables.find { it.code == 'retention.churnByCause' }.rows.key"));
        assertRow(report, "retention.churnByCause", "PRICE", "1");
        assertRow(report, "retention.churnByKind", "NORMAL", "1");
        assertRow(report, "retention.churnByKind", "ABNORMAL", "2");
        assertRow(report, "retention.churnByKind", "UNKNOWN", "1");
        assertRow(report, "retention.npsByMonth", "2024-03", "3", "1", "1", "40");
        assertRow(report, "retention.atRiskByLevel", "LOW", "1");
        assertRow(report, "retention.atRiskByLevel", "MEDIUM", "1");
        assertRow(report, "retention.atRiskByLevel", "HIGH", "2");
        assertEquals("STACKED_BAR", report.getString("tables.find { it.code == 'retention.npsByMonth' }.chart"));

        // The rows behind each count are as many as it says.
        assertDrill(manager, march, "retention.churned", null, 4);
        assertDrill(manager, march, "retention.abnormalShare", null, 2);
        assertDrill(manager, march, "retention.wonBack", null, 2);
        assertDrill(manager, march, "retention.winbackRate", null, 2);
        assertDrill(manager, march, "retention.answers", null, 5);
        assertDrill(manager, march, "retention.promoters", null, 3);
        assertDrill(manager, march, "retention.passives", null, 1);
        assertDrill(manager, march, "retention.detractors", null, 1);
        assertDrill(manager, march, "retention.atRisk", null, 2);

        // The same win-back results on the rep's row of the efficiency ranking, and behind it the same two customers.
        JsonPath reps = manager.request().queryParams(march).get("/api/v1/analytics/REPS").then().statusCode(200).extract().jsonPath();
        int wonBackColumn = reps.getList("tables.find { it.code == 'reps.efficiency' }.columns.code").indexOf("reps.wonBack");
        assertEquals("2", decimal(reps.get("tables.find { it.code == 'reps.efficiency' }.rows.find { it.key == '" + rep.id()
                + "' }.values[" + wonBackColumn + "]")));
        manager.request().queryParams(march).queryParam("key", rep.id().toString()).get("/api/v1/analytics/REPS/drill/reps.wonBack").then()
                .statusCode(200).body("total", equalTo(2));
        assertDrill(manager, march, "retention.churned", "2024-03", 4);
        assertDrill(manager, march, "retention.churned", "PRICE", 1);
        assertDrill(manager, march, "retention.churned", "UNKNOWN", 1);
        assertDrill(manager, march, "retention.churned", "ABNORMAL", 2);
        assertDrill(manager, march, "retention.promoters", "2024-03", 3);
        assertDrill(manager, march, "retention.atRisk", "LOW", 1);
        JsonPath churned = manager.request().queryParams(march).get(SECTION + "/drill/retention.churned").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("CHURN", churned.getString("items[0].kind"));
        // Newest first: c6 churned on 28 March for QUALITY.
        assertEquals(c6, churned.getString("items[0].contactId"));
        assertEquals("QUALITY", churned.getString("items[0].note"));
        assertEquals(rep.id().toString(), churned.getString("items[0].ownerId"));
        manager.request().queryParams(march).queryParam("key", "NOT_A_CAUSE").get(SECTION + "/drill/retention.churned").then().statusCode(400);
        manager.request().queryParams(march).get(SECTION + "/drill/retention.nothing").then().statusCode(404);

        // February and March together: 5 churned ÷ the 6 customers at 1 February = 0.8333 (the base is the period's start;
        // the months are in retention.churnByMonth, each against its own start).
        Map<String, Object> twoMonths = period("2024-02-01", "2024-03-31", rep);
        JsonPath both = manager.request().queryParams(twoMonths).get(SECTION).then().statusCode(200).extract().jsonPath();
        assertCard(both, "retention.churned", "5", "0");
        assertCard(both, "retention.churnRate", "0.8333", "0");
        assertRow(both, "retention.churnByMonth", "2024-02", "1", "0.1667");
        assertRow(both, "retention.churnByMonth", "2024-03", "4", "0.8");
        assertRow(both, "retention.npsByMonth", "2024-02", "1", "0", "1", "0");
        assertDrill(manager, twoMonths, "retention.churned", "2024-02", 1);
        assertDrill(manager, twoMonths, "retention.detractors", "2024-02", 1);

        // The rep sees the same of their own book without asking; asking for another rep's book, nothing.
        Map<String, Object> own = new HashMap<>(march);
        own.remove("ownerId");
        JsonPath repView = rep.request().queryParams(own).get(SECTION).then().statusCode(200).body("ownBook", equalTo(true)).extract().jsonPath();
        assertCard(repView, "retention.churned", "4", "1");
        assertCard(repView, "retention.churnRate", "0.8", "0.1667");
        Map<String, Object> othersBook = period("2024-03-01", "2024-03-31", other);
        JsonPath peek = rep.request().queryParams(othersBook).get(SECTION).then().statusCode(200).extract().jsonPath();
        assertCard(peek, "retention.churned", "0", "0");
        assertCard(peek, "retention.atRisk", "0", null);
        assertDrill(rep, othersBook, "retention.churned", null, 0);
        // The manager asking for the other rep sees that rep's one churn.
        assertCard(manager.request().queryParams(othersBook).get(SECTION).then().statusCode(200).extract().jsonPath(), "retention.churned", "1",
                "0");

        // Exports: the section as XLSX, the rows behind a figure as CSV.
        byte[] xlsx = manager.request().queryParams(march).queryParam("format", "XLSX").get(SECTION + "/export").then().statusCode(200)
                .extract().asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.US_ASCII));
        String csv = manager.request().header("Accept-Language", "en").queryParams(march).queryParam("format", "CSV")
                .get(SECTION + "/drill/retention.churned/export").then().statusCode(200).extract().asString();
        assertEquals(5, csv.strip().lines().count(), csv);
        assertTrue(csv.contains("Quality"), csv);

        // The team's March (no filter) against the churn review of March 2024, produced now from the same data:
        // the same churned and the same base, so the same rate.
        sql("DELETE FROM churn_review WHERE month = DATE '2024-03-01'", Map.of());
        JsonPath review = Policies.admin().request().body(Map.of("month", "2024-03")).post("/api/v1/churn/reviews").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> team = new HashMap<>(march);
        team.remove("ownerId");
        JsonPath teamMarch = manager.request().queryParams(team).get(SECTION).then().statusCode(200).extract().jsonPath();
        assertEquals(review.getInt("churned"), teamMarch.getInt("cards.find { it.code == 'retention.churned' }.value"));
        assertEquals(decimal(review.get("churnRate")), decimal(teamMarch.get("cards.find { it.code == 'retention.churnRate' }.value")),
                review.prettify());
    }

    // ---- helpers ----

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    private static UUID id(String id) {
        return UUID.fromString(id);
    }

    private static Map<String, Object> period(String from, String to, TestUser owner) {
        return new HashMap<>(Map.of("period", "CUSTOM", "from", from, "to", to, "ownerId", owner.id().toString()));
    }

    private void sql(String statement, Map<String, Object> params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            params.forEach(query::setParameter);
            query.executeUpdate();
        });
    }

    /** A contact of the rep in this stage, made (and moved to the stage) at {@code since}. */
    private String customer(TestUser rep, String stage, Instant since) {
        String id = rep.request().body(aContact().with("lifecycleStage", stage).build()).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");
        sql("UPDATE contact SET created_at = :at WHERE id = CAST(:id AS uuid)", Map.of("id", id, "at", since));
        sql("UPDATE contact_stage_history SET changed_at = :at WHERE contact_id = CAST(:id AS uuid)", Map.of("id", id, "at", since));
        return id;
    }

    /** Churned by hand through the API, then dated back (the churn and its lifecycle move). */
    private void churn(TestUser rep, String contactId, String cause, Instant when) {
        rep.request().body(cause == null ? Map.of() : Map.of("cause", cause)).post("/api/v1/contacts/" + contactId + "/churn").then()
                .statusCode(201);
        sql("UPDATE churn_record SET churned_at = :at, month = :month WHERE contact_id = CAST(:id AS uuid)",
                Map.of("id", contactId, "at", when, "month", LocalDate.ofInstant(when, ZONE).withDayOfMonth(1)));
        sql("UPDATE contact_stage_history SET changed_at = :at WHERE contact_id = CAST(:id AS uuid) AND cause = 'CHURN_HAND'",
                Map.of("id", contactId, "at", when));
    }

    private static void sale(TestUser rep, String contactId, Instant when) {
        rep.request().body(Map.of("contactId", contactId, "amount", 100, "channel", "STORE", "occurredAt", when.toString()))
                .post("/api/v1/purchases").then().statusCode(201);
    }

    /** A win-back plan on these customers, started through the API and dated back to {@code started}. */
    private String plan(TestUser manager, List<String> contactIds, Instant started) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", "挽回测试");
        plan.put("goalPercent", 50);
        plan.put("goalDays", 90);
        plan.put("actions", "逐一致电");
        plan.put("ownerId", manager.id().toString());
        plan.put("checkDate", LocalDate.now(ZONE).plusDays(30).toString());
        plan.put("contactIds", contactIds);
        String id = manager.request().body(plan).post("/api/v1/winback-plans").then().statusCode(201).extract().path("id");
        manager.request().header("If-Match", "\"0\"").post("/api/v1/winback-plans/" + id + "/start").then().statusCode(200);
        sql("UPDATE winback_plan SET started_at = :at WHERE id = CAST(:id AS uuid)", Map.of("id", id, "at", started));
        return id;
    }

    /** An NPS answer given at a past time (an invitation and its answer; the public link answers "now" only). */
    private void answer(String contactId, int score, Instant when) {
        UUID invitation = UUID.randomUUID();
        sql("INSERT INTO survey_invitation (id, token, contact_id, template, trigger, policy_version, created_at, expires_at)"
                + " VALUES (:id, :token, CAST(:contact AS uuid), 'NPS', 'MANUAL', 1, :created, :expires)",
                Map.of("id", invitation, "token", "retention-test-" + invitation, "contact", contactId, "created", when.minusSeconds(3600),
                        "expires", when.plusSeconds(86_400)));
        sql("INSERT INTO survey_answer (invitation_id, contact_id, template, score, answered_at)"
                + " VALUES (:id, CAST(:contact AS uuid), 'NPS', :score, :at)", Map.of("id", invitation, "contact", contactId, "score", score,
                "at", when));
    }

    private void risk(String contactId, String level, int score) {
        sql("""
                INSERT INTO churn_risk (contact_id, score, level, quiet, purchase_drop, complaint, detractor, level_down, expiring_points,
                                        usual_gap_days, usual_gap_default, recent_purchases, earlier_purchases, points_expiring,
                                        points_balance, policy_version, computed_at)
                VALUES (CAST(:id AS uuid), :score, :level, 0, 0, 0, 0, 0, 0, 30, true, 0, 0, 0, 0, 1, now())""",
                Map.of("id", contactId, "score", score, "level", level));
    }

    private static void assertCard(JsonPath report, String code, String value, String previous) {
        String card = "cards.find { it.code == '" + code + "' }";
        assertEquals(value, decimal(report.get(card + ".value")), code + " " + report.prettify());
        if (previous == null) {
            assertNull(report.get(card + ".previous"), code);
        } else {
            assertEquals(previous, decimal(report.get(card + ".previous")), code + " previous");
        }
    }

    private static void assertRow(JsonPath report, String table, String key, String... values) {
        List<Object> found = report.getList("tables.find { it.code == '" + table + "' }.rows.find { it.key == '" + key + "' }.values");
        assertEquals(List.of(values), found.stream().map(RetentionAnalyticsTest::decimal).toList(), table + " " + key);
    }

    private static void assertDrill(TestUser user, Map<String, Object> period, String figure, String key, int total) {
        var request = user.request().queryParams(period);
        if (key != null) {
            request.queryParam("key", key);
        }
        request.get(SECTION + "/drill/" + figure).then().statusCode(200).body("total", equalTo(total));
    }

    /** A JSON number as plain decimal text without trailing zeros ("0.8", "40", "1"). */
    private static String decimal(Object number) {
        return number == null ? null : new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
}
