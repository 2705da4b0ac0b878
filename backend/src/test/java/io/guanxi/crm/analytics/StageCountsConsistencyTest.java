package io.guanxi.crm.analytics;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.contact.ContactReadModel;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The customers per owner and stage and their moves (V49, {@link ContactReadModel#STAGE_COUNTS},
 * {@link ContactReadModel#STAGE_MOVES}) after a random mix of creations (some
 * dated back, as the section tests date them), stage moves, churns, handovers and archivings, all through the API: their
 * rows equal the same counts over the customers now and their history; the customers per stage at instants before, between and after the
 * writes and the churn base read from it equal the same figures computed from every customer's stage history (the
 * statements used before V49); and the LIFECYCLE stage figures equal their drill lists.
 */
@QuarkusTest
class StageCountsConsistencyTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> STAGES = List.of("POTENTIAL", "AWARENESS", "PURCHASE", "LOYALTY", "CHURNED");

    @Inject
    EntityManager em;

    @Inject
    LifecycleRepository lifecycle;

    @Inject
    RetentionRepository retention;

    @Test
    void theCountsEqualTheCustomersAndTheHistoryAfterRandomWrites() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String why = "seed " + seed;
        TestUser first = Api.newUser(Role.SALES_REP);
        TestUser second = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        List<TestUser> reps = List.of(first, second);
        List<String[]> customers = new ArrayList<>(); // id, name, owner id, stage
        List<Instant> instants = new ArrayList<>(List.of(at(2024, 3, 1, 0), at(2024, 6, 15, 11), at(2025, 1, 1, 0)));
        for (int op = 0; op < 60; op++) {
            int kind = random.nextInt(10);
            if (kind < 3 || customers.size() < 4) {
                TestUser rep = reps.get(random.nextInt(2));
                String stage = STAGES.get(random.nextInt(4));
                String name = "阶段" + op;
                String id = rep.request().body(aContact().name(name).with("lifecycleStage", stage).build()).post("/api/v1/contacts").then()
                        .statusCode(201).extract().path("id");
                customers.add(new String[] {id, name, rep.id().toString(), stage});
                if (random.nextBoolean()) {
                    // Dated back with its creation in the history, as LifecycleAnalyticsTest and RetentionAnalyticsTest do.
                    Instant created = at(2024, 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24));
                    sql("UPDATE contact SET created_at = :at WHERE id = CAST(:id AS uuid)", Map.of("id", id, "at", created));
                    sql("UPDATE contact_stage_history SET changed_at = :at WHERE contact_id = CAST(:id AS uuid)", Map.of("id", id, "at", created));
                }
                continue;
            }
            String[] customer = customers.get(random.nextInt(customers.size()));
            if (kind < 6) {
                String to = STAGES.get(random.nextInt(STAGES.size()));
                put(manager, customer, customer[2], to);
                customer[3] = to;
            } else if (kind == 6) {
                String to = customer[2].equals(first.id().toString()) ? second.id().toString() : first.id().toString();
                put(manager, customer, to, customer[3]);
                customer[2] = to;
            } else if (kind == 7 && !customer[3].equals("CHURNED")) {
                manager.request().body(random.nextBoolean() ? Map.of() : Map.of("cause", "PRICE")).post("/api/v1/contacts/" + customer[0] + "/churn")
                        .then().statusCode(201);
                customer[3] = "CHURNED";
            } else if (kind == 8) {
                manager.request().delete("/api/v1/contacts/" + customer[0]).then().statusCode(204);
                customers.remove(customer);
            } else {
                instants.add(Instant.now());
            }
        }
        instants.add(Instant.now());
        instants.add(Instant.now().plus(Duration.ofDays(40)));
        LocalDate nextMonth = LocalDate.now(ZONE).withDayOfMonth(1).plusMonths(1);
        // At month starts the counts of moves answer alone; elsewhere the moves since the instant are read.
        List<Instant> monthStarts = List.of(at(2024, 3, 1, 0), at(2024, 7, 1, 0), at(2025, 1, 1, 0), nextMonth.atStartOfDay(ZONE).toInstant());
        instants.addAll(monthStarts);

        List<UUID> owners = List.of(first.id(), second.id());
        Map<String, Long> counted = rows("SELECT CAST(s.owner_id AS text) || ' ' || s.stage || ' ' || CAST(s.created_month AS text) || ' '"
                + " || CAST(s.archived AS text) AS k, s.customers AS n FROM contact_stage_count s"
                + " WHERE s.owner_id = ANY (CAST(:owners AS uuid[])) AND s.customers <> 0", owners);
        Map<String, Long> raw = rows("SELECT CAST(c.owner_id AS text) || ' ' || c.lifecycle_stage || ' '"
                + " || CAST(CAST(date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai') AS date) AS text) || ' '"
                + " || CAST(c.archived_at IS NOT NULL AS text) AS k, count(*) AS n"
                + " FROM contact c WHERE c.owner_id = ANY (CAST(:owners AS uuid[])) GROUP BY 1", owners);
        assertEquals(raw, counted, "counts per owner, stage, month of creation and archived, " + why);
        assertTrue(!counted.isEmpty(), why);
        Map<String, Long> movesCounted = rows("SELECT CAST(m.owner_id AS text) || ' ' || CAST(m.move_month AS text) || ' ' || CAST(m.created_month AS text)"
                + " || ' ' || CAST(m.archived AS text) || ' ' || m.from_stage || ' ' || m.to_stage AS k, m.moves AS n FROM contact_stage_move_count m"
                + " WHERE m.owner_id = ANY (CAST(:owners AS uuid[])) AND m.moves <> 0", owners);
        Map<String, Long> movesRaw = rows("SELECT CAST(c.owner_id AS text) || ' ' || CAST(CAST(date_trunc('month', h.changed_at AT TIME ZONE 'Asia/Shanghai') AS date) AS text)"
                + " || ' ' || CAST(CAST(date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai') AS date) AS text) || ' '"
                + " || CAST(c.archived_at IS NOT NULL AS text) || ' ' || coalesce(h.from_stage, '') || ' ' || h.to_stage AS k,"
                + " count(*) AS n FROM contact_stage_history h JOIN contact c ON c.id = h.contact_id"
                + " WHERE c.owner_id = ANY (CAST(:owners AS uuid[])) GROUP BY 1", owners);
        assertEquals(movesRaw, movesCounted, "moves per owner, month, month of creation, from and to, " + why);

        List<AnalyticsQuery> scopes = List.of(query(first.id(), Optional.empty()), query(second.id(), Optional.empty()),
                query(null, Optional.of(first.id())));
        for (AnalyticsQuery scope : scopes) {
            String at = why + ", owner " + scope.filter().ownerId() + ", book " + scope.bookOwner();
            for (Instant instant : instants) {
                assertEquals(nonZero(call(() -> lifecycle.stageCounts(scope, instant, false))),
                        nonZero(call(() -> lifecycle.stageCounts(scope, instant, true))), "stages at " + instant + ", " + at);
            }
            assertArrayEquals(call(() -> retention.customersAtFromHistory(instants, scope)), call(() -> retention.countedCustomersAt(instants, scope)),
                    "churn base at " + instants + ", " + at);
            assertArrayEquals(call(() -> retention.customersAtFromHistory(monthStarts, scope)),
                    call(() -> retention.countedCustomersAt(monthStarts, scope)), "churn base at " + monthStarts + ", " + at);
        }
        // The whole team (every customer of the test database, some dated back by other tests without their history): between
        // month starts the moves since the instant are read, which needs no assumption on the history.
        AnalyticsQuery team = query(null, Optional.empty());
        for (Instant instant : instants.stream().filter(i -> !LifecycleRepository.monthStart(i)).toList()) {
            assertEquals(nonZero(call(() -> lifecycle.stageCounts(team, instant, false))), nonZero(call(() -> lifecycle.stageCounts(team, instant, true))),
                    "team stages at " + instant + ", " + why);
        }

        // The figures through the API equal their drill lists (the customers' stages and the moves from the history).
        for (TestUser rep : reps) {
            for (String period : List.of("period=THIS_MONTH", "period=THIS_YEAR", "period=CUSTOM&from=2024-01-01&to=2024-06-30")) {
                String query = period + "&ownerId=" + rep.id();
                JsonPath report = manager.request().get("/api/v1/analytics/LIFECYCLE?" + query).then().statusCode(200).extract().jsonPath();
                for (String card : List.of("lifecycle.newCustomers", "lifecycle.moves", "lifecycle.becameBuyers", "lifecycle.churned")) {
                    int listed = manager.request().get("/api/v1/analytics/LIFECYCLE/drill/" + card + "?" + query).then().statusCode(200).extract()
                            .jsonPath().getInt("total");
                    assertEquals(listed, report.getInt("cards.find { it.code == '" + card + "' }.value"), card + ", " + why + ", " + query);
                }
                List<String> froms = new ArrayList<>(List.of("NEW"));
                froms.addAll(STAGES);
                for (String from : froms) {
                    List<Integer> cells = report.getList("tables.find { it.code == 'lifecycle.flow' }.rows.find { it.key == '" + from + "' }.values",
                            Integer.class);
                    for (int i = 0; i < STAGES.size(); i++) {
                        int listed = manager.request().get("/api/v1/analytics/LIFECYCLE/drill/lifecycle.flow?" + query + "&key=" + from + ":" + STAGES.get(i))
                                .then().statusCode(200).extract().jsonPath().getInt("total");
                        assertEquals(listed, cells.get(i).intValue(), "flow " + from + ":" + STAGES.get(i) + ", " + why + ", " + query);
                    }
                }
                for (String stage : STAGES) {
                    int atEnd = report.getInt("tables.find { it.code == 'lifecycle.stages' }.rows.find { it.key == '" + stage + "' }.values[0]");
                    int listed = manager.request().get("/api/v1/analytics/LIFECYCLE/drill/lifecycle.inStage?" + query + "&key=" + stage).then()
                            .statusCode(200).extract().jsonPath().getInt("total");
                    assertEquals(listed, atEnd, stage + ", " + why + ", " + query);
                }
            }
        }
    }

    private void put(TestUser manager, String[] customer, String owner, String stage) {
        String etag = manager.request().get("/api/v1/contacts/" + customer[0]).then().statusCode(200).extract().header("ETag");
        manager.request().header("If-Match", etag).body(aContact().name(customer[1]).with("ownerId", owner).with("lifecycleStage", stage).build())
                .put("/api/v1/contacts/" + customer[0]).then().statusCode(200);
    }

    private static AnalyticsQuery query(UUID ownerId, Optional<UUID> bookOwner) {
        LocalDate today = LocalDate.now(ZONE);
        return new AnalyticsQuery(new Period(today.withDayOfMonth(1), today), new AnalyticsFilter(ownerId, null, null), bookOwner, ZONE,
                Instant.now());
    }

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(ZONE).toInstant();
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> kept = new TreeMap<>();
        counts.forEach((stage, n) -> {
            if (n != 0) {
                kept.put(stage, n);
            }
        });
        return kept;
    }

    private <T> T call(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    private Map<String, Long> rows(String sql, List<UUID> owners) {
        return call(() -> {
            Map<String, Long> rows = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Tuple> list = em.createNativeQuery(sql, Tuple.class).setParameter("owners", owners.toArray(UUID[]::new)).getResultList();
            for (Tuple row : list) {
                rows.put((String) row.get("k"), ((Number) row.get("n")).longValue());
            }
            return rows;
        });
    }

    private void sql(String statement, Map<String, Object> params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            params.forEach(query::setParameter);
            query.executeUpdate();
        });
    }
}
