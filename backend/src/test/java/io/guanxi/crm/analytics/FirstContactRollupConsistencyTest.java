package io.guanxi.crm.analytics;

import static io.guanxi.crm.analytics.AnalyticsTestData.backdate;
import static io.guanxi.crm.analytics.AnalyticsTestData.contact;
import static io.guanxi.crm.analytics.AnalyticsTestData.interaction;
import static io.guanxi.crm.analytics.AnalyticsTestData.lead;
import static io.guanxi.crm.analytics.AnalyticsTestData.move;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.lead.LeadReadModel;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Time to first contact from the leads per owner × month × whole minutes rollup (V58,
 * {@link LeadReadModel#FIRST_CONTACT_BY_MONTH}): after random lead writes through the API (new leads, first contacts at
 * any second, some before the creation or more than a week after, interactions, handovers one by one and in bulk, losses,
 * conversions, creation times moved, deletions) its rows equal the raw leads grouped, and each rep's new leads, median,
 * p90, contacted within 24 h and their rate equal one hand-written percentile_cont statement over the whole minutes, for
 * whole months (the rollup) and days or a region (the raw leads) alike, the counts equal to their drill lists; and on a
 * small hand-built book the figures worked out by hand, an open bucket (a week or more) falling back to the raw leads, and
 * the leads younger than a day not counted as missed.
 */
@QuarkusTest
class FirstContactRollupConsistencyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> REGIONS = List.of("EAST", "NORTH");

    @Inject
    EntityManager em;

    private final Map<String, TestUser> customerOwner = new LinkedHashMap<>();
    private final Map<String, TestUser> leadOwner = new LinkedHashMap<>();
    private final Map<String, String> leadCustomer = new HashMap<>();
    private final Map<String, Instant> leadCreated = new HashMap<>();
    private final List<String> openLeads = new ArrayList<>();
    private final Set<String> uncontacted = new HashSet<>();

    @Test
    void theRollupAndEveryRepsFirstContactFiguresEqualTheRawLeadsAfterRandomWrites() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        TestUser first = Api.newUser(Role.SALES_REP);
        TestUser second = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        List<TestUser> reps = List.of(first, second);
        for (int i = 0; i < 8; i++) {
            TestUser rep = reps.get(i % 2);
            customerOwner.put(contact(rep, "首联" + i), rep);
        }
        List<String> customers = new ArrayList<>(customerOwner.keySet());
        for (int op = 0; op < 70; op++) {
            int kind = random.nextInt(14);
            String customer = customers.get(random.nextInt(customers.size()));
            if (kind < 4 || openLeads.isEmpty()) {
                TestUser rep = customerOwner.get(customer);
                Map<String, Object> body = new HashMap<>(Map.of("contactId", customer, "sourceChannel", "WEBSITE"));
                if (random.nextBoolean()) {
                    body.put("region", REGIONS.get(random.nextInt(REGIONS.size())));
                }
                String lead = rep.request().body(body).post("/api/v1/leads").then().statusCode(201).extract().path("id");
                Instant created = at(random);
                backdate(em, lead, created, Duration.ofHours(1));
                leadOwner.put(lead, rep);
                leadCustomer.put(lead, customer);
                leadCreated.put(lead, created);
                openLeads.add(lead);
                uncontacted.add(lead);
            } else if (kind < 7) {
                // A first contact at any second: mostly within a few days, some before the creation or after a week.
                List<String> candidates = openLeads.stream().filter(uncontacted::contains).toList();
                if (candidates.isEmpty()) {
                    continue;
                }
                String lead = candidates.get(random.nextInt(candidates.size()));
                move(manager, lead, "CONTACTED", null);
                backdate(em, lead, leadCreated.get(lead), delay(random));
                uncontacted.remove(lead);
            } else if (kind < 9) {
                interaction(customerOwner.get(customer), customer, at(random));
            } else {
                String lead = openLeads.get(random.nextInt(openLeads.size()));
                TestUser owner = leadOwner.get(lead);
                TestUser to = owner == first ? second : first;
                switch (kind) {
                    case 9 -> {
                        AnalyticsTestData.move(manager, lead, "LOST", "PRICE");
                        openLeads.remove(lead);
                    }
                    case 10 -> {
                        AnalyticsTestData.convert(manager, lead);
                        openLeads.remove(lead);
                        uncontacted.remove(lead);
                    }
                    case 11 -> {
                        manager.request().body(Map.of("ownerId", to.id())).post("/api/v1/leads/" + lead + "/assign").then().statusCode(200);
                        leadOwner.put(lead, to);
                    }
                    case 12 -> {
                        // A bulk handover: several leads (and their customers' other open leads) in one statement.
                        List<String> some = openLeads.subList(0, Math.min(openLeads.size(), 1 + random.nextInt(4)));
                        List<Map<String, Object>> moved = manager.request()
                                .body(Map.of("leadIds", some, "ownerId", to.id(), "reason", "休假交接")).post("/api/v1/leads/reassign").then()
                                .statusCode(200).extract().path("");
                        // Their customers go to the new owner, and those customers' other open leads with them.
                        Set<String> handed = new HashSet<>();
                        moved.forEach(m -> handed.add((String) m.get("contactId")));
                        handed.forEach(h -> customerOwner.put(h, to));
                        openLeads.stream().filter(l -> handed.contains(leadCustomer.get(l))).forEach(l -> leadOwner.put(l, to));
                    }
                    default -> {
                        // Deleted (written past the API, as a privacy erasure or a cleanup would): its counts go.
                        delete(lead);
                        openLeads.remove(lead);
                        leadOwner.remove(lead);
                        continue;
                    }
                }
                // Created at another time now and then: the lead moves month and its minutes change.
                Instant created = random.nextInt(4) == 0 ? at(random) : leadCreated.get(lead);
                leadCreated.put(lead, created);
                backdate(em, lead, created, uncontacted.contains(lead) ? Duration.ofHours(1) : delay(random));
            }
        }
        String why = "seed " + seed;
        List<UUID> ids = List.of(first.id(), second.id());
        List<String> rollup = rollup(ids);
        assertEquals(raw(ids), rollup, "rollup rows, " + why);
        assertTrue(!rollup.isEmpty(), why);
        List<String[]> periods = List.of(new String[] {"2024-01-01", "2024-06-30", null}, new String[] {"2024-02-01", "2024-03-31", null},
                new String[] {"2024-03-01", "2024-03-31", null}, new String[] {"2024-05-01", "2024-05-31", null},
                new String[] {"2024-02-10", "2024-04-20", null}, new String[] {"2024-01-01", "2024-06-30", "EAST"});
        for (TestUser rep : reps) {
            for (String[] period : periods) {
                String at = why + ", " + rep.id() + " " + String.join(" ", List.of(period[0], period[1], String.valueOf(period[2])));
                assertFigures(manager, rep, period[0], period[1], period[2], expected(rep.id(), period[0], period[1], period[2]), at);
            }
        }
    }

    @Test
    void medianAndP90OfAHandBuiltBookAreThoseOfTheWholeMinutesWorkedOutByHand() {
        TestUser a = Api.newUser(Role.SALES_REP);
        TestUser b = Api.newUser(Role.SALES_REP);
        TestUser c = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        Instant march = Instant.parse("2023-03-10T02:00:00Z");
        // A: first contacts after -5:00, 5:30, 10:00, 59:59, 2:00:01, 24:00:30 and 24:01:00 (min:s), one never:
        // whole minutes -5, 5, 10, 59, 120, 1440, 1441 (7 contacted, ranks 0-6).
        for (long seconds : new long[] {-300, 330, 600, 3599, 7201, 86430, 86460}) {
            contacted(a, march, Duration.ofSeconds(seconds));
        }
        backdate(em, lead(a, "手算八", "WEBSITE", "EAST"), march, Duration.ofHours(1));
        // Median: rank 0.5 × 6 = 3 -> 59 min = 0.98 h. P90: rank 0.9 × 6 = 5.4 -> 1440 + 0.4 × (1441 − 1440) = 1440.4 min
        // = 24.01 h. Within 24 h (at most 1 440 whole minutes): the first six; missed: 1441 and the one never contacted.
        Expected handA = new Expected(8, "0.98", "24.01", 6, 2, 7);
        assertFigures(manager, a, "2023-03-01", "2023-03-31", null, handA, "A, the month (rollup)");
        assertFigures(manager, a, "2023-03-02", "2023-03-20", null, handA, "A, days (raw)");

        // B: 1, 2, 11 520 (8 days) and 12 960 (9 days) minutes: both percentiles need a value of the open bucket "a week or
        // more", so the month is read from the raw leads. Median: rank 1.5 -> 2 + 0.5 × (11 520 − 2) = 5 761 min = 96.02 h;
        // p90: rank 2.7 -> 11 520 + 0.7 × 1 440 = 12 528 min = 208.80 h.
        for (long minutes : new long[] {1, 2, 11520, 12960}) {
            contacted(b, march, Duration.ofMinutes(minutes));
        }
        Expected handB = new Expected(4, "96.02", "208.80", 2, 2, 4);
        assertFigures(manager, b, "2023-03-01", "2023-03-31", null, handB, "B, the month (open bucket: raw)");
        assertFigures(manager, b, "2023-03-02", "2023-03-20", null, handB, "B, days (raw)");

        // C, now: one lead just created and not contacted (its first 24 h are not over: neither within nor missed), one
        // contacted at once (0 min), one created 2 days ago never contacted (missed), one created 30 h ago and contacted
        // 25 h after (1 500 min: missed). Median (0, 1 500) = 750 min = 12.50 h; p90 = 1 350 min = 22.50 h.
        Instant now = Instant.now();
        lead(c, "刚来", "WEBSITE", "EAST");
        String atOnce = lead(c, "马上", "WEBSITE", "EAST");
        move(c, atOnce, "CONTACTED", null);
        backdate(em, lead(c, "两天", "WEBSITE", "EAST"), now.minus(Duration.ofDays(2)), Duration.ofHours(1));
        contacted(c, now.minus(Duration.ofHours(30)), Duration.ofHours(25));
        Expected handC = new Expected(4, "12.50", "22.50", 1, 2, 2);
        LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
        LocalDate twoDaysAgo = LocalDate.ofInstant(now.minus(Duration.ofDays(2)), SHANGHAI);
        assertFigures(manager, c, twoDaysAgo.withDayOfMonth(1).toString(), today.withDayOfMonth(today.lengthOfMonth()).toString(), null, handC,
                "C, whole months (rollup, the last day live)");
        assertFigures(manager, c, twoDaysAgo.toString(), today.plusDays(1).toString(), null, handC, "C, days (raw)");
    }

    /** What a rep's row should say: new leads, median and p90 hours, contacted within 24 h, missed, contacted. */
    record Expected(long newLeads, String median, String p90, long within, long missed, long contacted) {

        String rate() {
            BigDecimal rate = Ratios.of(within, within + missed);
            return rate == null ? null : rate.toPlainString();
        }
    }

    /**
     * The rep's row (as the manager filtering on the rep, and as the rep), the cards of the manager's report filtered on the
     * rep, and the drill lists behind the counts, against the expected figures.
     */
    private void assertFigures(TestUser manager, TestUser rep, String from, String to, String region, Expected expected, String at) {
        RequestSpecification asManager = AnalyticsTestData.period(manager, from, to).queryParam("ownerId", rep.id());
        RequestSpecification asRep = AnalyticsTestData.period(rep, from, to);
        if (region != null) {
            asManager.queryParam("region", region);
            asRep.queryParam("region", region);
        }
        JsonPath report = AnalyticsTestData.json(asManager.get("/api/v1/analytics/REPS").then().statusCode(200).extract().asString());
        JsonPath own = AnalyticsTestData.json(asRep.get("/api/v1/analytics/REPS").then().statusCode(200).extract().asString());
        List<Object> row = AnalyticsTestData.row(report, "reps.efficiency", rep.id().toString());
        assertEquals(row, AnalyticsTestData.row(own, "reps.efficiency", rep.id().toString()), "the rep's own view, " + at);
        AnalyticsTestData.assertNumber(expected.median(), report.get("cards.find { it.code == 'reps.medianHoursToFirstContact' }.value"),
                "median card, " + at);
        AnalyticsTestData.assertNumber(expected.rate(), report.get("cards.find { it.code == 'reps.contactedWithin24h' }.value"),
                "within 24 h card, " + at);
        if (expected.newLeads() == 0) {
            return;
        }
        assertTrue(row != null, "a row, " + at);
        AnalyticsTestData.assertNumber(Long.toString(expected.newLeads()), row.get(0), "new leads, " + at);
        AnalyticsTestData.assertNumber(expected.median(), row.get(1), "median, " + at);
        AnalyticsTestData.assertNumber(expected.p90(), row.get(2), "p90, " + at);
        AnalyticsTestData.assertNumber(Long.toString(expected.within()), row.get(3), "within 24 h, " + at);
        AnalyticsTestData.assertNumber(expected.rate(), row.get(4), "within 24 h rate, " + at);
        Map<String, Long> drills = Map.of("reps.newLeads", expected.newLeads(), "reps.contacted", expected.contacted(),
                "reps.contactedWithin24h", expected.within(), "reps.notContactedWithin24h", expected.missed());
        drills.forEach((figure, count) -> {
            RequestSpecification drill = AnalyticsTestData.period(manager, from, to).queryParam("ownerId", rep.id()).queryParam("key", rep.id())
                    .queryParam("size", 200);
            if (region != null) {
                drill.queryParam("region", region);
            }
            int total = drill.get("/api/v1/analytics/REPS/drill/" + figure).then().statusCode(200).extract().path("total");
            assertEquals(count.longValue(), total, figure + ", " + at);
        });
    }

    /** A lead of the rep created at a time and first contacted (moved to CONTACTED) that long after. */
    private String contacted(TestUser rep, Instant created, Duration after) {
        String lead = lead(rep, "手算", "WEBSITE", "EAST");
        move(rep, lead, "CONTACTED", null);
        backdate(em, lead, created, after);
        return lead;
    }

    /** A time from January to June 2024, to the second; 16:10Z is the next day in Shanghai, so month ends are crossed. */
    private static Instant at(Random random) {
        return Instant.parse("2024-0%d-%02dT%s:%02d:%02dZ".formatted(1 + random.nextInt(6), 1 + random.nextInt(28),
                random.nextBoolean() ? "02" : "16", random.nextInt(60), random.nextInt(60)));
    }

    /** Time to a first contact: seconds to days, now and then before the creation or beyond a week. */
    private static Duration delay(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return Duration.ofSeconds(-1 - random.nextInt(3600));
        }
        if (kind == 1) {
            return Duration.ofDays(7).plusSeconds(random.nextInt(5 * 86400));
        }
        if (kind < 6) {
            return Duration.ofSeconds(86400 - 120 + random.nextInt(240)); // around the 24 h line
        }
        return Duration.ofSeconds(random.nextInt(kind < 12 ? 7200 : 3 * 86400));
    }

    private void delete(String lead) {
        UUID id = UUID.fromString(lead);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM lead_score_history WHERE lead_id = :id").setParameter("id", id).executeUpdate();
            em.createNativeQuery("DELETE FROM activity WHERE lead_id = :id").setParameter("id", id).executeUpdate();
            em.createNativeQuery("DELETE FROM lead WHERE id = :id").setParameter("id", id).executeUpdate();
        });
    }

    /** The figures of one owner's leads created in the days [from, to] (Shanghai), by one hand-written statement. */
    private Expected expected(UUID owner, String from, String to, String region) {
        Instant start = LocalDate.parse(from).atStartOfDay(SHANGHAI).toInstant();
        Instant end = LocalDate.parse(to).plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT count(*), CAST(round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY x.minutes) / 60 AS numeric), 2) AS text),
                       CAST(round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY x.minutes) / 60 AS numeric), 2) AS text),
                       count(*) FILTER (WHERE x.minutes <= 1440),
                       count(*) FILTER (WHERE x.created_at + interval '24 hours' <= now() AND (x.minutes IS NULL OR x.minutes > 1440)),
                       count(x.minutes)
                FROM (SELECT l.created_at,
                             floor(EXTRACT(EPOCH FROM LEAST(l.contacted_at, l.first_interaction_at) - l.created_at) / 60) AS minutes
                      FROM lead l
                      WHERE l.owner_id = :owner AND l.created_at >= :start AND l.created_at < :end
                        AND (CAST(:region AS text) IS NULL OR l.region = CAST(:region AS text))) AS x""")
                .setParameter("owner", owner).setParameter("start", start).setParameter("end", end).setParameter("region", region)
                .getSingleResult());
        return new Expected(((Number) row[0]).longValue(), (String) row[1], (String) row[2], ((Number) row[3]).longValue(),
                ((Number) row[4]).longValue(), ((Number) row[5]).longValue());
    }

    /** The rollup's rows of these owners as comparable text. */
    private List<String> rollup(List<UUID> ownerIds) {
        return rows("""
                SELECT r.owner_id || ' ' || r.month || ' ' || COALESCE(CAST(r.minutes AS text), '-') || ' ' || r.leads AS row
                FROM %s AS r WHERE r.owner_id IN (:owners) ORDER BY 1""".formatted(LeadReadModel.FIRST_CONTACT_BY_MONTH), ownerIds);
    }

    /** The same rows counted from the raw leads: month in Shanghai, whole minutes, below 0 as -1, a week or more as 10 080. */
    private List<String> raw(List<UUID> ownerIds) {
        return rows("""
                SELECT x.owner_id || ' ' || x.month || ' ' || COALESCE(CAST(x.minutes AS text), '-') || ' ' || count(*) AS row
                FROM (SELECT l.owner_id, CAST(date_trunc('month', l.created_at AT TIME ZONE 'Asia/Shanghai') AS date) AS month,
                             CAST(CASE WHEN m.minutes < 0 THEN -1 WHEN m.minutes >= 10080 THEN 10080 ELSE m.minutes END AS integer) AS minutes
                      FROM lead l
                      CROSS JOIN LATERAL (SELECT floor(EXTRACT(EPOCH FROM LEAST(l.contacted_at, l.first_interaction_at) - l.created_at) / 60)
                                          AS minutes) AS m
                      WHERE l.owner_id IN (:owners)) AS x
                GROUP BY x.owner_id, x.month, x.minutes ORDER BY 1""", ownerIds);
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql, List<UUID> ownerIds) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql).setParameter("owners", ownerIds).getResultList());
    }
}
