package io.guanxi.crm.churnrisk;

import static io.guanxi.crm.churnrisk.ChurnRiskTest.customer;
import static io.guanxi.crm.churnrisk.ChurnRiskTest.daysAgo;
import static io.guanxi.crm.churnrisk.ChurnRiskTest.interaction;
import static io.guanxi.crm.churnrisk.ChurnRiskTest.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.churnrisk.ChurnRiskScoring.Result;
import io.guanxi.crm.churnrisk.ChurnRiskScoring.SignalValue;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SQL that writes churn-risk scores and the Java that explains them must agree. For random customers
 * (purchases in and before the 90-day window, interactions at random gaps, complaints of every severity
 * open and closed, levels that went down and up, points expiring soon and later), every stored signal,
 * the score and the level equal what {@link ChurnRiskScoring} computes from the stored facts, and the
 * facts count what the test made.
 */
@QuarkusTest
class ChurnRiskConsistencyTest {

    private static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
    private static final String[] LEVELS = {"SILVER", "GOLD", "PLATINUM"};

    @Inject
    EntityManager em;

    @Inject
    ChurnRiskRecompute recompute;

    @Inject
    ChurnRiskPolicies policies;

    @Test
    void storedScoresMatchTheExplainedFormula() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        Random random = new Random(17);
        Map<String, int[]> made = new HashMap<>();
        List<String> prospects = new ArrayList<>();
        for (int n = 0; n < 24; n++) {
            String id = customer(rep, "一致性" + n);
            int recent = random.nextInt(4);
            int earlier = random.nextInt(9);
            if (n % 8 == 7) {
                recent = earlier = 0;
                prospects.add(id);
            }
            for (int k = 0; k < recent; k++) {
                purchase(rep, id, daysAgo(1 + random.nextInt(88)));
            }
            for (int k = 0; k < earlier; k++) {
                purchase(rep, id, daysAgo(92 + random.nextInt(360)));
            }
            made.put(id, new int[] {recent, earlier});
            for (int k = random.nextInt(6); k > 0; k--) {
                interaction(rep, id, daysAgo(random.nextInt(400)).minusSeconds(random.nextInt(86_400)));
            }
            if (random.nextInt(3) > 0) {
                String complaintId = rep.request().body(Map.of("contactId", id, "channel", "HOTLINE", "category", "LOGISTICS",
                        "severity", SEVERITIES[random.nextInt(4)], "description", "一致性")).post("/api/v1/complaints")
                        .then().statusCode(201).extract().path("id");
                int age = random.nextInt(200);
                boolean closed = random.nextBoolean();
                sql("UPDATE complaint SET received_at = now() - make_interval(days => " + age + ")"
                        + (closed ? ", state = 'CLOSED', closed_at = now()" : "") + " WHERE id = CAST(:id AS uuid)", complaintId);
            }
            if (random.nextBoolean()) {
                String from = LEVELS[random.nextInt(3)];
                String to = LEVELS[random.nextInt(3)];
                sql("INSERT INTO tier_history (contact_id, dimension, from_value, to_value, cause, changed_at) VALUES (CAST(:id AS uuid), "
                        + "'LEVEL', '" + from + "', '" + to + "', 'REVIEW', now() - make_interval(days => " + random.nextInt(150) + "))", id);
            }
            if (random.nextBoolean()) {
                manager.request().body(Map.of("points", 1 + random.nextInt(900), "reason", "一致性"))
                        .post("/api/v1/loyalty/accounts/" + id + "/adjustments").then().statusCode(201);
                sql("UPDATE points_lot SET expires_at = now() + make_interval(days => " + random.nextInt(60) + ", hours => 1)"
                        + " WHERE contact_id = CAST(:id AS uuid)", id);
            }
        }
        Instant now = Instant.now().plus(Duration.ofHours(random.nextInt(48)));
        recompute.recomputeAll(now);

        for (Map.Entry<String, int[]> customer : made.entrySet()) {
            String id = customer.getKey();
            Optional<Tuple> stored = QuarkusTransaction.requiringNew().call(() -> Rows.first(em.createNativeQuery("""
                    SELECT r.*, r.computed_at AS computed_at FROM churn_risk r WHERE r.contact_id = CAST(:id AS uuid)""", Tuple.class)
                    .setParameter("id", id)));
            if (prospects.contains(id)) {
                assertTrue(stored.isEmpty(), "a contact who never bought is not scored");
                continue;
            }
            Tuple row = stored.orElseThrow();
            assertEquals(customer.getValue()[0], Rows.intValue(row, "recent_purchases"), id);
            assertEquals(customer.getValue()[1], Rows.intValue(row, "earlier_purchases"), id);
            Result explained = ChurnRiskScoring.score(ChurnRiskService.facts(row),
                    policies.version(Rows.intValue(row, "policy_version")));
            String context = id + " " + ChurnRiskService.facts(row) + " -> " + explained;
            for (SignalValue signal : explained.signals()) {
                String column = signal.signal().name().toLowerCase();
                assertEquals(0, signal.value().compareTo(Rows.decimal(row, column)), column + ": " + context);
            }
            assertEquals(explained.score(), Rows.intValue(row, "score"), context);
            assertEquals(explained.level().name(), Rows.string(row, "level"), context);
            assertEquals(explained.score(), rep.request().get("/api/v1/contacts/" + id + "/churn-risk").then().statusCode(200)
                    .extract().jsonPath().getInt("score"));
        }
    }

    private void sql(String statement, String id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).setParameter("id", id).executeUpdate());
    }
}
