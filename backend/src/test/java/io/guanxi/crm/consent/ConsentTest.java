package io.guanxi.crm.consent;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.guanxi.crm.platform.privacy.PersonalData;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentTest {

    @Inject
    EntityManager em;

    @Inject
    @Any
    Instance<PersonalData> personalData;

    private static String contact(TestUser owner, boolean marketingConsent) {
        return owner.request().body(aContact().name("同意测试").with("marketingConsent", marketingConsent).build())
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static String record(TestUser who, String contactId, String purpose, String decision, String evidence) {
        return who.request().body(Map.of("purpose", purpose, "decision", decision, "channel", "PHONE", "evidence", evidence))
                .post("/api/v1/contacts/" + contactId + "/consents").then().statusCode(201)
                .body("purpose", equalTo(purpose)).body("decision", equalTo(decision)).body("recordedBy", equalTo(who.id().toString()))
                .extract().path("id");
    }

    private static JsonPath consents(TestUser who, String contactId) {
        return who.request().get("/api/v1/contacts/" + contactId + "/consents").then().statusCode(200).extract().jsonPath();
    }

    private static String status(JsonPath consents, String purpose) {
        return consents.getString("purposes.find { it.purpose == '" + purpose + "' }.status");
    }

    @Test
    void theSeededPurposesCarryTheirLegalBasisAndOnlyAdminsChangeThemWithIfMatch() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        JsonPath purposes = rep.request().get("/api/v1/consent-purposes").then().statusCode(200).extract().jsonPath();
        assertEquals("CONSENT", purposes.getString("find { it.code == 'MARKETING' }.legalBasis"));
        assertEquals("CONSENT", purposes.getString("find { it.code == 'SURVEY' }.legalBasis"));
        assertEquals("CONTRACT", purposes.getString("find { it.code == 'PROFILING' }.legalBasis"));
        assertEquals("CONSENT", purposes.getString("find { it.code == 'PARTNER_SHARING' }.legalBasis"));

        TestUser admin = Api.newUser(Role.ADMIN);
        String code = "EVENTS_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        Map<String, Object> body = Map.of("code", code, "nameZh", "活动邀请", "nameEn", "Event invitations", "legalBasis", "CONSENT");
        rep.request().body(body).post("/api/v1/consent-purposes").then().statusCode(403);
        var created = admin.request().body(body).post("/api/v1/consent-purposes").then().statusCode(201)
                .header("Location", containsString("/api/v1/consent-purposes/")).header("ETag", equalTo("\"0\""))
                .body("active", equalTo(true)).body("profileFlagGrants", equalTo(false)).extract();
        String id = created.path("id");
        admin.request().body(body).post("/api/v1/consent-purposes").then().statusCode(409);
        admin.request().body(Map.of("code", "lower case", "nameZh", "x", "nameEn", "x", "legalBasis", "CONSENT"))
                .post("/api/v1/consent-purposes").then().statusCode(400).body("errors.field", hasItem("code"));
        admin.request().body(Map.of("code", "X", "nameZh", "x", "nameEn", "x", "legalBasis", "LEGITIMATE_INTEREST"))
                .post("/api/v1/consent-purposes").then().statusCode(400);

        Map<String, Object> change = Map.of("code", code, "nameZh", "线下活动邀请", "nameEn", "Event invitations",
                "legalBasis", "CONSENT", "active", false);
        admin.request().body(change).put("/api/v1/consent-purposes/" + id).then().statusCode(428);
        admin.request().header("If-Match", "\"7\"").body(change).put("/api/v1/consent-purposes/" + id).then().statusCode(412);
        rep.request().header("If-Match", "\"0\"").body(change).put("/api/v1/consent-purposes/" + id).then().statusCode(403);
        admin.request().header("If-Match", "\"0\"").body(Map.of("code", "OTHER", "nameZh", "x", "nameEn", "x", "legalBasis", "CONSENT"))
                .put("/api/v1/consent-purposes/" + id).then().statusCode(400).body("errors.field", hasItem("code"));
        admin.request().header("If-Match", "\"0\"").body(change).put("/api/v1/consent-purposes/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("nameZh", equalTo("线下活动邀请")).body("active", equalTo(false));
        // An inactive purpose takes no new entries.
        rep.request().body(Map.of("purpose", code, "decision", "GRANTED", "channel", "PHONE"))
                .post("/api/v1/contacts/" + contact(rep, false) + "/consents").then().statusCode(400)
                .body("errors.field", hasItem("purpose"));
    }

    @Test
    void theLatestEntryWinsAndUnansweredPurposesShowTheirDefault() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String ticked = contact(rep, true);
        String unticked = contact(rep, false);

        JsonPath fresh = consents(rep, ticked);
        assertEquals("GRANTED_ON_PROFILE", status(fresh, "MARKETING"));
        assertEquals("GRANTED_ON_PROFILE", status(fresh, "SURVEY"));
        assertEquals("NOT_REQUIRED", status(fresh, "PROFILING"));
        assertEquals("NOT_GIVEN", status(fresh, "PARTNER_SHARING"));
        assertEquals(false, fresh.getBoolean("purposes.find { it.purpose == 'PARTNER_SHARING' }.allowed"));
        assertEquals(List.of(), fresh.getList("ledger"));
        assertEquals("NOT_GIVEN", status(consents(rep, unticked), "MARKETING"));

        record(rep, ticked, "MARKETING", "WITHDRAWN", "客户来电要求停止营销短信");
        JsonPath withdrawn = consents(rep, ticked);
        assertEquals("WITHDRAWN", status(withdrawn, "MARKETING"));
        assertEquals(false, withdrawn.getBoolean("purposes.find { it.purpose == 'MARKETING' }.allowed"));
        assertEquals("GRANTED_ON_PROFILE", status(withdrawn, "SURVEY"), "a withdrawal is per purpose");

        String last = record(rep, ticked, "MARKETING", "GRANTED", "门店签字同意书");
        JsonPath again = consents(rep, ticked);
        assertEquals("GRANTED", status(again, "MARKETING"));
        assertEquals(List.of("GRANTED", "WITHDRAWN"), again.getList("ledger.decision"), "newest first");
        assertEquals(last, again.getString("ledger[0].id"));
        assertEquals("门店签字同意书", again.getString("ledger[0].evidence"));
        rep.request().get("/api/v1/contacts/" + ticked + "/consents/" + last).then().statusCode(200).body("decision", equalTo("GRANTED"));
        rep.request().get("/api/v1/contacts/" + unticked + "/consents/" + last).then().statusCode(404);

        record(rep, unticked, "PROFILING", "WITHDRAWN", "反对自动化评分");
        assertEquals("WITHDRAWN", status(consents(rep, unticked), "PROFILING"));
    }

    @Test
    void anotherRepsCustomerIsNotFoundAndBadInputIsAProblem() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser other = Api.newUser(Role.SALES_REP);
        String mine = contact(rep, true);
        other.request().get("/api/v1/contacts/" + mine + "/consents").then().statusCode(404);
        other.request().body(Map.of("purpose", "MARKETING", "decision", "WITHDRAWN", "channel", "PHONE"))
                .post("/api/v1/contacts/" + mine + "/consents").then().statusCode(404);
        // A service agent sees every customer and may record a withdrawal the customer phoned in.
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        record(agent, mine, "SURVEY", "WITHDRAWN", "投诉回访时提出");

        rep.request().body(Map.of("purpose", "NO_SUCH", "decision", "GRANTED", "channel", "PHONE"))
                .post("/api/v1/contacts/" + mine + "/consents").then().statusCode(400).body("errors.field", hasItem("purpose"));
        rep.request().body(Map.of("purpose", "MARKETING", "decision", "MAYBE", "channel", "PHONE"))
                .post("/api/v1/contacts/" + mine + "/consents").then().statusCode(400).contentType(containsString("problem+json"));
        rep.request().body(Map.of("purpose", "MARKETING", "decision", "GRANTED"))
                .post("/api/v1/contacts/" + mine + "/consents").then().statusCode(400).body("errors.field", hasItem("channel"));
        rep.request().body(Map.of("purpose", "MARKETING", "decision", "GRANTED", "channel", "PHONE", "evidence", "x".repeat(1001)))
                .post("/api/v1/contacts/" + mine + "/consents").then().statusCode(400);
        assertEquals(1, consents(rep, mine).getList("ledger").size());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnce() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String mine = contact(rep, true);
        Map<String, Object> body = Map.of("purpose", "MARKETING", "decision", "WITHDRAWN", "channel", "WECHAT");
        String first = rep.request().header("Idempotency-Key", "k-" + mine).body(body).post("/api/v1/contacts/" + mine + "/consents")
                .then().statusCode(201).extract().path("id");
        rep.request().header("Idempotency-Key", "k-" + mine).body(body).post("/api/v1/contacts/" + mine + "/consents")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        rep.request().header("Idempotency-Key", "k-" + mine).body(Map.of("purpose", "MARKETING", "decision", "GRANTED", "channel", "WECHAT"))
                .post("/api/v1/contacts/" + mine + "/consents").then().statusCode(422);
        assertEquals(1, consents(rep, mine).getList("ledger").size());
    }

    @Test
    void theLedgerRefusesUpdatesAndDeletesInSql() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String mine = contact(rep, true);
        String entry = record(rep, mine, "MARKETING", "WITHDRAWN", "短信退订");
        UUID id = UUID.fromString(entry);
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE consent_entry SET decision = 'GRANTED' WHERE id = :id").setParameter("id", id).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM consent_entry WHERE id = :id").setParameter("id", id).executeUpdate()));
        assertEquals("WITHDRAWN", status(consents(rep, mine), "MARKETING"));
    }

    @Test
    void anExportHoldsTheLedgerAndAnErasureRedactsOnlyTheEvidence() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String mine = contact(rep, true);
        record(rep, mine, "MARKETING", "GRANTED", "张三在门店签字");
        record(rep, mine, "PROFILING", "WITHDRAWN", "张三来电反对评分");
        PersonalData consents = personalData.stream().filter(p -> p.section().equals("consents")).findFirst().orElseThrow();
        UUID contactId = UUID.fromString(mine);

        List<Map<String, Object>> exported = QuarkusTransaction.requiringNew().call(() -> consents.export(contactId));
        assertEquals(List.of("MARKETING", "PROFILING"), exported.stream().map(r -> r.get("purpose")).toList(), "oldest first");
        assertEquals("张三在门店签字", exported.get(0).get("evidence"));

        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> consents.anonymise(contactId)));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> consents.anonymise(contactId)), "idempotent");
        JsonPath after = consents(rep, mine);
        assertEquals(List.of("WITHDRAWN", "GRANTED"), after.getList("ledger.decision"));
        assertEquals(List.of(true, true), after.getList("ledger.redacted"));
        assertNull(after.get("ledger[0].evidence"));
        assertEquals("WITHDRAWN", status(after, "PROFILING"), "the decisions stand");
        assertNotNull(after.getString("ledger[1].recordedAt"));
    }
}
