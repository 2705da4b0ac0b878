package io.guanxi.crm.lead;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.Policies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rescore writes only the leads whose stored numbers move, and history only for them (issue 21: a policy change
 * over a million leads must not rewrite the rows it leaves as they are). What the API shows is what it showed when
 * every open row was rewritten: an open lead's score stands under the policy in force, scored when that policy was
 * saved or later; a closed lead keeps the version and time it closed with.
 */
@QuarkusTest
class LeadRescoreWritesTest {

    private static final String POLICY = "/api/v1/lead-scoring/policy";

    @Inject
    LeadService leadService;

    @Inject
    EntityManager em;

    @Inject
    LeadPersonalData personalData;

    private TestUser rep;

    @BeforeEach
    void knownStateAndANewRep() {
        LeadResourceTest.knownLeadState(em);
        rep = Api.newUser(Role.SALES_REP);
    }

    /** Match 100 and no activity: 60 under 0.6 / 0.4, 50 under 0.5 / 0.5. */
    private String movingLead() {
        Map<String, Object> body = new HashMap<>();
        body.put("newContact", aContact().name("李娜").build());
        body.put("sourceChannel", "REFERRAL");
        body.put("industry", "科技");
        body.put("region", "EAST");
        body.put("budget", 120000);
        return rep.request().body(body).post("/api/v1/leads").then().statusCode(201).extract().path("id");
    }

    /** No rule fires and no activity: 0 under any weights. */
    private String steadyLead() {
        Map<String, Object> body = new HashMap<>();
        body.put("newContact", aContact().name("赵敏").build());
        body.put("sourceChannel", "OUTBOUND");
        return rep.request().body(body).post("/api/v1/leads").then().statusCode(201).extract().path("id");
    }

    private int changeWeights(double match, double activity) {
        Map<String, Object> policy = new HashMap<>(LeadResourceTest.DEFAULT_POLICY);
        policy.put("matchWeight", match);
        policy.put("activityWeight", activity);
        return Policies.put(Policies.admin(), POLICY, policy).then().statusCode(200).extract().path("version");
    }

    /** The row version PostgreSQL gives every write of a row: unchanged means not rewritten. */
    private String xmin(String leadId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT CAST(xmin AS text) FROM lead WHERE id = CAST(:id AS uuid)").setParameter("id", leadId).getSingleResult());
    }

    private Map<String, Object> stored(String leadId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Tuple row = Rows.one(em.createNativeQuery("""
                    SELECT policy_version AS policy_version, CAST(scored_at AS text) AS scored_at,
                           (SELECT count(*) FROM lead_score_history h WHERE h.lead_id = l.id) AS history
                    FROM lead l WHERE id = CAST(:id AS uuid)""", Tuple.class).setParameter("id", leadId));
            return Map.of("policyVersion", Rows.intValue(row, "policy_version"), "scoredAt", Rows.string(row, "scored_at"),
                    "history", Rows.longValue(row, "history"));
        });
    }

    private String policyCreatedAt() {
        return Policies.admin().request().get(POLICY).then().statusCode(200).extract().path("createdAt");
    }

    @Test
    void aPolicyChangeRewritesOnlyTheLeadsWhoseScoreMoves() {
        String moving = movingLead();
        String steady = steadyLead();
        String movingBefore = xmin(moving);
        String steadyBefore = xmin(steady);
        Map<String, Object> steadyStored = stored(steady);
        long movingHistory = (long) stored(moving).get("history");

        int version = changeWeights(0.5, 0.5);

        // The moved lead: rewritten, one history row, the new version.
        assertNotEquals(movingBefore, xmin(moving));
        assertEquals(movingHistory + 1, stored(moving).get("history"));
        assertEquals(version, stored(moving).get("policyVersion"));
        rep.request().get("/api/v1/leads/" + moving).then().statusCode(200)
                .body("score", equalTo(50.0f)).body("policyVersion", equalTo(version));

        // The steady lead: not rewritten, no history row; its row still names the version it was last written under.
        assertEquals(steadyBefore, xmin(steady));
        assertEquals(steadyStored, stored(steady));
        assertNotEquals(version, steadyStored.get("policyVersion"));
        // The API shows what it showed when every open lead was rewritten: the policy in force, scored when it was saved.
        String savedAt = policyCreatedAt();
        rep.request().get("/api/v1/leads/" + steady).then().statusCode(200)
                .body("score", equalTo(0.0f)).body("policyVersion", equalTo(version)).body("scoredAt", equalTo(savedAt));
        rep.request().get("/api/v1/leads/" + steady + "/score").then().statusCode(200)
                .body("policyVersion", equalTo(version)).body("matchWeight", equalTo(0.5f)).body("activityWeight", equalTo(0.5f))
                .body("scoredAt", equalTo(savedAt));
        rep.request().get("/api/v1/leads/" + steady + "/score-history").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].cause", equalTo("CREATED"));
        // A rights request's export says the same.
        String contactId = rep.request().get("/api/v1/leads/" + steady).then().extract().path("contactId");
        Map<String, Object> exported = QuarkusTransaction.requiringNew().call(() -> personalData.export(UUID.fromString(contactId)).get(0));
        assertEquals(version, ((Number) exported.get("policy_version")).intValue());
        assertEquals(Instant.parse(savedAt), OffsetDateTime.parse((String) exported.get("scored_at")).toInstant());
    }

    @Test
    void aRescoreWithNothingChangedWritesNothing() {
        String moving = movingLead();
        String steady = steadyLead();
        String movingBefore = xmin(moving);
        String steadyBefore = xmin(steady);

        assertEquals(0, leadService.slideWindow(Instant.now()));
        // The same policy saved again: a new version, no score moves, no row written.
        int version = changeWeights(0.6, 0.4);

        assertEquals(movingBefore, xmin(moving));
        assertEquals(steadyBefore, xmin(steady));
        assertEquals(1L, stored(moving).get("history"));
        assertEquals(1L, stored(steady).get("history"));
        rep.request().get("/api/v1/leads/" + moving).then().statusCode(200)
                .body("score", equalTo(60.0f)).body("policyVersion", equalTo(version));
    }

    @Test
    void aLeadThatClosesKeepsTheVersionItsScoreStoodUnder() {
        String steady = steadyLead();
        int version = changeWeights(0.5, 0.5);
        String savedAt = policyCreatedAt();
        String etag = rep.request().get("/api/v1/leads/" + steady).then().statusCode(200).extract().header("ETag");
        rep.request().header("If-Match", etag).body(Map.of("status", "LOST", "lostReason", "NO_NEED"))
                .post("/api/v1/leads/" + steady + "/move").then().statusCode(200)
                .body("policyVersion", equalTo(version)).body("scoredAt", equalTo(savedAt));
        // Closing recorded them in the row; a later policy does not rescore a closed lead, nor restate its version.
        assertEquals(version, stored(steady).get("policyVersion"));
        changeWeights(0.6, 0.4);
        rep.request().get("/api/v1/leads/" + steady).then().statusCode(200)
                .body("policyVersion", equalTo(version)).body("scoredAt", equalTo(savedAt));
        rep.request().get("/api/v1/leads/" + steady + "/score").then().statusCode(200)
                .body("policyVersion", equalTo(version)).body("matchWeight", equalTo(0.5f));
    }
}
