package io.guanxi.crm.merge;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A merged contact's id after the merge (issue 20, docs/merge.md "The merged ids"): nothing new attaches to it
 * through another feature, and its pointer never names a survivor the caller may not see.
 */
@QuarkusTest
class MergedContactWritesTest {

    private static final String MERGED = "urn:guanxi:problem:contact-merged";

    /** The tables a write could have attached a row to, with the merge's own rows left out. */
    private static final List<String> ATTACHED = List.of(
            "SELECT count(*) FROM interaction WHERE contact_id = ?",
            "SELECT count(*) FROM consent_entry WHERE contact_id = ?",
            "SELECT count(*) FROM activity WHERE contact_id = ?",
            "SELECT count(*) FROM lead WHERE contact_id = ?",
            "SELECT count(*) FROM purchase WHERE contact_id = ?",
            "SELECT count(*) FROM complaint WHERE contact_id = ?",
            "SELECT count(*) FROM survey_invitation WHERE contact_id = ?",
            "SELECT count(*) FROM churn_record WHERE contact_id = ?",
            "SELECT count(*) FROM points_entry WHERE contact_id = ? AND cause NOT LIKE 'MERGE%'");

    @Inject
    DataSource db;

    private TestUser rep;
    private TestUser manager;

    @BeforeEach
    void setUp() {
        rep = Api.newUser(Role.SALES_REP);
        manager = Api.newUser(Role.MANAGER);
    }

    @Test
    void everyWriteThatAttachesARecordToAMergedContactIsA410AndAttachesNothing() throws SQLException {
        String survivor = create(rep, aContact().name("合并留存").build());
        String merged = create(rep, aContact().name("合并并入").with("marketingConsent", true).build());
        Map<String, Long> before = attached(merged);
        merge(survivor, merged, Map.of());

        Map<String, Function<TestUser, Response>> writes = new LinkedHashMap<>();
        writes.put("interaction", u -> u.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "回访"))
                .post("/api/v1/contacts/" + merged + "/interactions"));
        writes.put("consent", u -> u.request().body(Map.of("purpose", "MARKETING", "decision", "WITHDRAWN", "channel", "PHONE",
                "evidence", "电话里说的")).post("/api/v1/contacts/" + merged + "/consents"));
        writes.put("activity", u -> u.request().body(Map.of("contactId", merged, "kind", "CALL", "title", "回访", "dueDate", "2026-12-20"))
                .post("/api/v1/activities"));
        writes.put("lead", u -> u.request().body(Map.of("contactId", merged, "sourceChannel", "WEBSITE")).post("/api/v1/leads"));
        writes.put("purchase", u -> u.request().body(Map.of("contactId", merged, "amount", 800, "channel", "STORE",
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())).post("/api/v1/purchases"));
        writes.put("complaint", u -> u.request().body(Map.of("contactId", merged, "channel", "HOTLINE", "category", "OTHER",
                "severity", "LOW", "description", "教材晚到")).post("/api/v1/complaints"));
        writes.put("survey invitation", u -> u.request().body(Map.of("template", "NPS"))
                .post("/api/v1/contacts/" + merged + "/survey-invitations"));
        writes.put("churn", u -> u.request().body(Map.of()).post("/api/v1/contacts/" + merged + "/churn"));
        writes.put("points adjustment", u -> u.request().body(Map.of("points", 100, "reason", "补偿"))
                .post("/api/v1/loyalty/accounts/" + merged + "/adjustments"));
        writes.put("redemption", u -> u.request().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("contactId", merged, "rewardId", UUID.randomUUID())).post("/api/v1/redemptions"));

        for (Map.Entry<String, Function<TestUser, Response>> write : writes.entrySet()) {
            TestUser who = write.getKey().equals("points adjustment") ? manager : rep;
            Response answer = write.getValue().apply(who);
            assertEquals(410, answer.statusCode(), write.getKey() + ": " + answer.asString());
            answer.then().contentType("application/problem+json").body("type", equalTo(MERGED)).body("mergedInto", equalTo(survivor))
                    .header("Location", nullValue());
        }
        assertEquals(before, attached(merged), "nothing attached to the merged contact");
        // Reads of its history still answer, as its interactions and points statement do: history, not a write.
        rep.request().get("/api/v1/contacts/" + merged + "/stage-history").then().statusCode(200)
                .body("[-1].cause", equalTo("CREATED"));
    }

    @Test
    void aCallerWhoCannotSeeTheSurvivorGetsA404ThatNamesNoSurvivor() {
        TestUser otherRep = Api.newUser(Role.SALES_REP);
        String survivor = create(otherRep, aContact().name("别人的客户").build());
        String merged = create(rep, aContact().name("我的客户").build());
        merge(survivor, merged, Map.of()); // the survivor keeps its owner: the customer is now the other rep's

        // The merged contact's former owner sees its id but not the survivor: as for any contact outside their view.
        List<Function<RequestSpecification, Response>> calls = List.of(
                r -> r.redirects().follow(false).get("/api/v1/contacts/" + merged),
                r -> r.delete("/api/v1/contacts/" + merged),
                r -> r.post("/api/v1/contacts/" + merged + "/restore"),
                r -> r.body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "回访"))
                        .post("/api/v1/contacts/" + merged + "/interactions"),
                r -> r.body(Map.of("contactId", merged, "sourceChannel", "WEBSITE")).post("/api/v1/leads"));
        for (Function<RequestSpecification, Response> call : calls) {
            Response answer = call.apply(rep.request());
            answer.then().statusCode(404).header("Location", nullValue()).body("mergedInto", nullValue());
            assertFalse(answer.asString().contains(survivor), "the answer names the survivor: " + answer.asString());
        }
        // Someone who sees the survivor still gets the pointer.
        manager.request().redirects().follow(false).get("/api/v1/contacts/" + merged).then().statusCode(308)
                .body("mergedInto", equalTo(survivor));
        otherRep.request().redirects().follow(false).get("/api/v1/contacts/" + merged).then().statusCode(404);
    }

    @Test
    void theFormerOwnerWhoKeepsTheCustomerIsPointedAtTheSurvivor() {
        TestUser otherRep = Api.newUser(Role.SALES_REP);
        String survivor = create(otherRep, aContact().name("别人的客户").build());
        String merged = create(rep, aContact().name("我的客户").build());
        merge(survivor, merged, Map.of("ownerId", merged)); // the survivor takes the merged contact's owner

        rep.request().redirects().follow(false).get("/api/v1/contacts/" + merged).then().statusCode(308)
                .header("Location", not(nullValue())).body("mergedInto", equalTo(survivor));
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "回访"))
                .post("/api/v1/contacts/" + merged + "/interactions").then().statusCode(410).body("mergedInto", equalTo(survivor));
    }

    // ---- helpers ----

    private static String create(TestUser user, Map<String, Object> body) {
        return user.request().queryParam("confirmDuplicate", true).body(body).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");
    }

    private void merge(String survivor, String merged, Map<String, String> choices) {
        manager.request().body(Map.of("survivor", Map.of("id", survivor, "etag", etag(survivor)),
                "others", List.of(Map.of("id", merged, "etag", etag(merged))), "choices", choices))
                .post("/api/v1/contacts/merge").then().statusCode(201);
    }

    private String etag(String contactId) {
        return manager.request().get("/api/v1/contacts/" + contactId).then().statusCode(200).extract().header("ETag");
    }

    private Map<String, Long> attached(String contactId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String sql : ATTACHED) {
            counts.put(sql, count(sql, contactId));
        }
        return counts;
    }

    private long count(String sql, String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
