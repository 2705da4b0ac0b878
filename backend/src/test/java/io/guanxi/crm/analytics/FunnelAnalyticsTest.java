package io.guanxi.crm.analytics;

import static io.guanxi.crm.analytics.AnalyticsTestData.assertCard;
import static io.guanxi.crm.analytics.AnalyticsTestData.assertRow;
import static io.guanxi.crm.analytics.AnalyticsTestData.backdate;
import static io.guanxi.crm.analytics.AnalyticsTestData.contactOf;
import static io.guanxi.crm.analytics.AnalyticsTestData.convert;
import static io.guanxi.crm.analytics.AnalyticsTestData.interaction;
import static io.guanxi.crm.analytics.AnalyticsTestData.json;
import static io.guanxi.crm.analytics.AnalyticsTestData.lead;
import static io.guanxi.crm.analytics.AnalyticsTestData.milestones;
import static io.guanxi.crm.analytics.AnalyticsTestData.move;
import static io.guanxi.crm.analytics.AnalyticsTestData.period;
import static io.guanxi.crm.analytics.AnalyticsTestData.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The cohort funnel on a hand-built book: one rep's leads created in March 2025 (Shanghai time), two in
 * February (the previous period) and one in April (outside), with the numbers worked out by hand.
 */
@QuarkusTest
class FunnelAnalyticsTest {

    private static final String FROM = "2025-03-01";
    private static final String TO = "2025-03-31";
    private static final Instant MARCH = Instant.parse("2025-03-10T02:00:00Z");

    @Inject
    EntityManager em;

    @Test
    void theCohortFunnelCountsEachStepBySourceRegionAndRepWithTheRowsBehindEachNumber() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);

        // March cohort (8 leads):
        // L1 NEW, its customer called the day BEFORE the lead came: not contacted.      WEBSITE  EAST
        String l1 = lead(rep, "甲一", "WEBSITE", "EAST");
        interaction(rep, contactOf(rep, l1), MARCH.minus(Duration.ofDays(1)));
        // L2 NEW, called after it came: contacted by the interaction.                   WEBSITE  EAST
        String l2 = lead(rep, "甲二", "WEBSITE", "EAST");
        interaction(rep, contactOf(rep, l2), MARCH.plus(Duration.ofHours(5)));
        // L3 CONTACTED.                                                                 REFERRAL NORTH
        String l3 = lead(rep, "甲三", "REFERRAL", "NORTH");
        move(rep, l3, "CONTACTED", null);
        // L4 jumps NEW -> QUALIFIED: contacted and qualified.                            REFERRAL NORTH
        String l4 = lead(rep, "甲四", "REFERRAL", "NORTH");
        move(rep, l4, "QUALIFIED", null);
        assertEquals(List.of(true, true, false, false), milestones(em, l4), "a jump to QUALIFIED stamps the contact too");
        // L5 converted; one purchase kept, one refunded in full: not a repeat customer.   REFERRAL (no region)
        String l5 = lead(rep, "甲五", "REFERRAL", null);
        convert(rep, l5);
        purchase(rep, contactOf(rep, l5), MARCH.plus(Duration.ofDays(5)));
        purchase(rep, contactOf(rep, l5), MARCH.plus(Duration.ofDays(6)));
        refundLatest(contactOf(rep, l5));
        // L6 converted, two purchases: a repeat customer.                               TRADE_SHOW EAST
        String l6 = lead(rep, "甲六", "TRADE_SHOW", "EAST");
        convert(rep, l6);
        assertEquals(List.of(true, true, true, false), milestones(em, l6));
        purchase(rep, contactOf(rep, l6), MARCH.plus(Duration.ofDays(5)));
        purchase(rep, contactOf(rep, l6), MARCH.plus(Duration.ofDays(30)));
        // L7 contacted, then lost on price.                                              WEBSITE  EAST
        String l7 = lead(rep, "甲七", "WEBSITE", "EAST");
        move(rep, l7, "CONTACTED", null);
        move(rep, l7, "LOST", "PRICE");
        // L8 lost without a contact (no response).                                       WEBSITE  EAST
        String l8 = lead(rep, "甲八", "WEBSITE", "EAST");
        move(rep, l8, "LOST", "NO_RESPONSE");
        assertEquals(List.of(false, false, false, true), milestones(em, l8));
        for (String lead : List.of(l1, l2, l3, l4, l5, l6, l7, l8)) {
            backdate(em, lead, MARCH, Duration.ofHours(2));
        }
        // February (previous period): P1 contacted, P2 new. April: outside both.
        String p1 = lead(rep, "乙一", "WEBSITE", "EAST");
        move(rep, p1, "CONTACTED", null);
        backdate(em, p1, Instant.parse("2025-02-10T02:00:00Z"), Duration.ofHours(1));
        backdate(em, lead(rep, "乙二", "WEBSITE", "EAST"), Instant.parse("2025-02-28T15:59:00Z"), Duration.ofHours(1));
        backdate(em, lead(rep, "丙一", "WEBSITE", "EAST"), Instant.parse("2025-03-31T16:00:00Z"), Duration.ofHours(1));

        JsonPath report = json(period(manager, FROM, TO).queryParam("ownerId", rep.id().toString()).get("/api/v1/analytics/FUNNEL")
                .then().statusCode(200).extract().asString());
        assertEquals("2025-02-01", report.getString("previousFrom"));
        // contacted L2 L3 L4 L5 L6 L7 = 6; qualified L4 L5 L6 = 3; converted L5 L6 = 2; repeat L6 = 1; lost L7 L8 = 2.
        assertCard(report, "funnel.leads", "8", "2");
        assertCard(report, "funnel.contacted", "6", "1");
        assertCard(report, "funnel.qualified", "3", "0");
        assertCard(report, "funnel.converted", "2", "0");
        assertCard(report, "funnel.repeat", "1", "0");
        assertCard(report, "funnel.conversionRate", "0.25", "0"); // 2 / 8; 0 / 2
        assertCard(report, "funnel.lost", "2", "0");
        // Each step: reached, share of the step before (6/8, 3/6, 2/3, 1/2), stopped before it (8-6, 6-3, 3-2, 2-1).
        assertRow(report, "funnel.steps", "LEADS", "8", null, null);
        assertRow(report, "funnel.steps", "CONTACTED", "6", "0.75", "2");
        assertRow(report, "funnel.steps", "QUALIFIED", "3", "0.5", "3");
        assertRow(report, "funnel.steps", "CONVERTED", "2", "0.6667", "1");
        assertRow(report, "funnel.steps", "REPEAT", "1", "0.5", "1");
        // Sources: WEBSITE L1 L2 L7 L8 (0 won); REFERRAL L3 L4 L5 (1 won, 1/3); TRADE_SHOW L6 (1 of 1). Most leads first.
        assertEquals(List.of("WEBSITE", "REFERRAL", "TRADE_SHOW"), report.getList("tables.find { it.code == 'funnel.bySource' }.rows.key"));
        assertRow(report, "funnel.bySource", "WEBSITE", "4", "0", "0");
        assertRow(report, "funnel.bySource", "REFERRAL", "3", "1", "0.3333");
        assertRow(report, "funnel.bySource", "TRADE_SHOW", "1", "1", "1");
        // Regions of the leads: EAST L1 L2 L6 L7 L8 (L6 won, 1/5); NORTH L3 L4; none: L5 (won).
        assertRow(report, "funnel.byRegion", "EAST", "5", "1", "0.2");
        assertRow(report, "funnel.byRegion", "NORTH", "2", "0", "0");
        assertRow(report, "funnel.byRegion", "NONE", "1", "1", "1");
        assertRow(report, "funnel.byRep", rep.id().toString(), "8", "2", "0.25");
        assertEquals("测试 " + rep.username(), report.getString("tables.find { it.code == 'funnel.byRep' }.rows[0].label"));
        assertEquals(List.of("NO_RESPONSE", "PRICE"), report.getList("tables.find { it.code == 'funnel.lostReasons' }.rows.key"));
        assertRow(report, "funnel.lostReasons", "PRICE", "1");
        assertEquals(List.of("funnel.step", "funnel.step", "funnel.dropOff"),
                report.getList("tables.find { it.code == 'funnel.steps' }.rows.find { it.key == 'QUALIFIED' }.drills"));

        // The rows behind the numbers: as many as the number, and the right leads.
        assertEquals(Set.of(l2, l3, l4, l5, l6, l7), drill(manager, rep, "funnel.contacted", null, 6));
        assertEquals(Set.of(l6), drill(manager, rep, "funnel.repeat", null, 1));
        assertEquals(Set.of(l3, l7, l2), drill(manager, rep, "funnel.dropOff", "QUALIFIED", 3));
        assertEquals(Set.of(l5), drill(manager, rep, "funnel.region.leads", "NONE", 1));
        assertEquals(Set.of(l5, l6), drill(manager, rep, "funnel.rep.converted", rep.id().toString(), 2));
        assertEquals(Set.of(l7), drill(manager, rep, "funnel.lostReason", "PRICE", 1));
        JsonPath row = period(manager, FROM, TO).queryParam("ownerId", rep.id()).get("/api/v1/analytics/FUNNEL/drill/funnel.repeat").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("LEAD", row.getString("items[0].kind"));
        assertEquals("甲六", row.getString("items[0].title"));
        assertEquals("2025-03-10T02:00:00Z", row.getString("items[0].at"));
        period(manager, FROM, TO).get("/api/v1/analytics/FUNNEL/drill/funnel.nothing").then().statusCode(404);
        period(manager, FROM, TO).queryParam("key", "SOMEWHERE").get("/api/v1/analytics/FUNNEL/drill/funnel.step").then().statusCode(400);

        // A region narrows to the leads' own region: EAST L1 L2 L6 L7 L8.
        JsonPath east = json(period(manager, FROM, TO).queryParam("ownerId", rep.id()).queryParam("region", "EAST")
                .get("/api/v1/analytics/FUNNEL").then().statusCode(200).extract().asString());
        assertCard(east, "funnel.leads", "5", "2");
        assertCard(east, "funnel.converted", "1", "0");

        // The rep sees the same of their own book; another rep asking for this rep's book sees nothing of it.
        JsonPath own = json(period(rep, FROM, TO).get("/api/v1/analytics/FUNNEL").then().statusCode(200).extract().asString());
        assertTrue(own.getBoolean("ownBook"));
        assertCard(own, "funnel.leads", "8", "2");
        TestUser other = Api.newUser(Role.SALES_REP);
        JsonPath nosy = json(period(other, FROM, TO).queryParam("ownerId", rep.id()).get("/api/v1/analytics/FUNNEL").then().statusCode(200)
                .extract().asString());
        assertCard(nosy, "funnel.leads", "0", "0");
        assertCard(nosy, "funnel.conversionRate", null, null);
        period(other, FROM, TO).queryParam("ownerId", rep.id()).get("/api/v1/analytics/FUNNEL/drill/funnel.leads").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));

        byte[] xlsx = period(manager, FROM, TO).queryParam("ownerId", rep.id()).queryParam("format", "XLSX")
                .get("/api/v1/analytics/FUNNEL/export").then().statusCode(200).extract().asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.US_ASCII));
        String csv = period(manager, FROM, TO).queryParam("ownerId", rep.id()).queryParam("format", "CSV").header("Accept-Language", "en")
                .get("/api/v1/analytics/FUNNEL/drill/funnel.lost/export").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("甲七") && csv.contains("甲八"), csv);
    }

    /** The ids of the rows behind a figure, checking the total is the number. */
    private static Set<String> drill(TestUser manager, TestUser rep, String figure, String key, int expected) {
        var request = period(manager, FROM, TO).queryParam("ownerId", rep.id());
        if (key != null) {
            request.queryParam("key", key);
        }
        JsonPath page = request.get("/api/v1/analytics/FUNNEL/drill/" + figure).then().statusCode(200).extract().jsonPath();
        assertEquals(expected, page.getInt("total"), figure + " " + key);
        return Set.copyOf(page.getList("items.id"));
    }

    private void refundLatest(String contact) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE purchase SET refunded_amount = amount
                WHERE id = (SELECT id FROM purchase WHERE contact_id = :contact ORDER BY occurred_at DESC LIMIT 1)""")
                .setParameter("contact", UUID.fromString(contact)).executeUpdate());
    }
}
