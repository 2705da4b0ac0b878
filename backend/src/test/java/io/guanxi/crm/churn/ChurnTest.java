package io.guanxi.crm.churn;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.KnownState;
import io.guanxi.crm.support.MovableClock;
import io.guanxi.crm.support.Policies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChurnTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    ChurnService churn;

    @Inject
    EntityManager em;

    @Inject
    MovableClock clock;

    /** The rule churns every quiet customer and a review counts every customer: no other class's customers or reviews. */
    @BeforeEach
    void knownState() {
        KnownState.noCustomers(em);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM churn_review").executeUpdate());
    }

    @Test
    void theCauseTaxonomySplitsNormalFromAbnormalAndRefusesUnknownCauses() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        for (ChurnCause cause : ChurnCause.values()) {
            String id = customer(rep, Instant.now().minus(Duration.ofDays(3)));
            rep.request().body(Map.of("cause", cause.name(), "note", "调查结果")).post("/api/v1/contacts/" + id + "/churn").then()
                    .statusCode(201).body("cause", equalTo(cause.name())).body("method", equalTo("HAND"))
                    .body("normal", equalTo(List.of(ChurnCause.MOVED, ChurnCause.BUSINESS_CLOSED, ChurnCause.NEED_ENDED).contains(cause)))
                    .body("fromStage", equalTo("PURCHASE")).body("investigatedBy", equalTo(rep.id().toString()));
        }
        String id = customer(rep, Instant.now().minus(Duration.ofDays(3)));
        rep.request().body(Map.of("cause", "BAD_LUCK")).post("/api/v1/contacts/" + id + "/churn").then().statusCode(400);
        rep.request().body(Map.of("cause", 3)).post("/api/v1/contacts/" + id + "/churn").then().statusCode(400);
        rep.request().get("/api/v1/contacts/" + id).then().body("lifecycleStage", equalTo("PURCHASE"));
        // Unknown at first: the owner finds out, told by an activity.
        rep.request().body(Map.of()).post("/api/v1/contacts/" + id + "/churn").then().statusCode(201).body("cause", nullValue())
                .body("normal", nullValue()).body("investigatedBy", nullValue());
        rep.request().body(Map.of()).post("/api/v1/contacts/" + id + "/churn").then().statusCode(409)
                .body("type", equalTo("urn:guanxi:problem:conflict")).body("title", equalTo("Already churned"));
        rep.request().get("/api/v1/contacts/" + id).then().body("lifecycleStage", equalTo("CHURNED"));
        rep.request().get("/api/v1/contacts/" + id + "/stage-history").then().body("[0].cause", equalTo("CHURN_HAND"))
                .body("[0].toStage", equalTo("CHURNED"));
        JsonPath activities = rep.request().queryParam("size", 100).get("/api/v1/activities").then().statusCode(200).extract().jsonPath();
        assertEquals(1, activities.getList("items.findAll { it.originRule == 'CHURN_INVESTIGATION' }").size(), activities.prettify());
        assertEquals(YearMonth.now(ZONE).toString(),
                activities.getString("items.find { it.originRule == 'CHURN_INVESTIGATION' }.originParams.month"));
    }

    @Test
    void theRuleChurnsAQuietCustomerOnceEvenWhenItRunsTwiceAtTheSameTime() throws Exception {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String quiet = customer(rep, Instant.now().minus(Duration.ofDays(30)));
        String quiet2 = customer(rep, Instant.now().minus(Duration.ofDays(40)));
        String buying = customer(rep, Instant.now().minus(Duration.ofDays(30)));
        String prospect = rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        // Seven months on: the two quiet customers have bought nothing for six months; the third bought a month ago.
        Instant later = Instant.now().plus(Duration.ofDays(214)).truncatedTo(ChronoUnit.SECONDS);
        purchase(rep, buying, Instant.now().minus(Duration.ofDays(1)));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE purchase SET occurred_at = :at WHERE contact_id = CAST(:id AS uuid)"
                + " AND occurred_at > now() - interval '2 days'").setParameter("at", later.minus(Duration.ofDays(30)))
                .setParameter("id", buying).executeUpdate());

        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> runTogether(together, later));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> runTogether(together, later));
        assertEquals(2, first.get() + second.get(), "two customers churned, each by one of the runs");
        assertEquals(0, churn.runRule(later).churned(), "a third run finds nobody left to churn");

        for (String id : List.of(quiet, quiet2)) {
            rep.request().get("/api/v1/contacts/" + id + "/churn").then().statusCode(200).body("size()", equalTo(1))
                    .body("[0].method", equalTo("RULE")).body("[0].cause", nullValue()).body("[0].recordedBy", nullValue());
            rep.request().get("/api/v1/contacts/" + id).then().body("lifecycleStage", equalTo("CHURNED"));
        }
        rep.request().get("/api/v1/contacts/" + buying + "/churn").then().body("size()", equalTo(0));
        rep.request().get("/api/v1/contacts/" + prospect + "/churn").then().body("size()", equalTo(0));
        JsonPath activities = rep.request().queryParam("size", 100).get("/api/v1/activities").then().extract().jsonPath();
        assertEquals(2, activities.getList("items.findAll { it.originRule == 'CHURN_INVESTIGATION' }").size(), activities.prettify());

        // A purchase brings the customer back; the churn stays as history, with when they came back.
        purchase(rep, quiet, Instant.now());
        rep.request().get("/api/v1/contacts/" + quiet).then().body("lifecycleStage", equalTo("PURCHASE"));
        rep.request().get("/api/v1/contacts/" + quiet + "/churn").then().body("size()", equalTo(1)).body("[0].wonBackAt", equalTo(null));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE purchase SET occurred_at = :at WHERE contact_id = CAST(:id AS uuid)"
                + " AND occurred_at > now() - interval '1 day'").setParameter("at", later.plus(Duration.ofDays(1)))
                .setParameter("id", quiet).executeUpdate());
        rep.request().get("/api/v1/contacts/" + quiet + "/churn").then().body("size()", equalTo(1))
                .body("[0].wonBackAt", equalTo(later.plus(Duration.ofDays(1)).toString()));
    }

    @Test
    void theReviewCountsTheMonthAndClosesOnlyWhenEveryEntryHasACauseAndAnAnalysis() {
        TestUser repA = Api.newUser(Role.SALES_REP);
        TestUser repB = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser admin = Policies.admin();
        try {
            // Five customers before the month, among them two of rep B.
            List<String> a = List.of(customer(repA, null), customer(repA, null), customer(repA, null));
            List<String> b = List.of(customer(repB, null), customer(repB, null));
            customer(repA, null);
            String prospect = repA.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
            // The month reviewed is next month; a customer made in it is not in its base.
            YearMonth month = YearMonth.now(ZONE).plusMonths(1);
            moveClockTo(month.atDay(15));
            String newcomer = customer(repA, null);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE customer_value SET abc_tier = 'A' WHERE contact_id = "
                    + "CAST(:id AS uuid)").setParameter("id", a.get(0)).executeUpdate());
            churnByHand(repA, a.get(0), "PRICE", "竞争价格");
            churnByHand(repA, a.get(1), null, null);
            churnByHand(repB, b.get(0), "MOVED", "搬去外地");
            churnByHand(repA, newcomer, "QUALITY", null);
            // An agent reads churns but does not churn; a rep does not churn another rep's customer.
            Api.newUser(Role.SERVICE_AGENT).request().body(Map.of()).post("/api/v1/contacts/" + b.get(1) + "/churn").then().statusCode(403);
            repA.request().body(Map.of()).post("/api/v1/contacts/" + b.get(1) + "/churn").then().statusCode(404);
            repA.request().body(Map.of()).post("/api/v1/contacts/" + prospect + "/churn").then().statusCode(201);

            moveClockTo(month.plusMonths(1).atDay(2));
            admin.request().body(Map.of("month", month.plusMonths(1).toString())).post("/api/v1/churn/reviews").then().statusCode(400)
                    .body("errors.field", hasItem("month"));
            admin.request().body(Map.of("month", "2026-13")).post("/api/v1/churn/reviews").then().statusCode(400);
            admin.request().body(Map.of("month", month.toString())).post("/api/v1/churn/reviews").then().statusCode(200)
                    .body("state", equalTo("OPEN"));
            // Idempotent: the second call returns the same review.
            admin.request().body(Map.of("month", month.toString())).post("/api/v1/churn/reviews").then().statusCode(200)
                    .body("version", equalTo(0));

            JsonPath review = manager.request().get("/api/v1/churn/reviews/" + month).then().statusCode(200).extract().jsonPath();
            // 6 customers at the start (the prospect is not one; the newcomer came later); 5 churned in the month.
            assertEquals(6, review.getInt("customersAtStart"), review.prettify());
            assertEquals(5, review.getInt("churned"));
            assertEquals(0.8333f, review.getFloat("churnRate"));
            assertEquals(1, review.getInt("normal"));
            assertEquals(2, review.getInt("abnormal"));
            assertEquals(2, review.getInt("unknown"));
            assertEquals(3, review.getInt("incomplete"));
            assertEquals(1, review.getInt("byCause.find { it.cause == 'PRICE' }.count"));
            assertEquals(false, review.getBoolean("byCause.find { it.cause == 'PRICE' }.normal"));
            assertEquals(2, review.getInt("byCause.find { it.cause == null }.count"));
            assertEquals(4, review.getInt("byRep.find { it.ownerId == '" + repA.id() + "' }.count"));
            assertEquals(1, review.getInt("byRep.find { it.ownerId == '" + repB.id() + "' }.count"));
            // The tier each had when it churned.
            assertEquals(1, review.getInt("byTier.find { it.tier == 'A' }.count"), review.prettify());
            assertEquals(4, review.getInt("byTier.find { it.tier == null }.count"));
            assertEquals(5, review.getList("entries").size());

            // A rep sees the entries of their own customers and no team figures.
            repB.request().get("/api/v1/churn/reviews/" + month).then().statusCode(200).body("entries.size()", equalTo(1))
                    .body("churned", equalTo(1)).body("customersAtStart", nullValue()).body("churnRate", nullValue());
            repB.request().get("/api/v1/churn/reviews").then().statusCode(200).body("items[0].churned", equalTo(1))
                    .body("items[0].customersAtStart", nullValue());
            String repAsEntry = review.getString("entries.find { it.contactId == '" + a.get(0) + "' }.id");
            repB.request().get("/api/v1/churn/records/" + repAsEntry).then().statusCode(404);
            repB.request().header("If-Match", "\"0\"").body(Map.of("cause", "PRICE", "analysis", "x"))
                    .put("/api/v1/churn/records/" + repAsEntry + "/investigation").then().statusCode(404);

            // Closing is refused while entries lack a cause or an analysis.
            String etag = manager.request().get("/api/v1/churn/reviews/" + month).then().extract().header("ETag");
            manager.request().header("If-Match", etag).post("/api/v1/churn/reviews/" + month + "/close").then().statusCode(409)
                    .body("type", equalTo("urn:guanxi:problem:illegal-transition")).body("title", equalTo("Review incomplete"))
                    .body("detail", equalTo("3 churned customers still lack a cause or an analysis"));
            repA.request().header("If-Match", etag).post("/api/v1/churn/reviews/" + month + "/close").then().statusCode(403);
            for (Map<String, Object> entry : review.<Map<String, Object>>getList("entries")) {
                if (entry.get("cause") != null && entry.get("analysis") != null) {
                    continue;
                }
                String path = "/api/v1/churn/records/" + entry.get("id") + "/investigation";
                Map<String, String> found = Map.of("cause", "COMPETITOR", "analysis", "对手低价挖走");
                manager.request().body(found).put(path).then().statusCode(428);
                manager.request().header("If-Match", "\"" + (((Number) entry.get("version")).longValue() + 1) + "\"").body(found).put(path)
                        .then().statusCode(412);
                manager.request().header("If-Match", "\"" + entry.get("version") + "\"").body(Map.of("cause", "COMPETITOR", "analysis", " "))
                        .put(path).then().statusCode(400);
                manager.request().header("If-Match", "\"" + entry.get("version") + "\"").body(found).put(path).then().statusCode(200)
                        .body("cause", equalTo("COMPETITOR")).body("investigatedBy", equalTo(manager.id().toString()));
            }
            manager.request().post("/api/v1/churn/reviews/" + month + "/close").then().statusCode(428);
            manager.request().header("If-Match", "\"7\"").post("/api/v1/churn/reviews/" + month + "/close").then().statusCode(412);
            manager.request().header("If-Match", etag).post("/api/v1/churn/reviews/" + month + "/close").then().statusCode(200)
                    .body("state", equalTo("CLOSED")).body("incomplete", equalTo(0)).body("closedBy", equalTo(manager.id().toString()));

            // Closed is read-only.
            JsonPath closed = manager.request().get("/api/v1/churn/reviews/" + month).then().extract().jsonPath();
            String anEntry = closed.getString("entries[0].id");
            manager.request().header("If-Match", "\"" + closed.getLong("entries[0].version") + "\"")
                    .body(Map.of("cause", "PRICE", "analysis", "改主意")).put("/api/v1/churn/records/" + anEntry + "/investigation").then()
                    .statusCode(409).body("title", equalTo("Review closed"));
            manager.request().header("If-Match", "\"" + closed.getLong("version") + "\"").post("/api/v1/churn/reviews/" + month + "/close")
                    .then().statusCode(409);
            manager.request().get("/api/v1/churn/reviews/" + month + "x").then().statusCode(400);
            manager.request().get("/api/v1/churn/reviews/1999-01").then().statusCode(404);
        } finally {
            clock.reset();
        }
    }

    @Test
    void thePolicyIsVersionedAndOnlyAnAdminChangesIt() {
        TestUser manager = Api.newUser(Role.MANAGER);
        Api.newUser(Role.SALES_REP).request().get("/api/v1/churn/policy").then().statusCode(403);
        manager.request().get("/api/v1/churn/policy").then().statusCode(200).body("monthsWithoutPurchase", equalTo(6));
        TestUser admin = Policies.admin();
        Map<String, Object> change = Map.of("monthsWithoutPurchase", 6, "ruleEnabled", true);
        admin.request().body(change).put("/api/v1/churn/policy").then().statusCode(428);
        int version = Policies.put(admin, "/api/v1/churn/policy", change).then().statusCode(200).extract().path("version");
        admin.request().header("If-Match", "\"" + (version - 1) + "\"").body(change).put("/api/v1/churn/policy").then().statusCode(412);
        Policies.put(admin, "/api/v1/churn/policy", Map.of("monthsWithoutPurchase", 0, "ruleEnabled", true)).then().statusCode(400)
                .body("errors.field", hasItem("monthsWithoutPurchase"));
        Policies.put(admin, "/api/v1/churn/policy", Map.of("monthsWithoutPurchase", "6", "ruleEnabled", true)).then().statusCode(400);
        manager.request().header("If-Match", "\"" + version + "\"").body(change).put("/api/v1/churn/policy").then().statusCode(403);
    }

    @Test
    void churnRateArithmetic() {
        assertEquals(null, ChurnReviews.rate(3, 0));
        assertEquals("0.0250", ChurnReviews.rate(5, 200).toPlainString());
        assertEquals("0.3333", ChurnReviews.rate(1, 3).toPlainString());
        assertEquals("1.0000", ChurnReviews.rate(4, 4).toPlainString());
    }

    private int runTogether(CyclicBarrier together, Instant at) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return churn.runRule(at).churned();
    }

    private void moveClockTo(LocalDate day) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), day.atTime(12, 0).atZone(ZONE).toInstant()));
    }

    /** A customer of the rep: a contact with a purchase (at this time, or now). */
    private static String customer(TestUser rep, Instant boughtAt) {
        String id = rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        purchase(rep, id, boughtAt);
        return id;
    }

    private static void purchase(TestUser rep, String contactId, Instant when) {
        // A sale is never in the future (real time), though the lifecycle moves on the service's clock.
        Instant at = when == null ? Instant.now().minusSeconds(5) : when;
        rep.request().body(Map.of("contactId", contactId, "amount", 100, "channel", "STORE", "occurredAt",
                at.truncatedTo(ChronoUnit.SECONDS).toString())).post("/api/v1/purchases").then().statusCode(201);
    }

    private static void churnByHand(TestUser rep, String contactId, String cause, String note) {
        Map<String, Object> body = new java.util.HashMap<>();
        if (cause != null) {
            body.put("cause", cause);
        }
        if (note != null) {
            body.put("note", note);
        }
        rep.request().body(body).post("/api/v1/contacts/" + contactId + "/churn").then().statusCode(201);
    }
}
