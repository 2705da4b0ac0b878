package io.guanxi.crm.privacy;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RetentionReviewTest {

    private static final String RETENTION = "/api/v1/privacy/retention";

    @Inject
    EntityManager em;

    private static String contact(TestUser rep, String name) {
        return rep.request().body(aContact().name(name).build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    /** Moves a customer's creation into the past, as if loaded years ago. */
    private void createdYearsAgo(String contactId, int years) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE contact SET created_at = :at WHERE id = CAST(:id AS uuid)")
                .setParameter("at", Instant.now().atOffset(ZoneOffset.UTC).minusYears(years).minusDays(1).toInstant())
                .setParameter("id", contactId).executeUpdate());
    }

    private static void sale(TestUser rep, String contactId, Instant at) {
        rep.request().body(Map.of("contactId", contactId, "amount", 880.00, "channel", "STORE",
                "occurredAt", at.truncatedTo(ChronoUnit.MILLIS).toString())).post("/api/v1/purchases").then().statusCode(201);
    }

    private static Map<String, String> pendingByContact(TestUser admin) {
        List<Map<String, Object>> items = admin.request().queryParam("state", "PENDING").queryParam("size", 200).get(RETENTION).then()
                .statusCode(200).extract().path("items");
        Map<String, String> byContact = new java.util.HashMap<>();
        items.forEach(i -> byContact.put((String) i.get("contactId"), (String) i.get("id")));
        return byContact;
    }

    @Test
    void theJobListsExactlyTheCustomersSilentForFiveYearsAndAnApprovalAnonymisesThem() {
        TestUser admin = Api.newUser(Role.ADMIN);
        TestUser rep = Api.newUser(Role.SALES_REP);
        Instant sixYearsAgo = Instant.now().atOffset(ZoneOffset.UTC).minusYears(6).toInstant();
        String silent = contact(rep, "沉默甲");
        createdYearsAgo(silent, 6);
        String oldBuyer = contact(rep, "旧买家乙");
        createdYearsAgo(oldBuyer, 7);
        sale(rep, oldBuyer, sixYearsAgo);
        String recentBuyer = contact(rep, "近买家丙");
        createdYearsAgo(recentBuyer, 7);
        sale(rep, recentBuyer, Instant.now().minus(300, ChronoUnit.DAYS));
        String called = contact(rep, "刚联系丁");
        createdYearsAgo(called, 8);
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "回访"))
                .post("/api/v1/contacts/" + called + "/interactions").then().statusCode(201);
        String fourYears = contact(rep, "四年戊");
        createdYearsAgo(fourYears, 4);
        String fresh = contact(rep, "新客己");

        admin.request().post(RETENTION + "/run").then().statusCode(200).body("noContactYears", equalTo(5)).body("cutoff", notNullValue());
        Map<String, String> pending = pendingByContact(admin);
        assertTrue(pending.containsKey(silent) && pending.containsKey(oldBuyer), "the silent ones are listed: " + pending.keySet());
        for (String notDue : List.of(recentBuyer, called, fourYears, fresh)) {
            assertTrue(!pending.containsKey(notDue), notDue + " had contact within five years");
        }
        // Running again lists no one twice.
        admin.request().post(RETENTION + "/run").then().statusCode(200);
        assertEquals(pending.keySet(), pendingByContact(admin).keySet());
        String silentReview = pending.get(silent);
        admin.request().get(RETENTION + "/" + silentReview).then().statusCode(200).body("contactName", equalTo("沉默甲"))
                .body("state", equalTo("PENDING")).header("ETag", "\"0\"");

        // Decisions need the version read and a reason.
        String buyerReview = pending.get(oldBuyer);
        admin.request().body(Map.of("reason", "五年未联系")).post(RETENTION + "/" + buyerReview + "/approve").then().statusCode(428);
        admin.request().header("If-Match", "\"3\"").body(Map.of("reason", "五年未联系")).post(RETENTION + "/" + buyerReview + "/approve")
                .then().statusCode(412);
        admin.request().header("If-Match", "\"0\"").body(Map.of()).post(RETENTION + "/" + buyerReview + "/approve").then().statusCode(400);
        List<Object> spentBefore = rep.request().get("/api/v1/purchases?contactId=" + oldBuyer).then().extract().path("items.netAmount");
        admin.request().header("If-Match", "\"0\"").body(Map.of("reason", "五年未联系，无未结业务"))
                .post(RETENTION + "/" + buyerReview + "/approve").then().statusCode(200).header("ETag", "\"1\"")
                .body("state", equalTo("APPROVED")).body("decidedBy", equalTo(admin.id().toString())).body("decidedAt", notNullValue())
                .body("reason", equalTo("五年未联系，无未结业务")).body("contactAnonymised", equalTo(true));
        rep.request().get("/api/v1/contacts/" + oldBuyer).then().body("anonymisedAt", notNullValue()).body("name", equalTo(""))
                .body("mobile", equalTo(null));
        assertEquals(spentBefore, rep.request().get("/api/v1/purchases?contactId=" + oldBuyer).then().extract().path("items.netAmount"),
                "the purchases are untouched");
        admin.request().header("If-Match", "\"1\"").body(Map.of("reason", "再来")).post(RETENTION + "/" + buyerReview + "/keep").then()
                .statusCode(409).body("type", equalTo("urn:guanxi:problem:illegal-transition"));

        // Kept, with the reason: not listed again at the next run. Anonymised ones are never listed again.
        admin.request().header("If-Match", "\"0\"").body(Map.of("reason", "仍有长期合同")).post(RETENTION + "/" + silentReview + "/keep")
                .then().statusCode(200).body("state", equalTo("KEPT")).body("contactAnonymised", equalTo(false));
        admin.request().post(RETENTION + "/run").then().statusCode(200);
        Map<String, String> after = pendingByContact(admin);
        assertTrue(!after.containsKey(silent) && !after.containsKey(oldBuyer), "decided customers are not listed again");
        rep.request().get("/api/v1/contacts/" + silent).then().body("name", equalTo("沉默甲")).body("anonymisedAt", equalTo(null));
        admin.request().queryParam("state", "APPROVED").queryParam("size", 200).get(RETENTION).then().body("items.contactId", hasItem(oldBuyer))
                .body("items.contactId", not(hasItem(silent)));
    }

    @Test
    void aCustomerInContactSinceTheListingIsNeverAnonymisedEarly() {
        TestUser admin = Api.newUser(Role.ADMIN);
        TestUser rep = Api.newUser(Role.SALES_REP);
        String back = contact(rep, "回头客庚");
        createdYearsAgo(back, 6);
        admin.request().post(RETENTION + "/run").then().statusCode(200);
        String review = pendingByContact(admin).get(back);
        sale(rep, back, Instant.now());
        admin.request().header("If-Match", "\"0\"").body(Map.of("reason", "五年未联系")).post(RETENTION + "/" + review + "/approve").then()
                .statusCode(409);
        rep.request().get("/api/v1/contacts/" + back).then().body("name", equalTo("回头客庚")).body("anonymisedAt", equalTo(null));
        admin.request().header("If-Match", "\"0\"").body(Map.of("reason", "又来购买了")).post(RETENTION + "/" + review + "/keep").then()
                .statusCode(200);
        TestUser manager = Api.newUser(Role.MANAGER);
        manager.request().get(RETENTION).then().statusCode(403);
    }
}
