package io.guanxi.crm.loyalty;

import static org.hamcrest.Matchers.equalTo;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13 finding 3: an integrator reads, lists and cancels only the redemptions it made. */
@QuarkusTest
class RedemptionOwnershipTest {

    @Test
    void anIntegratorSeesAndCancelsOnlyItsOwnRedemptions() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser app = Api.newUser(Role.INTEGRATOR);
        TestUser otherApp = Api.newUser(Role.INTEGRATOR);
        String contactId = LoyaltyResourceTest.newContact(rep, null);
        LoyaltyResourceTest.sale(rep, contactId, 1000);
        String gift = LoyaltyResourceTest.reward(manager, 10, null, Map.of());
        Map<String, Object> body = Map.of("contactId", contactId, "rewardId", gift);

        String byRep = rep.request().body(body).post("/api/v1/redemptions").then().statusCode(201).extract().path("id");
        String byApp = app.request().body(body).post("/api/v1/redemptions").then().statusCode(201).extract().path("id");

        for (String other : new String[] {byRep, byApp}) {
            otherApp.request().get("/api/v1/redemptions/" + other).then().statusCode(404)
                    .body("type", equalTo("urn:guanxi:problem:not-found"));
            otherApp.request().body(Map.of("reason", "x")).post("/api/v1/redemptions/" + other + "/cancel").then().statusCode(404);
        }
        app.request().get("/api/v1/redemptions/" + byRep).then().statusCode(404);
        // Integrators list nothing: the list is for people.
        otherApp.request().get("/api/v1/redemptions?contactId=" + contactId).then().statusCode(403);

        app.request().get("/api/v1/redemptions/" + byApp).then().statusCode(200);
        app.request().body(Map.of("reason", "会员取消")).post("/api/v1/redemptions/" + byApp + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        // People still see both, as before.
        rep.request().get("/api/v1/redemptions?contactId=" + contactId).then().statusCode(200).body("total", equalTo(2));
    }
}
