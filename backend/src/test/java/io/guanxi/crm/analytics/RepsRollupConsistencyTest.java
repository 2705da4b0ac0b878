package io.guanxi.crm.analytics;

import static io.guanxi.crm.analytics.AnalyticsTestData.backdate;
import static io.guanxi.crm.analytics.AnalyticsTestData.contact;
import static io.guanxi.crm.analytics.AnalyticsTestData.interaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.interaction.InteractionReadModel;
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
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The open work per lead owner × months rollup (V47, {@link LeadReadModel#OPEN_WORK_BY_MONTH}) after a random mix of
 * leads (some in a region), interactions, losses, conversions and handovers, written through the API (leads put in
 * the past as the other rep tests do): its rows equal the same counts computed from the raw leads and interactions,
 * and each rep's "interactions per open lead" equals the raw recomputation both for whole-month periods (read from the
 * rollup) and for a period of days (counted raw), while the lead figures of the same rows equal their drill lists.
 */
@QuarkusTest
class RepsRollupConsistencyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> REGIONS = List.of("EAST", "NORTH");

    @Inject
    EntityManager em;

    private final Map<String, TestUser> customerOwner = new LinkedHashMap<>();
    private final Map<String, TestUser> leadOwner = new LinkedHashMap<>();
    private final Map<String, Instant> leadCreated = new HashMap<>();
    private final List<String> openLeads = new ArrayList<>();

    @Test
    void theRollupAndTheOpenWorkFiguresEqualTheRawLeadsAndInteractionsAfterRandomWrites() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        TestUser first = Api.newUser(Role.SALES_REP);
        TestUser second = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        List<TestUser> reps = List.of(first, second);
        for (int i = 0; i < 6; i++) {
            TestUser rep = reps.get(i % 2);
            customerOwner.put(contact(rep, "工作量" + i), rep);
        }
        List<String> customers = new ArrayList<>(customerOwner.keySet());
        for (int op = 0; op < 50; op++) {
            int kind = random.nextInt(10);
            String customer = customers.get(random.nextInt(customers.size()));
            if (kind < 3 || openLeads.isEmpty()) {
                TestUser rep = customerOwner.get(customer);
                Map<String, Object> body = new HashMap<>(Map.of("contactId", customer, "sourceChannel", "WEBSITE"));
                if (random.nextBoolean()) {
                    body.put("region", REGIONS.get(random.nextInt(REGIONS.size())));
                }
                String lead = rep.request().body(body).post("/api/v1/leads").then().statusCode(201).extract().path("id");
                Instant created = at(random);
                backdate(em, lead, created, Duration.ofHours(1 + random.nextInt(60)));
                leadOwner.put(lead, rep);
                leadCreated.put(lead, created);
                openLeads.add(lead);
            } else if (kind < 7) {
                interaction(customerOwner.get(customer), customer, at(random));
            } else {
                String lead = openLeads.get(random.nextInt(openLeads.size()));
                TestUser owner = leadOwner.get(lead);
                if (kind == 7) {
                    AnalyticsTestData.move(manager, lead, "LOST", "PRICE");
                    openLeads.remove(lead);
                } else if (kind == 8) {
                    AnalyticsTestData.convert(manager, lead);
                    openLeads.remove(lead);
                } else {
                    TestUser to = owner == first ? second : first;
                    manager.request().body(Map.of("ownerId", to.id())).post("/api/v1/leads/" + lead + "/assign").then().statusCode(200);
                    leadOwner.put(lead, to);
                }
                // Closed three days after it was created (the stamps move into the past with the lead).
                backdate(em, lead, leadCreated.get(lead), Duration.ofHours(1 + random.nextInt(60)));
            }
        }
        String why = "seed " + seed;
        List<UUID> ids = List.of(first.id(), second.id());
        List<String> rollup = rollup(ids);
        assertEquals(raw(ids), rollup, "rollup rows, " + why);
        assertTrue(!rollup.isEmpty(), why);
        List<String[]> periods = List.of(new String[] {"2024-02-01", "2024-04-30", null}, new String[] {"2024-03-01", "2024-03-31", null},
                new String[] {"2024-01-01", "2024-06-30", null}, new String[] {"2024-01-01", "2024-06-30", "EAST"},
                new String[] {"2024-02-10", "2024-04-20", null}, new String[] {"2024-03-01", "2024-05-15", "NORTH"});
        for (TestUser rep : reps) {
            for (String[] period : periods) {
                String at = why + ", " + rep.id() + " " + String.join(" ", List.of(period[0], period[1], String.valueOf(period[2])));
                var asManager = AnalyticsTestData.period(manager, period[0], period[1]).queryParam("ownerId", rep.id());
                var asRep = AnalyticsTestData.period(rep, period[0], period[1]);
                if (period[2] != null) {
                    asManager.queryParam("region", period[2]);
                    asRep.queryParam("region", period[2]);
                }
                JsonPath report = AnalyticsTestData.json(asManager.get("/api/v1/analytics/REPS").then().statusCode(200).extract().asString());
                JsonPath ownReport = AnalyticsTestData.json(asRep.get("/api/v1/analytics/REPS").then().statusCode(200).extract().asString());
                List<Object> row = AnalyticsTestData.row(report, "reps.efficiency", rep.id().toString());
                assertEquals(row, AnalyticsTestData.row(ownReport, "reps.efficiency", rep.id().toString()), "the rep's own view, " + at);
                BigDecimal expected = rawPerOpenLead(rep.id(), LocalDate.parse(period[0]), LocalDate.parse(period[1]), period[2]);
                Object actual = row == null ? null : row.get(5);
                AnalyticsTestData.assertNumber(expected == null ? null : expected.toPlainString(), actual, "interactions per open lead, " + at);
                if (row != null) {
                    for (String[] figure : List.of(new String[] {"reps.newLeads", "0"}, new String[] {"reps.contactedWithin24h", "3"})) {
                        var drill = AnalyticsTestData.period(manager, period[0], period[1]).queryParam("ownerId", rep.id())
                                .queryParam("key", rep.id()).queryParam("size", 200);
                        if (period[2] != null) {
                            drill.queryParam("region", period[2]);
                        }
                        int total = drill.get("/api/v1/analytics/REPS/drill/" + figure[0]).then().statusCode(200).extract().path("total");
                        AnalyticsTestData.assertNumber(Integer.toString(total), row.get(Integer.parseInt(figure[1])), figure[0] + ", " + at);
                    }
                }
            }
        }
    }

    /** A time from January to June 2024; 16:10Z is the next day in Shanghai, so month ends are crossed. */
    private static Instant at(Random random) {
        return Instant.parse("2024-0%d-%02dT%s".formatted(1 + random.nextInt(6), 1 + random.nextInt(28),
                random.nextBoolean() ? "02:00:00Z" : "16:10:00Z"));
    }

    /** The rollup's rows of these owners, zero rows left out, as comparable text. */
    private List<String> rollup(List<UUID> ownerIds) {
        return rows("""
                SELECT r.owner_id || ' ' || COALESCE(r.region, '-') || ' ' || r.created_month || ' ' || r.closed_month || ' ' || r.month
                       || ' ' || r.leads || ' ' || r.interactions AS row
                FROM %s AS r WHERE r.owner_id IN (:owners) AND (r.leads <> 0 OR r.interactions <> 0) ORDER BY 1"""
                .formatted(LeadReadModel.OPEN_WORK_BY_MONTH), ownerIds);
    }

    /** The same rows counted from the raw leads and the interactions on their customers, months in Shanghai. */
    private List<String> raw(List<UUID> ownerIds) {
        return rows("""
                WITH l AS (
                    SELECT l.id, l.contact_id, l.owner_id, l.region,
                           CAST(date_trunc('month', l.created_at AT TIME ZONE 'Asia/Shanghai') AS date) AS created_month,
                           COALESCE(CAST(date_trunc('month', LEAST(l.converted_at, l.lost_at) AT TIME ZONE 'Asia/Shanghai') AS date),
                                    DATE 'infinity') AS closed_month
                    FROM %s AS l WHERE l.owner_id IN (:owners)),
                d AS (
                    SELECT l.owner_id, l.region, l.created_month, l.closed_month, DATE '-infinity' AS month, 1 AS leads, 0 AS interactions FROM l
                    UNION ALL
                    SELECT l.owner_id, l.region, l.created_month, l.closed_month,
                           CAST(date_trunc('month', i.occurred_at AT TIME ZONE 'Asia/Shanghai') AS date), 0, 1
                    FROM l JOIN %s AS i ON i.contact_id = l.contact_id)
                SELECT d.owner_id || ' ' || COALESCE(d.region, '-') || ' ' || d.created_month || ' ' || d.closed_month || ' ' || d.month
                       || ' ' || sum(d.leads) || ' ' || sum(d.interactions) AS row
                FROM d GROUP BY d.owner_id, d.region, d.created_month, d.closed_month, d.month ORDER BY 1"""
                .formatted(LeadReadModel.LEADS, InteractionReadModel.CONTACT_ACTIVITY), ownerIds);
    }

    /** Interactions in the period on the customers of the owner's leads open in it, per such lead; null without one. */
    private BigDecimal rawPerOpenLead(UUID owner, LocalDate from, LocalDate to, String region) {
        Instant start = from.atStartOfDay(SHANGHAI).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        Object[] counts = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT count(*), COALESCE(sum((SELECT count(*) FROM %s AS i
                                               WHERE i.contact_id = l.contact_id AND i.occurred_at >= :start AND i.occurred_at < :end)), 0)
                FROM %s AS l
                WHERE l.owner_id = :owner AND l.created_at < :end AND (l.converted_at IS NULL OR l.converted_at >= :start)
                  AND (l.lost_at IS NULL OR l.lost_at >= :start) AND (CAST(:region AS text) IS NULL OR l.region = CAST(:region AS text))"""
                .formatted(InteractionReadModel.CONTACT_ACTIVITY, LeadReadModel.LEADS)).setParameter("owner", owner)
                .setParameter("start", start).setParameter("end", end).setParameter("region", region).getSingleResult());
        long leads = ((Number) counts[0]).longValue();
        long interactions = ((Number) counts[1]).longValue();
        return leads == 0 ? null : BigDecimal.valueOf(interactions).divide(BigDecimal.valueOf(leads), 2, RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql, List<UUID> ownerIds) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql).setParameter("owners", ownerIds).getResultList());
    }
}
