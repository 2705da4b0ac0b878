package io.guanxi.crm.analytics;

import static io.guanxi.crm.analytics.AnalyticsTestData.backdate;
import static io.guanxi.crm.analytics.AnalyticsTestData.contactOf;
import static io.guanxi.crm.analytics.AnalyticsTestData.json;
import static io.guanxi.crm.analytics.AnalyticsTestData.lead;
import static io.guanxi.crm.analytics.AnalyticsTestData.period;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.guanxi.crm.lead.LeadReadModel;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The funnel's per day and per month rollups (V50, {@link LeadReadModel#FUNNEL_BY_DAY}, {@link LeadReadModel#FUNNEL_BY_MONTH}) after a random mix of lead writes through the
 * API (new leads, contact, qualify, convert, lose, hand over to the other rep with or without the customer, interactions
 * and purchases that make a converted lead's customer a repeat customer): its rows equal the same counts grouped from
 * the raw leads, and every funnel figure read from it (current and previous period, steps, sources, regions, reps, lost
 * reasons; whole months, a period of days, and days around whole months) equals its drill list, which reads the raw leads.
 */
@QuarkusTest
class FunnelRollupConsistencyTest {

    private static final List<String> SOURCES = List.of("WEBSITE", "REFERRAL", "TRADE_SHOW");
    private static final List<String> REGIONS = List.of("EAST", "NORTH");
    private static final List<String> REASONS = List.of("PRICE", "COMPETITOR", "NO_RESPONSE");

    @Inject
    EntityManager em;

    @Test
    void theRollupEqualsTheRawLeadsAndEveryFigureItsDrillAfterRandomWrites() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String why = "seed " + seed;
        TestUser first = Api.newUser(Role.SALES_REP);
        TestUser second = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        List<TestUser> reps = List.of(first, second);
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, String> owner = new HashMap<>();
        for (int op = 0; op < 45; op++) {
            int kind = random.nextInt(12);
            List<String> open = status.entrySet().stream().filter(e -> List.of("NEW", "CONTACTED", "QUALIFIED").contains(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            if (kind < 3 || status.size() < 4) {
                TestUser rep = reps.get(random.nextInt(2));
                String id = lead(rep, "漏斗" + op, SOURCES.get(random.nextInt(SOURCES.size())),
                        random.nextInt(3) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size())));
                // A day from January to March 2024; 16:10Z is the next day in Shanghai, so day ends are crossed.
                Instant created = Instant.parse("2024-0%d-%02dT%s".formatted(1 + random.nextInt(3), 1 + random.nextInt(28),
                        random.nextBoolean() ? "02:00:00Z" : "16:10:00Z"));
                backdate(em, id, created, Duration.ofHours(1));
                status.put(id, "NEW");
                owner.put(id, rep.id().toString());
            } else if (open.isEmpty()) {
                continue;
            } else {
                String id = open.get(random.nextInt(open.size()));
                String now = status.get(id);
                switch (kind) {
                    case 3, 4 -> {
                        if (now.equals("NEW")) {
                            move(manager, id, "CONTACTED", null);
                            status.put(id, "CONTACTED");
                        } else if (now.equals("CONTACTED")) {
                            move(manager, id, "QUALIFIED", null);
                            status.put(id, "QUALIFIED");
                        }
                    }
                    case 5 -> {
                        if (!now.equals("QUALIFIED")) {
                            move(manager, id, "QUALIFIED", null); // from NEW: a jump stamps the contact too
                            status.put(id, "QUALIFIED");
                        }
                    }
                    case 6, 7 -> {
                        if (!now.equals("QUALIFIED")) {
                            move(manager, id, "QUALIFIED", null);
                        }
                        manager.request().post("/api/v1/leads/" + id + "/convert").then().statusCode(200);
                        status.put(id, "CONVERTED");
                        int purchases = random.nextInt(3);
                        for (int i = 0; i < purchases; i++) {
                            purchase(manager, contactOf(manager, id), i);
                        }
                    }
                    case 8 -> {
                        move(manager, id, "LOST", REASONS.get(random.nextInt(REASONS.size())));
                        status.put(id, "LOST");
                    }
                    case 9 -> {
                        String to = owner.get(id).equals(first.id().toString()) ? second.id().toString() : first.id().toString();
                        if (random.nextBoolean()) {
                            manager.request().body(Map.of("ownerId", to)).post("/api/v1/leads/" + id + "/assign").then().statusCode(200);
                        } else {
                            manager.request().body(Map.of("leadIds", List.of(id), "ownerId", to, "reason", "交接"))
                                    .post("/api/v1/leads/reassign").then().statusCode(200);
                        }
                        owner.put(id, to);
                    }
                    default -> manager.request()
                            .body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "电话", "occurredAt", "2024-06-01T02:00:00Z"))
                            .post("/api/v1/contacts/" + contactOf(manager, id) + "/interactions").then().statusCode(201);
                }
            }
        }
        // Converted customers buying again later: repeat customers appear without any lead write.
        for (String id : status.keySet()) {
            if (status.get(id).equals("CONVERTED") && random.nextBoolean()) {
                purchase(manager, contactOf(manager, id), 5);
            }
        }

        List<UUID> ids = List.of(first.id(), second.id());
        List<String> rollup = rollup(ids);
        assertEquals(raw(ids), rollup, "rollup rows, " + why);
        assertFalse(rollup.isEmpty(), why);
        assertEquals(rows("""
                SELECT CAST(date_trunc('month', r.day) AS date) || ' ' || r.owner_id || ' ' || r.source_channel || ' ' || COALESCE(r.region, '-')
                       || ' ' || COALESCE(r.lost_reason_code, '-') || ' ' || r.contacted || ' ' || r.qualified || ' ' || r.converted || ' '
                       || r.lost || ' ' || sum(r.leads) AS row
                FROM %s AS r WHERE r.owner_id IN (:owners)
                GROUP BY CAST(date_trunc('month', r.day) AS date), r.owner_id, r.source_channel, r.region, r.lost_reason_code, r.contacted,
                         r.qualified, r.converted, r.lost ORDER BY 1""".formatted(LeadReadModel.FUNNEL_BY_DAY), ids), rows("""
                SELECT r.month || ' ' || r.owner_id || ' ' || r.source_channel || ' ' || COALESCE(r.region, '-') || ' '
                       || COALESCE(r.lost_reason_code, '-') || ' ' || r.contacted || ' ' || r.qualified || ' ' || r.converted || ' '
                       || r.lost || ' ' || r.leads AS row
                FROM %s AS r WHERE r.owner_id IN (:owners) ORDER BY 1""".formatted(LeadReadModel.FUNNEL_BY_MONTH), ids),
                "month rows = day rows summed per month, " + why);

        // period, its previous period
        List<String[]> periods = List.of(new String[] {"2024-02-01", "2024-03-31", "2023-12-01", "2024-01-31"},
                new String[] {"2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29"},
                new String[] {"2024-01-10", "2024-01-20", "2023-12-30", "2024-01-09"},
                new String[] {"2024-01-10", "2024-03-20", "2023-10-31", "2024-01-09"});
        for (TestUser rep : reps) {
            for (String[] p : periods) {
                String at = why + ", " + rep.id() + " " + p[0] + ".." + p[1];
                JsonPath report = json(period(manager, p[0], p[1]).queryParam("ownerId", rep.id().toString()).get("/api/v1/analytics/FUNNEL")
                        .then().statusCode(200).extract().asString());
                for (String card : List.of("leads", "contacted", "qualified", "converted", "repeat", "lost")) {
                    String code = "funnel." + card;
                    assertEquals(total(manager, rep, p[0], p[1], code, null), card(report, code, "value"), code + ", " + at);
                    assertEquals(total(manager, rep, p[2], p[3], code, null), card(report, code, "previous"), code + " (previous), " + at);
                }
                for (String step : List.of("LEADS", "CONTACTED", "QUALIFIED", "CONVERTED", "REPEAT")) {
                    assertEquals(total(manager, rep, p[0], p[1], "funnel.step", step), value(report, "funnel.steps", step, 0),
                            "step " + step + ", " + at);
                }
                for (String[] table : List.of(new String[] {"funnel.bySource", "source"}, new String[] {"funnel.byRegion", "region"},
                        new String[] {"funnel.byRep", "rep"})) {
                    List<Object> keys = report.getList("tables.find { it.code == '" + table[0] + "' }.rows.key");
                    long leads = 0;
                    for (Object key : keys) {
                        long rowLeads = value(report, table[0], key.toString(), 0);
                        leads += rowLeads;
                        assertEquals(total(manager, rep, p[0], p[1], "funnel." + table[1] + ".leads", key.toString()), rowLeads,
                                table[0] + " " + key + " leads, " + at);
                        assertEquals(total(manager, rep, p[0], p[1], "funnel." + table[1] + ".converted", key.toString()),
                                value(report, table[0], key.toString(), 1), table[0] + " " + key + " converted, " + at);
                    }
                    assertEquals(card(report, "funnel.leads", "value"), leads, table[0] + " adds up to the leads, " + at);
                }
                long lost = 0;
                for (Object key : report.getList("tables.find { it.code == 'funnel.lostReasons' }.rows.key")) {
                    long reason = value(report, "funnel.lostReasons", key.toString(), 0);
                    lost += reason;
                    assertEquals(total(manager, rep, p[0], p[1], "funnel.lostReason", key.toString()), reason, "lost " + key + ", " + at);
                }
                assertEquals(card(report, "funnel.lost", "value"), lost, "lost reasons add up, " + at);

                // The rep's own view and a region filter count the same rows as their drills.
                JsonPath own = json(period(rep, p[0], p[1]).get("/api/v1/analytics/FUNNEL").then().statusCode(200).extract().asString());
                assertEquals(card(report, "funnel.leads", "value"), card(own, "funnel.leads", "value"), "own book, " + at);
                assertEquals(card(report, "funnel.repeat", "value"), card(own, "funnel.repeat", "value"), "own book repeat, " + at);
                JsonPath east = json(period(manager, p[0], p[1]).queryParam("ownerId", rep.id().toString()).queryParam("region", "EAST")
                        .get("/api/v1/analytics/FUNNEL").then().statusCode(200).extract().asString());
                for (String card : List.of("leads", "contacted", "converted", "repeat", "lost")) {
                    String code = "funnel." + card;
                    long drilled = period(manager, p[0], p[1]).queryParam("ownerId", rep.id().toString()).queryParam("region", "EAST")
                            .queryParam("size", 1).get("/api/v1/analytics/FUNNEL/drill/" + code).then().statusCode(200).extract().jsonPath()
                            .getLong("total");
                    assertEquals(drilled, card(east, code, "value"), code + " in EAST, " + at);
                }
            }
        }
    }

    private static void move(TestUser user, String lead, String status, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("status", status));
        if (reason != null) {
            body.put("lostReason", reason);
        }
        String etag = user.request().get("/api/v1/leads/" + lead).then().statusCode(200).extract().header("ETag");
        user.request().header("If-Match", etag).body(body).post("/api/v1/leads/" + lead + "/move").then().statusCode(200);
    }

    private static void purchase(TestUser user, String contact, int day) {
        user.request().body(Map.of("contactId", contact, "amount", 300, "channel", "STORE", "occurredAt", "2024-05-%02dT02:00:00Z".formatted(1 + day)))
                .post("/api/v1/purchases").then().statusCode(201);
    }

    private static long card(JsonPath report, String code, String field) {
        Object value = report.get("cards.find { it.code == '" + code + "' }." + field);
        return new BigDecimal(String.valueOf(value)).longValueExact();
    }

    private static long value(JsonPath report, String table, String key, int column) {
        return new BigDecimal(String.valueOf(AnalyticsTestData.row(report, table, key).get(column))).longValueExact();
    }

    /** How many rows a figure's drill has (its total). */
    private static long total(TestUser manager, TestUser rep, String from, String to, String figure, String key) {
        var request = period(manager, from, to).queryParam("ownerId", rep.id().toString()).queryParam("size", 1);
        if (key != null) {
            request.queryParam("key", key);
        }
        return request.get("/api/v1/analytics/FUNNEL/drill/" + figure).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** The rollup's rows of these owners as comparable text. */
    private List<String> rollup(List<UUID> owners) {
        return rows("""
                SELECT r.day || ' ' || r.owner_id || ' ' || r.source_channel || ' ' || COALESCE(r.region, '-') || ' '
                       || COALESCE(r.lost_reason_code, '-') || ' ' || r.contacted || ' ' || r.qualified || ' ' || r.converted || ' '
                       || r.lost || ' ' || r.leads AS row
                FROM %s AS r WHERE r.owner_id IN (:owners) ORDER BY 1""".formatted(LeadReadModel.FUNNEL_BY_DAY), owners);
    }

    /** The same rows grouped from the raw leads: the day each was created in Shanghai and the steps it has reached now. */
    private List<String> raw(List<UUID> owners) {
        return rows("""
                SELECT d.day || ' ' || d.owner_id || ' ' || d.source_channel || ' ' || COALESCE(d.region, '-') || ' '
                       || COALESCE(d.lost_reason_code, '-') || ' ' || d.contacted || ' ' || d.qualified || ' ' || d.converted || ' '
                       || d.lost || ' ' || count(*) AS row
                FROM (SELECT CAST(l.created_at AT TIME ZONE 'Asia/Shanghai' AS date) AS day, l.owner_id, l.source_channel, l.region,
                             l.lost_reason_code, l.contacted_at IS NOT NULL OR l.first_interaction_at IS NOT NULL AS contacted,
                             l.qualified_at IS NOT NULL AS qualified, l.converted_at IS NOT NULL AS converted, l.status = 'LOST' AS lost
                      FROM %s AS l WHERE l.owner_id IN (:owners)) AS d
                GROUP BY d.day, d.owner_id, d.source_channel, d.region, d.lost_reason_code, d.contacted, d.qualified, d.converted, d.lost
                ORDER BY 1""".formatted(LeadReadModel.LEADS), owners);
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql, List<UUID> owners) {
        return new ArrayList<>(QuarkusTransaction.requiringNew()
                .call(() -> (List<String>) em.createNativeQuery(sql).setParameter("owners", owners).getResultList()));
    }
}
