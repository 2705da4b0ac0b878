package io.guanxi.crm.purchase;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 13 finding 13: a sale posted by mobile number does not tell an integrator whose number it is. */
@QuarkusTest
class IntegratorPurchaseViewTest {

    @Test
    void anIntegratorGetsIdsAmountsAndStatusButNoName() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser shop = Api.newUser(Role.INTEGRATOR);
        String mobile = Api.uniqueMobile();
        String contactId = rep.request().body(aContact().name("秘密客户").with("mobile", mobile).build()).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String order = "SO-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("contactMobile", mobile, "amount", 88, "channel", "ONLINE",
                "externalOrderId", order,
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()));
        String id = shop.request().body(body).post("/api/v1/purchases").then().statusCode(201)
                .body("id", notNullValue()).body("contactId", equalTo(contactId)).body("amount", equalTo(88))
                .body("externalOrderId", equalTo(order)).body("netAmount", equalTo(88))
                .body("contactName", nullValue()).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("contactMobile")))
                .extract().path("id");
        // The replay of the same order answers the same way.
        shop.request().body(body).post("/api/v1/purchases").then().statusCode(200).body("contactName", nullValue());
        shop.request().body(Map.of("amount", 8, "reason", "退一件")).post("/api/v1/purchases/" + id + "/refunds").then().statusCode(201);
        // People still see the name.
        rep.request().get("/api/v1/purchases/" + id).then().statusCode(200).body("contactName", equalTo("秘密客户"));
    }

    @Test
    void anIntegratorRefundsOnlyTheSalesItRecorded() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser shop = Api.newUser(Role.INTEGRATOR);
        TestUser otherShop = Api.newUser(Role.INTEGRATOR);
        String mobile = Api.uniqueMobile();
        String contactId = rep.request().body(aContact().with("mobile", mobile).build()).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String occurredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String repsSale = rep.request().body(Map.of("contactId", contactId, "amount", 300, "channel", "STORE", "occurredAt", occurredAt))
                .post("/api/v1/purchases").then().statusCode(201).extract().path("id");
        String shopsSale = shop.request().body(Map.of("contactMobile", mobile, "amount", 200, "channel", "ONLINE",
                        "externalOrderId", "SO-" + UUID.randomUUID(), "occurredAt", occurredAt))
                .post("/api/v1/purchases").then().statusCode(201).extract().path("id");
        Map<String, Object> refund = Map.of("amount", 50, "reason", "退货");
        shop.request().body(refund).post("/api/v1/purchases/" + repsSale + "/refunds").then().statusCode(404);
        otherShop.request().body(refund).post("/api/v1/purchases/" + shopsSale + "/refunds").then().statusCode(404);
        shop.request().body(refund).post("/api/v1/purchases/" + shopsSale + "/refunds").then().statusCode(201);
        rep.request().get("/api/v1/purchases/" + repsSale).then().statusCode(200).body("netAmount", equalTo(300.0f));
    }
}
