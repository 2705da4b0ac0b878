package io.guanxi.crm.analytics;

import static io.guanxi.crm.analytics.AnalyticsTestData.contact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.activity.ActivityReadModel;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The DONE activities per assignee × month rollup (V53, {@link ActivityReadModel#DONE_BY_MONTH}) after a random mix of
 * activity writes through the API (planned for a rep or the manager, due at a time or on a day, in the past or the
 * future; completed late or on time, some with the next one scheduled; rescheduled; cancelled; reassigned) and one bulk
 * statement moving done activities to another assignee: its rows equal the same counts computed from the raw activities,
 * and each assignee's "activities done on time" (cell and card, this period and the one before) equals the raw
 * recomputation for whole-month periods (read from the rollup) and for a period of days (counted raw), and the late
 * activities' drill list has due − on time rows. Due times keep a day away from now, so nothing falls overdue between
 * the report and its recomputation.
 */
@QuarkusTest
class TimelinessRollupConsistencyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager em;

    private final Map<String, TestUser> customerOwner = new LinkedHashMap<>();
    private final List<String> open = new ArrayList<>();

    @Test
    void theRollupAndTheOnTimeFiguresEqualTheRawActivitiesAfterRandomWrites() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        TestUser first = Api.newUser(Role.SALES_REP);
        TestUser second = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        List<TestUser> reps = List.of(first, second);
        for (int i = 0; i < 4; i++) {
            TestUser rep = reps.get(i % 2);
            customerOwner.put(contact(rep, "准时" + i), rep);
        }
        List<String> customers = new ArrayList<>(customerOwner.keySet());
        for (int op = 0; op < 60; op++) {
            int kind = random.nextInt(10);
            if (kind < 4 || open.isEmpty()) {
                String customer = customers.get(random.nextInt(customers.size()));
                TestUser owner = customerOwner.get(customer);
                Map<String, Object> body = new HashMap<>(Map.of("contactId", customer, "kind", "CALL"));
                due(random, body);
                TestUser author = random.nextInt(3) == 0 ? manager : owner;
                if (author == manager) {
                    body.put("assigneeId", random.nextBoolean() ? owner.id() : manager.id());
                }
                open.add(author.request().body(body).post("/api/v1/activities").then().statusCode(201).extract().path("id"));
                continue;
            }
            String activity = open.get(random.nextInt(open.size()));
            String etag = manager.request().get("/api/v1/activities/" + activity).then().statusCode(200).extract().header("ETag");
            var request = manager.request().header("If-Match", etag);
            if (kind < 7) {
                // Completed now: on time when due later, late when due before.
                Map<String, Object> body = new HashMap<>();
                if (random.nextInt(3) == 0) {
                    Map<String, Object> next = new HashMap<>(Map.of("kind", "VISIT"));
                    due(random, next);
                    body.put("next", next);
                }
                String next = request.body(body).post("/api/v1/activities/" + activity + "/complete").then().statusCode(200).extract()
                        .path("next.id");
                open.remove(activity);
                if (next != null) {
                    open.add(next);
                }
            } else if (kind == 7) {
                Map<String, Object> body = new HashMap<>();
                due(random, body);
                request.body(body).post("/api/v1/activities/" + activity + "/reschedule").then().statusCode(200);
            } else if (kind == 8) {
                request.body(Map.of("reason", "客户取消")).post("/api/v1/activities/" + activity + "/cancel").then().statusCode(200);
                open.remove(activity);
            } else {
                JsonPath current = manager.request().get("/api/v1/activities/" + activity).then().extract().jsonPath();
                String assignee = current.getString("assigneeId");
                String customer = current.getString("contactId");
                TestUser owner = customerOwner.get(customer);
                String to = manager.id().toString().equals(assignee) ? owner.id().toString() : manager.id().toString();
                Map<String, Object> body = new HashMap<>(Map.of("contactId", customer, "kind", current.getString("kind"), "assigneeId", to));
                due(random, body);
                request.body(body).put("/api/v1/activities/" + activity).then().statusCode(200);
            }
        }
        // A bulk statement: some of the manager's done activities handed to the first rep at once.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE activity SET assignee_id = :to WHERE assignee_id = :from AND status = 'DONE' AND CAST(id AS text) < '8'""")
                .setParameter("to", first.id()).setParameter("from", manager.id()).executeUpdate());

        String why = "seed " + seed;
        List<UUID> ids = List.of(first.id(), second.id(), manager.id());
        List<String> rollup = rollup(ids);
        assertEquals(raw(ids), rollup, "rollup rows, " + why);
        assertTrue(!rollup.isEmpty(), why);
        LocalDate month = LocalDate.now(SHANGHAI).withDayOfMonth(1);
        List<LocalDate[]> periods = List.of(new LocalDate[] {month, month.plusMonths(1).minusDays(1)},
                new LocalDate[] {month.minusMonths(3), month.minusDays(1)}, new LocalDate[] {month.minusMonths(6), month.plusMonths(6).minusDays(1)},
                new LocalDate[] {month.plusMonths(1), month.plusMonths(4).minusDays(1)},
                new LocalDate[] {month.minusMonths(2).plusDays(9), month.plusMonths(1).plusDays(19)});
        for (TestUser user : List.of(first, second, manager)) {
            for (LocalDate[] period : periods) {
                String from = period[0].toString();
                String to = period[1].toString();
                String at = why + ", " + user.id() + " " + from + " " + to;
                JsonPath report = AnalyticsTestData.json(AnalyticsTestData.period(manager, from, to).queryParam("ownerId", user.id())
                        .get("/api/v1/analytics/REPS").then().statusCode(200).extract().asString());
                long[] counts = rawCounts(user.id(), period[0], period[1]);
                Period previous = new Period(period[0], period[1]).previous();
                long[] before = rawCounts(user.id(), previous.from(), previous.to());
                String expected = ratio(counts);
                AnalyticsTestData.assertCard(report, "reps.activitiesOnTime", expected, ratio(before));
                List<Object> row = AnalyticsTestData.row(report, "reps.efficiency", user.id().toString());
                if (counts[0] == 0) {
                    assertTrue(row == null || row.get(7) == null, "no due activities, " + at + " " + row);
                } else {
                    AnalyticsTestData.assertNumber(expected, row.get(7), "activities on time, " + at);
                }
                if (user != manager) {
                    JsonPath own = AnalyticsTestData.json(AnalyticsTestData.period(user, from, to).get("/api/v1/analytics/REPS").then()
                            .statusCode(200).extract().asString());
                    assertEquals(row, AnalyticsTestData.row(own, "reps.efficiency", user.id().toString()), "the rep's own view, " + at);
                    AnalyticsTestData.assertCard(own, "reps.activitiesOnTime", expected, ratio(before));
                }
                int late = AnalyticsTestData.period(manager, from, to).queryParam("ownerId", user.id()).queryParam("key", user.id())
                        .queryParam("size", 200).get("/api/v1/analytics/REPS/drill/reps.activitiesLate").then().statusCode(200).extract()
                        .path("total");
                assertEquals(counts[0] - counts[1], late, "late activities' drill, " + at);
            }
        }
    }

    /** A due time or an all-day due date, 1 to 200 days before or after now (never within a day of it). */
    private static void due(Random random, Map<String, Object> body) {
        int days = (1 + random.nextInt(200)) * (random.nextBoolean() ? 1 : -1);
        if (random.nextBoolean()) {
            body.put("dueAt", Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(days)).plus(Duration.ofHours(random.nextInt(20)))
                    .toString());
        } else {
            body.put("dueDate", LocalDate.now(SHANGHAI).plusDays(days + Integer.signum(days)).toString());
        }
    }

    private static String ratio(long[] counts) {
        return counts[0] == 0 ? null : BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.HALF_UP).toPlainString();
    }

    /** The rollup's rows of these assignees, zero rows left out, as comparable text. */
    private List<String> rollup(List<UUID> ids) {
        return rows("""
                SELECT r.assignee_id || ' ' || r.month || ' ' || r.done || ' ' || r.on_time AS row
                FROM %s AS r WHERE r.assignee_id IN (:ids) AND (r.done <> 0 OR r.on_time <> 0) ORDER BY 1""".formatted(ActivityReadModel.DONE_BY_MONTH), ids);
    }

    /** The same rows counted from the raw activities, months of the due time in Shanghai. */
    private List<String> raw(List<UUID> ids) {
        return rows("""
                SELECT a.assignee_id || ' ' || CAST(date_trunc('month', a.due_at AT TIME ZONE 'Asia/Shanghai') AS date) || ' ' || count(*)
                       || ' ' || count(*) FILTER (WHERE a.completed_at <= a.overdue_at) AS row
                FROM %s AS a WHERE a.assignee_id IN (:ids) AND a.status = 'DONE'
                GROUP BY a.assignee_id, CAST(date_trunc('month', a.due_at AT TIME ZONE 'Asia/Shanghai') AS date) ORDER BY 1"""
                .formatted(ActivityReadModel.ACTIVITIES), ids);
    }

    /** Due (not cancelled; done, or open and past the deadline now) and done by the deadline, of the assignee in the days. */
    private long[] rawCounts(UUID assignee, LocalDate from, LocalDate to) {
        Object[] counts = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE a.status = 'DONE' AND a.completed_at <= a.overdue_at)
                FROM %s AS a
                WHERE a.assignee_id = :assignee AND a.due_at >= :start AND a.due_at < :end AND a.status <> 'CANCELLED'
                  AND (a.status = 'DONE' OR a.overdue_at <= now())""".formatted(ActivityReadModel.ACTIVITIES))
                .setParameter("assignee", assignee).setParameter("start", from.atStartOfDay(SHANGHAI).toInstant())
                .setParameter("end", to.plusDays(1).atStartOfDay(SHANGHAI).toInstant()).getSingleResult());
        return new long[] {((Number) counts[0]).longValue(), ((Number) counts[1]).longValue()};
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql, List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql).setParameter("ids", ids).getResultList());
    }
}
