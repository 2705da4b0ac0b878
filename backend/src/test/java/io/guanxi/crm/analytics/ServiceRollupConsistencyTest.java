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
 * The complaints per owner × month rollup (V48, {@link ComplaintReadModel#SLA_BY_OWNER_MONTH}) and the owner each
 * complaint carries (V56) after a random mix of complaints, their clocks moved, steps through the API, handovers, merges
 * (into another owner's customer, or taking the other's owner) and their undo: every complaint's owner is its customer's
 * owner now, the rollup's rows equal the same counts computed from the raw complaints and the customers' owners now; and
 * the service figures read from it (whole-month periods, past ones and the current year, whose month of now is counted
 * live; open and overdue at the as-of instant) equal one hand-written statement over the raw complaints and their
 * customers, and the rows of their drills. A one-statement handover of thousands of customers keeps both rollups and
 * the owners.
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
        List<Merge> merges = new ArrayList<>();
        for (int op = 0; op < 48; op++) {
            int kind = random.nextInt(12);
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
            } else if (kind == 10 && customers.size() > 2) {
                // a merge: the other's complaints move to the survivor (another owner's customer half the time), which
                // may take the other's owner
                String other = customers.get(random.nextInt(customers.size()));
                if (!other.equals(customer)) {
                    Map<String, Object> choices = random.nextBoolean() ? Map.of("ownerId", other) : Map.of();
                    Map<String, Object> body = Map.of("survivor", Map.of("id", customer, "etag", etag(manager, customer)),
                            "others", List.of(Map.of("id", other, "etag", etag(manager, other))), "choices", choices);
                    String id = manager.request().body(body).post("/api/v1/contacts/merge").then().statusCode(201).extract().path("id");
                    merges.add(new Merge(id, customer, other));
                    customers.remove(other);
                    refreshOwners(manager);
                }
            } else if (kind == 11 && !merges.isEmpty()) {
                // the last merge undone: the complaints go back, the survivor's owner too
                Merge undone = merges.remove(merges.size() - 1);
                manager.request().post("/api/v1/merges/" + undone.id() + "/undo").then().statusCode(200);
                customers.add(undone.other());
                refreshOwners(manager);
            } else if (kind < 10) {
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
        assertEquals(List.of(), ownerMismatches(ids), "complaints whose owner is not their customer's, " + why);
        List<String> rollup = rollup(ids);
        assertEquals(raw(ids), rollup, "rollup rows, " + why);
        assertFalse(rollup.isEmpty(), why);
        assertEquals(rawResolveHours(ids), resolveHours(ids), "resolve hours rows, " + why);
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
                long[] stock = openAndOverdue(rep.id(), to);
                long[] stockBefore = openAndOverdue(rep.id(), previousTo);
                assertCard(report, "service.open", BigDecimal.valueOf(stock[0]), BigDecimal.valueOf(stockBefore[0]), at);
                assertCard(report, "service.overdueOpen", BigDecimal.valueOf(stock[1]), BigDecimal.valueOf(stockBefore[1]), at);
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

    private record Merge(String id, String survivor, String other) {
    }

    private static String etag(TestUser manager, String contactId) {
        return manager.request().get("/api/v1/contacts/" + contactId).then().statusCode(200).extract().header("ETag");
    }

    /** The owners of the test's customers as they are now (a merge may give the survivor the other's owner, its undo back). */
    private void refreshOwners(TestUser manager) {
        for (String id : owners.keySet()) {
            var contact = manager.request().redirects().follow(false).get("/api/v1/contacts/" + id).then().extract();
            if (contact.statusCode() == 200) { // a merged contact answers 308: not handed over until its merge is undone
                owners.put(id, contact.path("ownerId"));
            }
        }
    }

    @Test
    void oneStatementHandingOverThousandsOfCustomersKeepsTheRollupsAndTheComplaintsOwners() {
        TestUser from = Api.newUser(Role.SALES_REP);
        TestUser to = Api.newUser(Role.SALES_REP);
        List<UUID> ids = List.of(from.id(), to.id());
        QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(600));
        inBulkTransaction = true;
        try {
            // 3 000 customers with two complaints each (one resolved in March 2024, one open and overdue since February
            // 2024), handed over in one statement, and 1 000 more customers of the same owner who stay with them.
            em.createNativeQuery("""
                    INSERT INTO contact (id, name, owner_id, lifecycle_stage, created_at, updated_at)
                    SELECT gen_random_uuid(), '投诉批量' || n, :owner, CASE WHEN n <= 3000 THEN 'PURCHASE' ELSE 'POTENTIAL' END, now(), now()
                    FROM generate_series(1, 4000) n""").setParameter("owner", from.id()).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO complaint (id, contact_id, channel, category, severity, description, state, received_at, acknowledged_at,
                                           resolved_at, acknowledge_due_at, resolve_due_at, created_by, created_at, updated_at)
                    SELECT gen_random_uuid(), c.id, 'HOTLINE', (ARRAY['LOGISTICS', 'BILLING', 'OTHER'])[1 + v.n % 3], 'LOW', '批量', v.state,
                           v.received, v.ack, v.resolved, v.received + interval '1 day', v.received + interval '3 days', :owner, now(), now()
                    FROM contact c
                    CROSS JOIN LATERAL (VALUES (1, 'RESOLVED', TIMESTAMPTZ '2024-03-10 02:00:00Z', TIMESTAMPTZ '2024-03-10 03:00:00Z',
                                                TIMESTAMPTZ '2024-03-12 05:30:00Z'),
                                               (2, 'RECEIVED', TIMESTAMPTZ '2024-01-31 17:00:00Z', NULL, NULL))
                        AS v(n, state, received, ack, resolved)
                    WHERE c.owner_id = :owner""").setParameter("owner", from.id()).executeUpdate();
            em.createNativeQuery("UPDATE contact SET owner_id = :to WHERE owner_id = :from AND lifecycle_stage = 'PURCHASE'")
                    .setParameter("to", to.id()).setParameter("from", from.id()).executeUpdate();
            assertEquals(List.of(), ownerMismatches(ids));
            assertEquals(List.of(6000L, 2000L), List.of(complaintsOf(to.id()), complaintsOf(from.id())));
            List<String> rollup = rollup(ids);
            assertEquals(raw(ids), rollup);
            // counted by hand: per owner, the resolved ones in March (BILLING) and the open ones in February (OTHER: received
            // at 01:00 on 02-01 in Shanghai, due on 02-02 and 02-04)
            List<String> expected = new ArrayList<>(List.of(from.id() + " 2024-02-01 OTHER LOW 1000 0 1000 0 1000 0",
                    from.id() + " 2024-03-01 BILLING LOW 1000 0 1000 1000 1000 1000", to.id() + " 2024-02-01 OTHER LOW 3000 0 3000 0 3000 0",
                    to.id() + " 2024-03-01 BILLING LOW 3000 0 3000 3000 3000 3000"));
            expected.sort(null);
            assertEquals(expected, sorted(rollup));
            assertEquals(rawResolveHours(ids), resolveHours(ids));
            List<String> hours = new ArrayList<>(List.of(from.id() + " 2024-03-01 51 1000", to.id() + " 2024-03-01 51 3000"));
            hours.sort(null);
            assertEquals(hours, sorted(resolveHours(ids)));
        } finally {
            inBulkTransaction = false;
            QuarkusTransaction.rollback();
        }
    }

    private static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        copy.sort(null);
        return copy;
    }

    /** The bulk test reads inside its own transaction, which it rolls back (its customers stay out of the others' way). */
    private boolean inBulkTransaction;

    private long complaintsOf(UUID owner) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + ComplaintReadModel.SLA_CLOCKS + " AS c WHERE c.owner_id = :owner")
                .setParameter("owner", owner).getSingleResult()).longValue();
    }

    /** The complaints of these owners' customers, or carrying one of these owners, whose owner is not their customer's. */
    private List<String> ownerMismatches(List<UUID> ownerIds) {
        return rows("""
                SELECT c.id || ' ' || c.owner_id || ' ' || k.owner_id AS row
                FROM %s AS c JOIN %s AS k ON k.id = c.contact_id
                WHERE (k.owner_id IN (:owners) OR c.owner_id IN (:owners)) AND c.owner_id <> k.owner_id ORDER BY 1"""
                .formatted(ComplaintReadModel.SLA_CLOCKS, ContactReadModel.CONTACTS), ownerIds);
    }

    /**
     * Open and overdue as of the end of the day {@code to} (or now if earlier), by hand over the raw complaints of the
     * owner's customers now: open = received before and not followed up by then; overdue = open and the due time of the
     * first step not done by then has come.
     */
    private long[] openAndOverdue(UUID owner, LocalDate to) {
        Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
        Instant asOf = end.isBefore(Instant.now()) ? end : Instant.now();
        Tuple row = QuarkusTransaction.requiringNew().call(() -> (Tuple) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE x.open) AS open, count(*) FILTER (WHERE x.open AND x.due <= :a) AS overdue
                FROM (SELECT c.received_at < :a AND (c.followed_up_at IS NULL OR c.followed_up_at >= :a) AS open,
                             CASE WHEN c.acknowledged_at IS NULL OR c.acknowledged_at >= :a THEN c.acknowledge_due_at
                                  WHEN c.resolved_at IS NULL OR c.resolved_at >= :a THEN c.resolve_due_at
                                  ELSE c.follow_up_due_at END AS due
                      FROM %s AS c JOIN %s AS k ON k.id = c.contact_id WHERE k.owner_id = :owner) AS x"""
                .formatted(ComplaintReadModel.SLA_CLOCKS, ContactReadModel.CONTACTS), Tuple.class)
                .setParameter("a", asOf).setParameter("owner", owner).getSingleResult());
        return new long[] {((Number) row.get("open")).longValue(), ((Number) row.get("overdue")).longValue()};
    }

    /** complaint_resolve_hours of these owners, zero rows left out: owner, month, hours, complaints. */
    private List<String> resolveHours(List<UUID> ownerIds) {
        return rows("""
                SELECT r.owner_id || ' ' || r.month || ' ' || r.hours || ' ' || r.complaints AS row
                FROM %s AS r WHERE r.owner_id IN (:owners) AND r.complaints <> 0 ORDER BY 1"""
                .formatted(ComplaintReadModel.RESOLVE_HOURS_BY_OWNER_MONTH), ownerIds);
    }

    /** The same from the raw resolved complaints, under their customer's owner now. */
    private List<String> rawResolveHours(List<UUID> ownerIds) {
        return rows("""
                SELECT x.owner_id || ' ' || x.month || ' ' || x.hours || ' ' || count(*) AS row
                FROM (SELECT k.owner_id, CAST(date_trunc('month', c.resolved_at AT TIME ZONE 'Asia/Shanghai') AS date) AS month,
                             CAST(floor(extract(epoch FROM c.resolved_at - c.received_at) / 3600) AS bigint) AS hours
                      FROM %s AS c JOIN %s AS k ON k.id = c.contact_id
                      WHERE k.owner_id IN (:owners) AND c.resolved_at IS NOT NULL) AS x
                GROUP BY x.owner_id, x.month, x.hours ORDER BY 1""".formatted(ComplaintReadModel.SLA_CLOCKS, ContactReadModel.CONTACTS),
                ownerIds);
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
        if (inBulkTransaction) {
            return (List<String>) em.createNativeQuery(sql).setParameter("owners", ownerIds).getResultList();
        }
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql).setParameter("owners", ownerIds).getResultList());
    }
}
