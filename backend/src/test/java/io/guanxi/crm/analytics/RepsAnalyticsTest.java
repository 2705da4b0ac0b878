package io.guanxi.crm.analytics;

import static io.guanxi.crm.analytics.AnalyticsTestData.assertCard;
import static io.guanxi.crm.analytics.AnalyticsTestData.assertRow;
import static io.guanxi.crm.analytics.AnalyticsTestData.backdate;
import static io.guanxi.crm.analytics.AnalyticsTestData.contactOf;
import static io.guanxi.crm.analytics.AnalyticsTestData.convert;
import static io.guanxi.crm.analytics.AnalyticsTestData.interaction;
import static io.guanxi.crm.analytics.AnalyticsTestData.json;
import static io.guanxi.crm.analytics.AnalyticsTestData.lead;
import static io.guanxi.crm.analytics.AnalyticsTestData.move;
import static io.guanxi.crm.analytics.AnalyticsTestData.period;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rep efficiency on a hand-built book: rep A's leads created in May 2025 (Shanghai time) with first
 * contacts at known hours, A's open leads and their interactions, A's activities due in May; April is the
 * previous period. Numbers worked out by hand.
 */
@QuarkusTest
class RepsAnalyticsTest {

    private static final String FROM = "2025-05-01";
    private static final String TO = "2025-05-31";
    private static final Instant MAY = Instant.parse("2025-05-10T02:00:00Z");
    private static final Instant APRIL = Instant.parse("2025-04-05T02:00:00Z");

    @Inject
    EntityManager em;

    @Test
    void eachRepsFollowUpSpeedWorkAndTimelinessWithTheUncontactedLeadsBehindTheRate() {
        TestUser a = Api.newUser(Role.SALES_REP);
        TestUser b = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);

        // A's May leads, first contact in hours after creation:
        String a1 = lead(a, "丁一", "WEBSITE", "EAST"); // CONTACTED at +2 h                        -> 2, within 24 h
        move(a, a1, "CONTACTED", null);
        backdate(em, a1, MAY, Duration.ofHours(2));
        String a2 = lead(a, "丁二", "WEBSITE", "EAST"); // still NEW, called at +10 h                -> 10, within
        backdate(em, a2, MAY, Duration.ofHours(1));
        interaction(a, contactOf(a, a2), MAY.plus(Duration.ofHours(10)));
        String a3 = lead(a, "丁三", "WEBSITE", "EAST"); // CONTACTED at +30 h, called at +40 h       -> 30, missed
        move(a, a3, "CONTACTED", null);
        backdate(em, a3, MAY, Duration.ofHours(30));
        interaction(a, contactOf(a, a3), MAY.plus(Duration.ofHours(40)));
        String a4 = lead(a, "丁四", "WEBSITE", "EAST"); // never contacted                           -> missed
        backdate(em, a4, MAY, Duration.ofHours(1));
        String a5 = lead(a, "丁五", "WEBSITE", "EAST"); // converted, contacted at +5 h              -> 5, within; converted
        convert(a, a5);
        backdate(em, a5, MAY, Duration.ofHours(5));
        String a6 = lead(a, "丁六", "WEBSITE", "EAST"); // CONTACTED at +20 h but called at +1 h      -> 1 (the earlier), within
        move(a, a6, "CONTACTED", null);
        backdate(em, a6, MAY, Duration.ofHours(20));
        interaction(a, contactOf(a, a6), MAY.plus(Duration.ofHours(1)));
        // April (the previous period): A0 open, first called on 20 May (1080 h later: missed); A7 lost on 8 April, never contacted.
        String a0 = lead(a, "丁零", "WEBSITE", "EAST");
        backdate(em, a0, APRIL, Duration.ofHours(1));
        interaction(a, contactOf(a, a0), Instant.parse("2025-05-20T02:00:00Z"));
        String a7 = lead(a, "丁七", "WEBSITE", "EAST");
        move(a, a7, "LOST", "PRICE");
        backdate(em, a7, APRIL, Duration.ofHours(1));
        // B's May lead, called within the hour: B's row, never A's.
        String b1 = lead(b, "戊一", "REFERRAL", "NORTH");
        backdate(em, b1, MAY, Duration.ofHours(1));
        interaction(b, contactOf(b, b1), MAY.plus(Duration.ofMinutes(30)));

        // A's activities due in May: on time, done late, still open (overdue), cancelled (not counted). April: one on time.
        String customer = contactOf(a, a1);
        String onTime = activity(a, customer, MAY.plus(Duration.ofDays(2)), "DONE", MAY.plus(Duration.ofDays(1)));
        String late = activity(a, customer, MAY.plus(Duration.ofDays(2)), "DONE", MAY.plus(Duration.ofDays(4)));
        String open = activity(a, customer, MAY.plus(Duration.ofDays(5)), "OPEN", null);
        activity(a, customer, MAY.plus(Duration.ofDays(6)), "CANCELLED", MAY.plus(Duration.ofDays(7)));
        activity(a, customer, APRIL.plus(Duration.ofDays(1)), "DONE", APRIL);

        JsonPath report = json(period(manager, FROM, TO).queryParam("ownerId", a.id()).get("/api/v1/analytics/REPS").then().statusCode(200)
                .extract().asString());
        // Hours to first contact 1, 2, 5, 10, 30: median 5; p90 at 0.9 × 4 = 3.6 -> 10 + 0.6 × (30 − 10) = 22. April: A0 only, 1080.
        assertCard(report, "reps.medianHoursToFirstContact", "5", "1080");
        // Within 24 h: A1 A2 A5 A6 of six (A3 and A4 missed) = 4 / 6. April: A0 and A7 missed = 0 / 2.
        assertCard(report, "reps.contactedWithin24h", "0.6667", "0");
        // Activities: 1 on time of 3 due (the cancelled one is not due); April 1 of 1.
        assertCard(report, "reps.activitiesOnTime", "0.3333", "1");
        assertEquals(List.of(a.id().toString()), report.getList("tables.find { it.code == 'reps.efficiency' }.rows.key"));
        // Open during May: A0-A6 (A5 converted in May, A7 lost in April is not) = 7 leads; May interactions on their
        // customers: A2, A3, A6, A0 one each = 4 -> 4 / 7 = 0.57. Converted 1 of 6 new leads.
        assertRow(report, "reps.efficiency", a.id().toString(), "6", "5", "22", "4", "0.6667", "0.57", "0.1667", "0.3333", "0");
        assertEquals("测试 " + a.username(), report.getString("tables.find { it.code == 'reps.efficiency' }.rows[0].label"));
        List<String> drills = report.getList("tables.find { it.code == 'reps.efficiency' }.rows[0].drills");
        assertEquals("reps.notContactedWithin24h", drills.get(4));

        // Done when: the manager clicks A's "contacted within 24 h" and lands on A's uncontacted leads, then exports them.
        JsonPath missed = period(manager, FROM, TO).queryParam("key", a.id()).get("/api/v1/analytics/REPS/drill/" + drills.get(4)).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(2, missed.getInt("total"));
        assertEquals(Set.of(a3, a4), Set.copyOf(missed.getList("items.id")));
        assertEquals(Set.of("丁三", "丁四"), Set.copyOf(missed.getList("items.title")));
        assertEquals(Set.of("LEAD"), Set.copyOf(missed.getList("items.kind")));
        assertEquals(a.id().toString(), missed.getString("items[0].ownerId"));
        assertEquals(MAY.toString(), missed.getString("items[0].at"));
        byte[] xlsx = period(manager, FROM, TO).queryParam("key", a.id()).queryParam("format", "XLSX")
                .get("/api/v1/analytics/REPS/drill/reps.notContactedWithin24h/export").then().statusCode(200).extract().asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.US_ASCII));
        assertEquals(4, drillTotal(manager, a, "reps.contactedWithin24h"));
        assertEquals(5, drillTotal(manager, a, "reps.contacted"));
        assertEquals(6, drillTotal(manager, a, "reps.newLeads"));
        assertEquals(1, drillTotal(manager, a, "reps.converted"));
        JsonPath lateRows = period(manager, FROM, TO).queryParam("key", a.id()).get("/api/v1/analytics/REPS/drill/reps.activitiesLate").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(Set.of(late, open), Set.copyOf(lateRows.getList("items.id")));
        assertEquals("ACTIVITY", lateRows.getString("items[0].kind"));
        assertEquals(false, lateRows.getList("items.id").contains(onTime));
        // The card's drill without a key: the same rows for A's book.
        period(manager, FROM, TO).queryParam("ownerId", a.id()).get("/api/v1/analytics/REPS/drill/reps.notContactedWithin24h").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(2));

        // A rep sees their own book; B asking for A's sees nothing of A's.
        JsonPath own = json(period(b, FROM, TO).get("/api/v1/analytics/REPS").then().statusCode(200).extract().asString());
        assertEquals(List.of(b.id().toString()), own.getList("tables.find { it.code == 'reps.efficiency' }.rows.key"));
        assertRow(own, "reps.efficiency", b.id().toString(), "1", "0.5", "0.5", "1", "1", "1", "0", null, "0");
        JsonPath nosy = json(period(b, FROM, TO).queryParam("ownerId", a.id()).get("/api/v1/analytics/REPS").then().statusCode(200)
                .extract().asString());
        assertCard(nosy, "reps.medianHoursToFirstContact", null, null);
        assertCard(nosy, "reps.contactedWithin24h", null, null);
        assertEquals(List.of(), nosy.getList("tables.find { it.code == 'reps.efficiency' }.rows"));
        period(b, FROM, TO).queryParam("key", a.id()).get("/api/v1/analytics/REPS/drill/reps.notContactedWithin24h").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));

        String csv = period(manager, FROM, TO).queryParam("ownerId", a.id()).queryParam("format", "CSV").header("Accept-Language", "en")
                .get("/api/v1/analytics/REPS/export").then().statusCode(200).extract().asString();
        assertEquals(true, csv.contains("测试 " + a.username()), csv);
    }

    private static int drillTotal(TestUser manager, TestUser rep, String figure) {
        return period(manager, FROM, TO).queryParam("key", rep.id()).get("/api/v1/analytics/REPS/drill/" + figure).then().statusCode(200)
                .extract().path("total");
    }

    /** An activity of the rep due at a time, in a state, done (or cancelled) at a time; written past the API's checks. */
    private String activity(TestUser rep, String contact, Instant due, String status, Instant closed) {
        String id = rep.request().body(Map.of("contactId", contact, "kind", "CALL", "dueAt", Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE activity SET due_at = :due, overdue_at = :due, status = :status,
                       completed_at = CASE WHEN :status = 'OPEN' THEN NULL ELSE CAST(:closed AS timestamptz) END
                WHERE id = :id""").setParameter("due", due).setParameter("status", status)
                .setParameter("closed", closed == null ? due : closed).setParameter("id", UUID.fromString(id)).executeUpdate());
        return id;
    }
}
