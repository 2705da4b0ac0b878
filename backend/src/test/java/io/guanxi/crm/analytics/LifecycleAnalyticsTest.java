package io.guanxi.crm.analytics;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle section on a hand-built book, and what every section shares: the previous period, a
 * rep's own book whatever they ask for, the rows behind a number, exports and refused parameters.
 *
 * <p>The book (Asia/Shanghai): A created 5 Mar 2024 as POTENTIAL, moved to AWARENESS on 10 Mar and to
 * PURCHASE on 2 Apr; B created 20 Mar as POTENTIAL; C created 15 Apr as AWARENESS. Asked for April 2024,
 * the previous period is March 2024.
 */
@QuarkusTest
class LifecycleAnalyticsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager em;

    private TestUser rep;
    private TestUser manager;
    private String a;
    private String b;
    private String c;

    @BeforeEach
    void book() {
        rep = Api.newUser(Role.SALES_REP);
        manager = Api.newUser(Role.MANAGER);
        a = customer("=A 客户", "POTENTIAL", at(2024, 3, 5));
        b = customer("B 客户", "POTENTIAL", at(2024, 3, 20));
        c = customer("C 客户", "AWARENESS", at(2024, 4, 15));
        move(a, "POTENTIAL", "AWARENESS", at(2024, 3, 10));
        move(a, "AWARENESS", "PURCHASE", at(2024, 4, 2));
    }

    @Test
    void countsCreationsMovesAndStagesAtTheEndOfThePeriodBesideThePreviousOne() {
        JsonPath report = april(manager.request().queryParam("ownerId", rep.id())).get("/api/v1/analytics/LIFECYCLE").then()
                .statusCode(200).body("from", equalTo("2024-04-01")).body("to", equalTo("2024-04-30"))
                .body("previousFrom", equalTo("2024-03-01")).body("previousTo", equalTo("2024-03-31")).body("ownBook", equalTo(false))
                .extract().jsonPath();
        // Created: C in April; A and B in March.
        assertCard(report, "lifecycle.newCustomers", 1, 2);
        // Moves (creations left out): A → PURCHASE in April, A → AWARENESS in March.
        assertCard(report, "lifecycle.moves", 1, 1);
        assertCard(report, "lifecycle.becameBuyers", 1, 0);
        assertCard(report, "lifecycle.churned", 0, 0);
        // End of April: A PURCHASE, B POTENTIAL, C AWARENESS. End of March: A AWARENESS (the stage its April move left), B POTENTIAL.
        assertEquals(List.of(1, 1), stageRow(report, "POTENTIAL"));
        assertEquals(List.of(1, 1), stageRow(report, "AWARENESS"));
        assertEquals(List.of(1, 0), stageRow(report, "PURCHASE"));
        assertEquals(List.of(0, 0), stageRow(report, "LOYALTY"));
        // The flow of April: C created into AWARENESS, A from AWARENESS to PURCHASE.
        assertEquals(1, report.getInt("tables.find { it.code == 'lifecycle.flow' }.rows.find { it.key == 'NEW' }.values[1]"));
        assertEquals(1, report.getInt("tables.find { it.code == 'lifecycle.flow' }.rows.find { it.key == 'AWARENESS' }.values[2]"));
        assertEquals(2, report.getList("tables.find { it.code == 'lifecycle.flow' }.rows.collect { it.values.sum() }", Integer.class)
                .stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theRowsBehindANumberAreAsManyAsTheNumberAndCarryTheFilters() {
        JsonPath inPurchase = april(manager.request().queryParam("ownerId", rep.id()).queryParam("key", "PURCHASE"))
                .get("/api/v1/analytics/LIFECYCLE/drill/lifecycle.inStage").then().statusCode(200).extract().jsonPath();
        assertEquals(1, inPurchase.getInt("total"));
        assertEquals(a, inPurchase.getString("items[0].id"));
        assertEquals("CONTACT", inPurchase.getString("items[0].kind"));
        assertEquals(rep.id().toString(), inPurchase.getString("items[0].ownerId"));
        JsonPath created = april(manager.request().queryParam("ownerId", rep.id()).queryParam("key", "NEW:AWARENESS"))
                .get("/api/v1/analytics/LIFECYCLE/drill/lifecycle.flow").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(c), created.getList("items.id"));
        april(manager.request().queryParam("ownerId", rep.id())).get("/api/v1/analytics/LIFECYCLE/drill/lifecycle.newCustomers")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].title", equalTo("C 客户"));
    }

    @Test
    void aRepSeesTheirOwnBookWhateverTheyAskFor() {
        april(rep.request()).get("/api/v1/analytics/LIFECYCLE").then().statusCode(200).body("ownBook", equalTo(true))
                .body("cards.find { it.code == 'lifecycle.newCustomers' }.value", equalTo(1));
        TestUser other = Api.newUser(Role.SALES_REP);
        april(other.request().queryParam("ownerId", rep.id())).get("/api/v1/analytics/LIFECYCLE").then().statusCode(200)
                .body("cards.find { it.code == 'lifecycle.newCustomers' }.value", equalTo(0))
                .body("cards.find { it.code == 'lifecycle.newCustomers' }.previous", equalTo(0));
        april(other.request().queryParam("ownerId", rep.id())).get("/api/v1/analytics/LIFECYCLE/drill/lifecycle.newCustomers").then()
                .statusCode(200).body("total", equalTo(0));
        Api.newUser(Role.INTEGRATOR).request().get("/api/v1/analytics/LIFECYCLE").then().statusCode(403);
    }

    @Test
    void filesCarryTheFiguresInTheReadersLanguageWithFormulasDefused() {
        byte[] xlsx = april(manager.request().queryParam("ownerId", rep.id()).queryParam("format", "XLSX"))
                .get("/api/v1/analytics/LIFECYCLE/export").then().statusCode(200)
                .header("Content-Disposition", containsString("analytics-lifecycle-2024-04-01_2024-04-30.xlsx")).extract().asByteArray();
        assertArrayEquals("PK".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(xlsx, 2));
        String zh = april(manager.request().queryParam("ownerId", rep.id()).queryParam("format", "CSV").queryParam("table", "lifecycle.stages"))
                .get("/api/v1/analytics/LIFECYCLE/export").then().statusCode(200).extract().asString();
        assertTrue(zh.startsWith("\uFEFF阶段,期末,上期末\r\n"), zh);
        assertTrue(zh.contains("购买期,1,0\r\n"), zh);
        String en = april(manager.request().header("Accept-Language", "en-US,en;q=0.9").queryParam("ownerId", rep.id())
                .queryParam("format", "CSV")).get("/api/v1/analytics/LIFECYCLE/export").then().statusCode(200).extract().asString();
        assertTrue(en.contains("New customers,1,2,count\r\n"), en);
        String rows = april(manager.request().queryParam("ownerId", rep.id()).queryParam("format", "CSV").queryParam("key", "PURCHASE"))
                .get("/api/v1/analytics/LIFECYCLE/drill/lifecycle.inStage/export").then().statusCode(200).extract().asString();
        assertTrue(rows.contains("\n客户,'=A 客户,"), rows);
    }

    @Test
    void refusesWhatItCannotAnswerWithAProblem() {
        manager.request().queryParam("period", "CUSTOM").queryParam("from", "2024-04-01").get("/api/v1/analytics/LIFECYCLE").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        manager.request().queryParam("period", "THIS_MONTH").queryParam("from", "2024-04-01").get("/api/v1/analytics/LIFECYCLE").then()
                .statusCode(400);
        april(manager.request()).queryParam("tier", "Z").get("/api/v1/analytics/LIFECYCLE").then().statusCode(400);
        april(manager.request()).queryParam("region", "MARS").get("/api/v1/analytics/LIFECYCLE").then().statusCode(400);
        manager.request().queryParam("period", "CUSTOM").queryParam("from", "2020-01-01").queryParam("to", "2026-01-01")
                .get("/api/v1/analytics/LIFECYCLE").then().statusCode(400);
        april(manager.request()).get("/api/v1/analytics/LIFECYCLE/drill/lifecycle.nothing").then().statusCode(404);
        april(manager.request()).queryParam("key", "PURCHASE';--").get("/api/v1/analytics/LIFECYCLE/drill/lifecycle.inStage").then()
                .statusCode(400);
        april(manager.request()).queryParam("key", "NOWHERE").get("/api/v1/analytics/LIFECYCLE/drill/lifecycle.inStage").then()
                .statusCode(404);
        april(manager.request()).queryParam("format", "CSV").queryParam("table", "nothing").get("/api/v1/analytics/LIFECYCLE/export")
                .then().statusCode(404);
    }

    private static RequestSpecification april(RequestSpecification request) {
        return request.queryParam("period", "CUSTOM").queryParam("from", "2024-04-01").queryParam("to", "2024-04-30");
    }

    private static void assertCard(JsonPath report, String code, int value, int previous) {
        assertEquals(value, report.getInt("cards.find { it.code == '" + code + "' }.value"), code);
        assertEquals(previous, report.getInt("cards.find { it.code == '" + code + "' }.previous"), code + " (previous)");
        assertEquals(code, report.getString("cards.find { it.code == '" + code + "' }.drill"));
    }

    private static List<Integer> stageRow(JsonPath report, String stage) {
        return report.getList("tables.find { it.code == 'lifecycle.stages' }.rows.find { it.key == '" + stage + "' }.values", Integer.class);
    }

    private static java.time.Instant at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 10, 0).atZone(ZONE).toInstant();
    }

    /** A customer of the rep, created through the API, then dated back with its creation in the history. */
    private String customer(String name, String stage, java.time.Instant created) {
        String id = rep.request().body(aContact().name(name).with("lifecycleStage", stage).build()).post("/api/v1/contacts").then()
                .statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE contact SET created_at = :at WHERE id = :id").setParameter("at", created)
                    .setParameter("id", UUID.fromString(id)).executeUpdate();
            em.createNativeQuery("UPDATE contact_stage_history SET changed_at = :at WHERE contact_id = :id").setParameter("at", created)
                    .setParameter("id", UUID.fromString(id)).executeUpdate();
        });
        return id;
    }

    /** A stage move at a past time, as the contact feature records it, and the stage it leaves the customer in. */
    private void move(String id, String from, String to, java.time.Instant when) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO contact_stage_history (contact_id, from_stage, to_stage, cause, changed_at)"
                    + " VALUES (:id, :from, :to, 'EDITED', :at)").setParameter("id", UUID.fromString(id)).setParameter("from", from)
                    .setParameter("to", to).setParameter("at", when).executeUpdate();
            em.createNativeQuery("UPDATE contact SET lifecycle_stage = :to WHERE id = :id").setParameter("to", to)
                    .setParameter("id", UUID.fromString(id)).executeUpdate();
        });
    }

}
