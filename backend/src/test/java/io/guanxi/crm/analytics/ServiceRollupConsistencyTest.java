package io.guanxi.crm.analytics;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.guanxi.crm.complaint.ComplaintReadModel;
import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The complaints per owner × month rollup (V48, {@link ComplaintReadModel#SLA_BY_OWNER_MONTH}) after a random mix of
 * complaints, their clocks moved, steps through the API and handovers: its rows equal the same counts computed from the
 * raw complaints and the customers' owners now; and the service figures read from it (whole-month periods, past ones and
 * the current year, whose month of now is counted live) equal one hand-written statement over the raw complaints and
 * the rows of their drills.
 */
@QuarkusTest
class ServiceRollupConsistencyTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL);
    private static final List<String> CATEGORIES = List.of("LOGISTICS", "PRODUCT_QUALITY", "SERVICE_ATTITUDE", "BILLING", "OTHER");
    private static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

    @Inject
    EntityManager em;

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();
    private final List<String> complaints = new ArrayList<>();

    @Test
    void theRollupEqualsTheRawComplaintsAfterRandomWrites() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        TestUser first = Api.newUser(Role.SALES_REP);
        TestUser second = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        List<TestUser> reps = List.of(first, second);
        for (int i = 0; i < 6; i++) {
            TestUser rep = reps.get(i % 2);
            String name = "投诉汇总" + i;
            String id = rep.request().body(aContact().name(name).build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
            names.put(id, name);
            owners.put(id, rep.id().toString());
        }
        List<String> customers = new ArrayList<>(names.keySet());
        for (int op = 0; op < 40; op++) {
            int kind = random.nextInt(10);
            String customer = customers.get(random.nextInt(customers.size()));
            if (kind < 5 || complaints.isEmpty()) {
                String id = complaint(agent, customer, CATEGORIES.get(random.nextInt(5)), SEVERITIES.get(random.nextInt(4)));
                complaints.add(id);
                if (random.nextInt(4) > 0) {
                    clock(id, random);
                }
            } else if (kind < 7) {
                clock(complaints.get(random.nextInt(complaints.size())), random);
            } else if (kind < 8) {
                // through the API: acknowledged now (a complaint received now, or one whose clock was moved into 2024)
                String id = complaints.get(random.nextInt(complaints.size()));
                String etag = agent.request().get("/api/v1/complaints/" + id).then().statusCode(200).extract().header("ETag");
                agent.request().header("If-Match", etag).body(Map.of("message", "收到")).post("/api/v1/complaints/" + id + "/acknowledge");
            } else {
                String to = owners.get(customer).equals(first.id().toString()) ? second.id().toString() : first.id().toString();
                String etag = manager.request().get("/api/v1/contacts/" + customer).then().statusCode(200).extract().header("ETag");
                manager.request().header("If-Match", etag).body(aContact().name(names.get(customer)).with("ownerId", to).build())
                        .put("/api/v1/contacts/" + customer).then().statusCode(200);
                owners.put(customer, to);
            }
        }
        // Now: one complaint whose first response came due an hour ago unanswered (a miss counted live this month).
        String late = complaint(agent, customers.get(0), "OTHER", "HIGH");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE complaint SET acknowledge_due_at = :due WHERE id = :id")
                .setParameter("due", Instant.now().minus(Duration.ofHours(1))).setParameter("id", UUID.fromString(late)).executeUpdate());

        String why = "seed " + seed;
        List<UUID> ids = List.of(first.id(), second.id());
        List<String> rollup = rollup(ids);
        assertEquals(raw(ids), rollup, "rollup rows, " + why);
        assertFalse(rollup.isEmpty(), why);
        for (TestUser rep : reps) {
            for (String period : List.of("period=CUSTOM&from=2024-01-01&to=2024-06-30", "period=CUSTOM&from=2024-03-01&to=2024-03-31",
                    "period=CUSTOM&from=2024-02-01&to=2024-04-30", "period=THIS_MONTH", "period=THIS_YEAR")) {
                String query = period + "&ownerId=" + rep.id();
                String at = why + ", " + query;
                JsonPath report = manager.request().get("/api/v1/analytics/SERVICE?" + query).then().statusCode(200).extract().jsonPath(DECIMALS);
                LocalDate from = LocalDate.parse(report.getString("from"));
                LocalDate to = LocalDate.parse(report.getString("to"));
                LocalDate previousFrom = LocalDate.parse(report.getString("previousFrom"));
                LocalDate previousTo = LocalDate.parse(report.getString("previousTo"));
                long[] now = expected(rep.id(), from, to);
                long[] before = expected(rep.id(), previousFrom, previousTo);
                assertCard(report, "service.received", BigDecimal.valueOf(now[0]), BigDecimal.valueOf(before[0]), at);
                assertCard(report, "service.firstResponseCompliance", Ratios.of(now[2], now[1]), Ratios.of(before[2], before[1]), at);
                assertCard(report, "service.resolutionCompliance", Ratios.of(now[4], now[3]), Ratios.of(before[4], before[3]), at);
                assertCard(report, "service.medianHoursToResolve", median(rep.id(), from, to), median(rep.id(), previousFrom, previousTo), at);
                assertEquals(now[0], drill(manager, "service.received", null, query).getInt("total"), "received drill, " + at);
                assertEquals(now[1] - now[2], drill(manager, "service.firstResponseMissed", null, query).getInt("total"),
                        "first response missed, " + at);
                assertEquals(now[3] - now[4], drill(manager, "service.resolutionMissed", null, query).getInt("total"),
                        "resolution missed, " + at);
                assertEquals(card(report, "service.open").intValue(), drill(manager, "service.open", null, query).getInt("total"), at);
                assertEquals(card(report, "service.overdueOpen").intValue(), drill(manager, "service.overdueOpen", null, query).getInt("total"),
                        at);
                for (String table : List.of("service.byCategory", "service.bySeverity", "service.byMonth")) {
                    List<Map<String, Object>> rows = report.getList("tables.find { it.code == '" + table + "' }.rows");
                    for (Map<String, Object> row : rows) {
                        String key = (String) row.get("key");
                        List<?> values = (List<?>) row.get("values");
                        assertEquals(drill(manager, "service.received", key, query).getInt("total"), Integer.parseInt(String.valueOf(values.get(0))),
                                table + " received " + key + ", " + at);
                        if (!table.equals("service.byMonth")) {
                            assertEquals(drill(manager, "service.resolutionMissed", key, query).getInt("total"),
                                    Integer.parseInt(String.valueOf(values.get(1))), table + " breached " + key + ", " + at);
                        } else {
                            LocalDate month = LocalDate.parse(key + "-01");
                            long[] m = expected(rep.id(), month.isBefore(from) ? from : month, month.plusMonths(1).minusDays(1).isAfter(to) ? to
                                    : month.plusMonths(1).minusDays(1));
                            assertEquals(String.valueOf(Ratios.of(m[4], m[3])), String.valueOf(values.get(1)), table + " compliance " + key + ", "
                                    + at);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theMedianOfDurationsWithinOneHourIsReadFromTheComplaintsOfThatHour() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        String customer = rep.request().body(aContact().name("投诉中位").build()).post("/api/v1/contacts").then().statusCode(201).extract()
                .path("id");
        // Resolved in March 2024 after 5 h 10, 5 h 20, 5 h 40 and 7 h: the middle two share hour 5 and differ → 5.50 h.
        for (int minutes : new int[] {310, 320, 340, 420}) {
            String id = complaint(agent, customer, "OTHER", "LOW");
            Instant received = Instant.parse("2024-03-10T02:00:00Z");
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    UPDATE complaint SET received_at = :received, resolved_at = :resolved WHERE id = :id""")
                    .setParameter("received", received).setParameter("resolved", received.plus(Duration.ofMinutes(minutes)))
                    .setParameter("id", UUID.fromString(id)).executeUpdate());
        }
        String query = "period=CUSTOM&from=2024-03-01&to=2024-03-31&ownerId=" + rep.id();
        JsonPath report = manager.request().get("/api/v1/analytics/SERVICE?" + query).then().statusCode(200).extract().jsonPath(DECIMALS);
        LocalDate march = LocalDate.parse("2024-03-01");
        assertEquals(new BigDecimal("5.50"), median(rep.id(), march, LocalDate.parse("2024-03-31")));
        assertCard(report, "service.medianHoursToResolve", new BigDecimal("5.50"), null, query);
    }

    @Test
    void complaintsOfOneOwnersCustomersRecordedAtOnceAreAllCounted() throws Exception {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(rep.request().body(aContact().name("投诉并发" + i).build()).post("/api/v1/contacts").then().statusCode(201).extract()
                    .path("id"));
        }
        // Twelve complaints at once, all of one category and severity: the same rollup row for every writer.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String customer = customers.get(i % 4);
                writes.add(pool.submit(() -> complaint(agent, customer, "BILLING", "LOW")));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        List<UUID> ids = List.of(rep.id());
        assertEquals(raw(ids), rollup(ids));
        long received = rollup(ids).stream().mapToLong(r -> Long.parseLong(r.split(" ")[4])).sum();
        assertEquals(12, received);
    }

    private static String complaint(TestUser agent, String contactId, String category, String severity) {
        return agent.request().body(Map.of("contactId", contactId, "channel", "HOTLINE", "category", category, "severity", severity,
                "description", "汇总核对", "assigneeId", agent.id().toString())).post("/api/v1/complaints").then().statusCode(201).extract()
                .path("id");
    }

    /**
     * Random clock times between January and June 2024 (some at 16:10Z, the next day in Shanghai, so month ends are
     * crossed); each step done on time, late or not at all.
     */
    private void clock(String id, Random random) {
        Instant received = Instant.parse("2024-%02d-%02dT%s".formatted(1 + random.nextInt(6), 1 + random.nextInt(28),
                random.nextBoolean() ? "02:00:00Z" : "16:10:00Z"));
        Instant ackDue = received.plus(Duration.ofHours(1 + random.nextInt(48)));
        Instant ack = done(random, received, ackDue);
        Instant resolveDue = received.plus(Duration.ofHours(24 + random.nextInt(24 * 20)));
        Instant resolved = ack == null ? null : done(random, ack, resolveDue);
        Instant followedUp = resolved == null || random.nextBoolean() ? null : resolved.plus(Duration.ofHours(random.nextInt(24 * 30)));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE complaint SET received_at = :received, acknowledge_due_at = :ackDue, acknowledged_at = CAST(:ack AS timestamptz),
                       resolve_due_at = :resolveDue, resolved_at = CAST(:resolved AS timestamptz),
                       followed_up_at = CAST(:followedUp AS timestamptz) WHERE id = :id""")
                .setParameter("received", received).setParameter("ackDue", ackDue).setParameter("ack", text(ack))
                .setParameter("resolveDue", resolveDue).setParameter("resolved", text(resolved)).setParameter("followedUp", text(followedUp))
                .setParameter("id", UUID.fromString(id)).executeUpdate());
    }

    private static Instant done(Random random, Instant after, Instant due) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> due.plus(Duration.ofHours(1 + random.nextInt(24 * 40)));
            case 2 -> due;
            default -> after.isBefore(due) ? after.plus(Duration.ofMinutes(random.nextLong(Duration.between(after, due).toMinutes() + 1))) : due;
        };
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * One hand-written statement over the raw complaints of the owner's customers now, for the days from–to (business
     * zone; as of the end, or now if earlier): received, first-response decided and met, resolution decided and met.
     */
    private long[] expected(UUID owner, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
        Instant asOf = end.isBefore(Instant.now()) ? end : Instant.now();
        Tuple row = QuarkusTransaction.requiringNew().call(() -> (Tuple) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE c.received_at >= :s AND c.received_at < :e) AS received,
                       count(*) FILTER (WHERE c.acknowledge_due_at >= :s AND c.acknowledge_due_at < :e
                                        AND (c.acknowledge_due_at <= :a OR c.acknowledged_at <= c.acknowledge_due_at)) AS ack_decided,
                       count(*) FILTER (WHERE c.acknowledge_due_at >= :s AND c.acknowledge_due_at < :e
                                        AND c.acknowledged_at <= c.acknowledge_due_at) AS ack_met,
                       count(*) FILTER (WHERE c.resolve_due_at >= :s AND c.resolve_due_at < :e
                                        AND (c.resolve_due_at <= :a OR c.resolved_at <= c.resolve_due_at)) AS resolve_decided,
                       count(*) FILTER (WHERE c.resolve_due_at >= :s AND c.resolve_due_at < :e
                                        AND c.resolved_at <= c.resolve_due_at) AS resolve_met
                FROM %s AS c JOIN %s AS k ON k.id = c.contact_id WHERE k.owner_id = :owner"""
                .formatted(ComplaintReadModel.SLA_CLOCKS, ContactReadModel.CONTACTS), Tuple.class)
                .setParameter("s", start).setParameter("e", end).setParameter("a", asOf).setParameter("owner", owner).getSingleResult());
        return new long[] {((Number) row.get("received")).longValue(), ((Number) row.get("ack_decided")).longValue(),
                ((Number) row.get("ack_met")).longValue(), ((Number) row.get("resolve_decided")).longValue(),
                ((Number) row.get("resolve_met")).longValue()};
    }

    /** The median hours to resolve of the owner's complaints resolved in from–to, by percentile_cont over the raw rows. */
    private BigDecimal median(UUID owner, LocalDate from, LocalDate to) {
        Object value = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.received_at) / 3600)
                FROM %s AS c JOIN %s AS k ON k.id = c.contact_id
                WHERE k.owner_id = :owner AND c.resolved_at >= :s AND c.resolved_at < :e"""
                .formatted(ComplaintReadModel.SLA_CLOCKS, ContactReadModel.CONTACTS)).setParameter("owner", owner)
                .setParameter("s", from.atStartOfDay(ZONE).toInstant()).setParameter("e", to.plusDays(1).atStartOfDay(ZONE).toInstant())
                .getSingleResult());
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal card(JsonPath report, String code) {
        Object value = report.getMap("cards.find { it.code == '" + code + "' }").get("value");
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static void assertCard(JsonPath report, String code, BigDecimal value, BigDecimal previous, String at) {
        Map<String, Object> card = report.getMap("cards.find { it.code == '" + code + "' }");
        assertEquals(String.valueOf(value), String.valueOf(card.get("value")), code + ", " + at);
        assertEquals(String.valueOf(previous), String.valueOf(card.get("previous")), code + " (previous), " + at);
    }

    private static JsonPath drill(TestUser manager, String figure, String key, String query) {
        return manager.request().get("/api/v1/analytics/SERVICE/drill/" + figure + "?" + query + (key == null ? "" : "&key=" + key)
                + "&size=200").then().statusCode(200).extract().jsonPath();
    }

    /** The rollup's rows of these owners, zero rows left out, as comparable text. */
    private List<String> rollup(List<UUID> ownerIds) {
        return rows("""
                SELECT r.owner_id || ' ' || r.month || ' ' || r.category || ' ' || r.severity || ' ' || r.received || ' ' || r.closed || ' '
                       || r.acknowledge_due || ' ' || r.acknowledge_met || ' ' || r.resolve_due || ' ' || r.resolve_met AS row
                FROM %s AS r WHERE r.owner_id IN (:owners)
                  AND (r.received, r.closed, r.acknowledge_due, r.acknowledge_met, r.resolve_due, r.resolve_met) <> (0, 0, 0, 0, 0, 0)
                ORDER BY 1""".formatted(ComplaintReadModel.SLA_BY_OWNER_MONTH), ownerIds);
    }

    /** The same rows counted from the raw complaints, each in the Shanghai month of the instant it counts at, under the owner now. */
    private List<String> raw(List<UUID> ownerIds) {
        return rows("""
                WITH parts AS (
                    SELECT k.owner_id, c.category, c.severity, v.at, v.received, v.closed, v.ack_due, v.ack_met, v.resolve_due, v.resolve_met
                    FROM %s AS c JOIN %s AS k ON k.id = c.contact_id
                    CROSS JOIN LATERAL (VALUES
                        (c.received_at, 1, 0, 0, 0, 0, 0),
                        (CASE WHEN c.followed_up_at > c.received_at THEN c.followed_up_at ELSE c.received_at END, 0,
                         CASE WHEN c.followed_up_at IS NULL THEN 0 ELSE 1 END, 0, 0, 0, 0),
                        (c.acknowledge_due_at, 0, 0, 1, CASE WHEN c.acknowledged_at <= c.acknowledge_due_at THEN 1 ELSE 0 END, 0, 0),
                        (c.resolve_due_at, 0, 0, 0, 0, 1, CASE WHEN c.resolved_at <= c.resolve_due_at THEN 1 ELSE 0 END))
                        AS v(at, received, closed, ack_due, ack_met, resolve_due, resolve_met)
                    WHERE k.owner_id IN (:owners))
                SELECT p.owner_id || ' ' || CAST(date_trunc('month', p.at AT TIME ZONE 'Asia/Shanghai') AS date) || ' ' || p.category || ' '
                       || p.severity || ' ' || sum(p.received) || ' ' || sum(p.closed) || ' ' || sum(p.ack_due) || ' ' || sum(p.ack_met) || ' '
                       || sum(p.resolve_due) || ' ' || sum(p.resolve_met) AS row
                FROM parts p GROUP BY p.owner_id, CAST(date_trunc('month', p.at AT TIME ZONE 'Asia/Shanghai') AS date), p.category, p.severity
                HAVING (sum(p.received), sum(p.closed), sum(p.ack_due), sum(p.ack_met), sum(p.resolve_due), sum(p.resolve_met))
                       <> (0, 0, 0, 0, 0, 0)
                ORDER BY 1""".formatted(ComplaintReadModel.SLA_CLOCKS, ContactReadModel.CONTACTS), ownerIds);
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql, List<UUID> ownerIds) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql).setParameter("owners", ownerIds).getResultList());
    }
}
