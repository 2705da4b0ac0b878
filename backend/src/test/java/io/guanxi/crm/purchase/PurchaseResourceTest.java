package io.guanxi.crm.purchase;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PurchaseResourceTest {

    private TestUser rep;
    private String contactId;
    private String mobile;

    @BeforeEach
    void setUp() {
        rep = Api.newUser(Role.SALES_REP);
        mobile = Api.uniqueMobile();
        contactId = rep.request().body(aContact().with("mobile", mobile).build()).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> sale(double amount) {
        Map<String, Object> body = new HashMap<>(Map.of("contactId", contactId, "amount", amount, "channel", "STORE",
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()));
        return body;
    }

    @Test
    void aRepRecordsASaleWithItemsAndItShowsOnThe360View() {
        Map<String, Object> body = sale(3100);
        body.put("items", List.of(Map.of("sku", "TRN-1", "category", "培训课程", "quantity", 2, "price", 1500),
                Map.of("sku", "BOOK", "quantity", 1, "price", 100)));
        Response created = rep.request().body(body).post("/api/v1/purchases");
        String id = created.then().statusCode(201).extract().path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/purchases/" + id), created.header("Location"));
        rep.request().get("/api/v1/purchases/" + id).then().statusCode(200)
                .body("amount", equalTo(3100.0f)).body("netAmount", equalTo(3100.0f)).body("currency", equalTo("CNY"))
                .body("items.sku", equalTo(List.of("TRN-1", "BOOK"))).body("contactId", equalTo(contactId));
        rep.request().get("/api/v1/contacts/" + contactId + "/overview").then().statusCode(200)
                .body("recentPurchases.id", hasItem(id))
                .body("value.membershipLevel", equalTo("SILVER"))
                .body("value.revenue", equalTo(3100.0f))
                .body("value.purchaseCount", equalTo(1))
                .body("contact.lifecycleStage", equalTo("PURCHASE"));
        rep.request().get("/api/v1/contacts/" + contactId + "/stage-history").then().statusCode(200)
                .body("[0].toStage", equalTo("PURCHASE")).body("[0].cause", equalTo("PURCHASE_RECORDED"));
    }

    @Test
    void badSalesAreRejectedAndNothingIsRecorded() {
        rep.request().body(sale(-5)).post("/api/v1/purchases").then().statusCode(400).body("errors.field", hasItem("amount"));
        rep.request().body(sale(0)).post("/api/v1/purchases").then().statusCode(400);
        rep.request().body(sale(10.005)).post("/api/v1/purchases").then().statusCode(400);
        Map<String, Object> wrongItems = sale(100);
        wrongItems.put("items", List.of(Map.of("sku", "A", "quantity", 1, "price", 90)));
        rep.request().body(wrongItems).post("/api/v1/purchases").then().statusCode(400).body("errors.field", hasItem("items"));
        Map<String, Object> future = sale(100);
        future.put("occurredAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        rep.request().body(future).post("/api/v1/purchases").then().statusCode(400).body("errors.field", hasItem("occurredAt"));
        Map<String, Object> badChannel = sale(100);
        badChannel.put("channel", "TELEPATHY");
        rep.request().body(badChannel).post("/api/v1/purchases").then().statusCode(400);
        rep.request().get("/api/v1/purchases?contactId=" + contactId).then().body("total", equalTo(0));
    }

    @Test
    void anotherRepNeitherSeesNorRecordsSalesOfThisCustomer() {
        String id = rep.request().body(sale(500)).post("/api/v1/purchases").then().statusCode(201).extract().path("id");
        TestUser other = Api.newUser(Role.SALES_REP);
        other.request().get("/api/v1/purchases/" + id).then().statusCode(404);
        other.request().get("/api/v1/purchases").then().body("total", equalTo(0)); // a new rep owns no customer
        other.request().body(sale(500)).post("/api/v1/purchases").then().statusCode(404);
        other.request().body(Map.of("amount", 100, "reason", "x")).post("/api/v1/purchases/" + id + "/refunds").then().statusCode(404);
        other.request().get("/api/v1/contacts/" + contactId + "/value").then().statusCode(404);
        Api.newUser(Role.MANAGER).request().get("/api/v1/purchases/" + id).then().statusCode(200);
        Api.newUser(Role.SERVICE_AGENT).request().body(sale(500)).post("/api/v1/purchases").then().statusCode(403);
        given().get("/api/v1/purchases").then().statusCode(401);
    }

    @Test
    void theSameIdempotencyKeyRecordsOnceAndReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = sale(880);
        Response first = rep.request().header("Idempotency-Key", key).body(body).post("/api/v1/purchases");
        first.then().statusCode(201);
        Response retry = rep.request().header("Idempotency-Key", key).body(body).post("/api/v1/purchases");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"));
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        rep.request().get("/api/v1/purchases?contactId=" + contactId).then().body("total", equalTo(1));

        Map<String, Object> other = sale(990);
        rep.request().header("Idempotency-Key", key).body(other).post("/api/v1/purchases").then().statusCode(422)
                .body("type", equalTo("urn:guanxi:problem:idempotency-key-reused"));
        // Keys belong to their user: another rep's identical key is a different request.
        rep.request().header("Idempotency-Key", "x".repeat(101)).body(body).post("/api/v1/purchases").then().statusCode(400);
    }

    @Test
    void parallelRetriesWithOneKeyRecordOneSaleAndRetriesInFlightAreTold() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = sale(120);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Response> answers = new ArrayList<>();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> rep.request().header("Idempotency-Key", key).body(body).post("/api/v1/purchases"));
            }
            for (Future<Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> ids = new ArrayList<>();
        for (Response answer : answers) {
            if (answer.statusCode() == 409) {
                assertEquals("urn:guanxi:problem:idempotency-key-in-flight", answer.jsonPath().getString("type"));
            } else {
                assertEquals(201, answer.statusCode(), answer.asString());
                ids.add(answer.jsonPath().getString("id"));
            }
        }
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        rep.request().get("/api/v1/purchases?contactId=" + contactId).then().body("total", equalTo(1));
        // Once the first answer is in, every retry replays it.
        rep.request().header("Idempotency-Key", key).body(body).post("/api/v1/purchases").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(ids.get(0)));
    }

    @Test
    void anOrderNumberIsRecordedOnceAndIntegratorsFindTheCustomerByMobile() {
        TestUser shop = Api.newUser(Role.INTEGRATOR);
        String order = "SO-" + UUID.randomUUID();
        Map<String, Object> body = sale(2980);
        body.remove("contactId");
        body.put("contactMobile", "+86 " + mobile);
        body.put("externalOrderId", order);
        String id = shop.request().body(body).post("/api/v1/purchases").then().statusCode(201)
                .body("contactId", equalTo(contactId)).extract().path("id");
        shop.request().body(body).post("/api/v1/purchases").then().statusCode(200).body("id", equalTo(id));
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("amount", 100);
        shop.request().body(changed).post("/api/v1/purchases").then().statusCode(409)
                .body("type", equalTo("urn:guanxi:problem:duplicate-order")).body("existingId", equalTo(id));
        Map<String, Object> unknown = new HashMap<>(body);
        unknown.put("contactMobile", Api.uniqueMobile());
        unknown.put("externalOrderId", order + "-2");
        shop.request().body(unknown).post("/api/v1/purchases").then().statusCode(404);
        shop.request().get("/api/v1/purchases/" + id).then().statusCode(403);
        rep.request().get("/api/v1/purchases?contactId=" + contactId).then().body("total", equalTo(1));
        // A rep names the customer by id, not by mobile.
        rep.request().body(body).post("/api/v1/purchases").then().statusCode(400);
    }

    @Test
    void refundsNeverExceedWhatWasPaidEvenInParallel() throws Exception {
        String id = rep.request().body(sale(100)).post("/api/v1/purchases").then().statusCode(201).extract().path("id");
        rep.request().body(Map.of("amount", 100.01, "reason", "太多")).post("/api/v1/purchases/" + id + "/refunds")
                .then().statusCode(422).body("refundable", equalTo(100.0f));
        rep.request().body(Map.of("amount", 10, "reason", "")).post("/api/v1/purchases/" + id + "/refunds").then().statusCode(400);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> rep.request().body(Map.of("amount", 30, "reason", "部分退货")).post("/api/v1/purchases/" + id + "/refunds")
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 422), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        rep.request().get("/api/v1/purchases/" + id).then().body("refundedAmount", equalTo(90.0f)).body("netAmount", equalTo(10.0f))
                .body("refunds.size()", equalTo(3));
        rep.request().body(Map.of("amount", 10, "reason", "余款")).post("/api/v1/purchases/" + id + "/refunds").then().statusCode(201);
        rep.request().get("/api/v1/contacts/" + contactId + "/value").then().statusCode(200)
                .body("revenue", equalTo(0.0f)).body("purchaseCount", equalTo(0));
    }

    @Test
    void aSaleThatCrossesTheGoldThresholdLiftsTheLevelAtOnce() {
        // Gold needs 10 000 CNY in the window and 90 days as a customer (policy version 1).
        Map<String, Object> old = sale(500);
        old.put("occurredAt", Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        rep.request().body(old).post("/api/v1/purchases").then().statusCode(201);
        rep.request().get("/api/v1/contacts/" + contactId + "/value").then().body("membershipLevel", equalTo("SILVER"));
        rep.request().body(sale(9600)).post("/api/v1/purchases").then().statusCode(201);
        rep.request().get("/api/v1/contacts/" + contactId + "/value").then().body("membershipLevel", equalTo("GOLD"))
                .body("abcTier", nullValue());
        rep.request().get("/api/v1/contacts/" + contactId + "/tier-history").then().statusCode(200)
                .body("[0].dimension", equalTo("LEVEL")).body("[0].from", equalTo("SILVER")).body("[0].to", equalTo("GOLD"))
                .body("[0].cause", equalTo("PURCHASE"));
        // A refund lowers revenue but never the level: that waits for the review.
        String big = rep.request().get("/api/v1/purchases?contactId=" + contactId + "&sort=amount,desc").then()
                .extract().path("items[0].id");
        rep.request().body(Map.of("amount", 9600, "reason", "整单退货")).post("/api/v1/purchases/" + big + "/refunds").then().statusCode(201);
        rep.request().get("/api/v1/contacts/" + contactId + "/value").then().body("membershipLevel", equalTo("GOLD"))
                .body("revenue", equalTo(500.0f));
    }
}
