package io.guanxi.crm.contact;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LifecycleTest {

    @Test
    void repRules() {
        assertTrue(LifecycleRules.repMayMove(LifecycleStage.POTENTIAL, LifecycleStage.AWARENESS));
        assertTrue(LifecycleRules.repMayMove(LifecycleStage.PURCHASE, LifecycleStage.CHURNED));
        assertTrue(LifecycleRules.repMayMove(LifecycleStage.CHURNED, LifecycleStage.AWARENESS));
        assertFalse(LifecycleRules.repMayMove(LifecycleStage.POTENTIAL, LifecycleStage.PURCHASE));
        assertFalse(LifecycleRules.repMayMove(LifecycleStage.LOYALTY, LifecycleStage.AWARENESS));
        assertFalse(LifecycleRules.repMayMove(LifecycleStage.CHURNED, LifecycleStage.LOYALTY));
    }

    private static Map<String, Object> withStage(String name, String stage) {
        Map<String, Object> body = new HashMap<>(aContact().name(name).build());
        body.put("lifecycleStage", stage);
        return body;
    }

    @Test
    void repMovesOneStepAManagerMayJumpEveryMoveIsRecorded() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        var created = rep.request().body(withStage("阶段", "POTENTIAL")).post("/api/v1/contacts").then().statusCode(201).extract();
        String id = created.path("id");
        Map<String, Object> body = withStage("阶段", "PURCHASE");
        body.put("mobile", created.path("mobile"));
        rep.request().header("If-Match", "\"0\"").body(body).put("/api/v1/contacts/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        body.put("lifecycleStage", "AWARENESS");
        rep.request().header("If-Match", "\"0\"").body(body).put("/api/v1/contacts/" + id).then().statusCode(200);
        body.put("lifecycleStage", "LOYALTY");
        manager.request().header("If-Match", "\"1\"").body(body).put("/api/v1/contacts/" + id).then().statusCode(200);
        rep.request().get("/api/v1/contacts/" + id + "/stage-history").then().statusCode(200)
                .body("toStage", contains("LOYALTY", "AWARENESS", "POTENTIAL"))
                .body("cause", contains("EDITED", "EDITED", "CREATED"))
                .body("[0].changedBy", equalTo(manager.id().toString()));
        Api.newUser(Role.SALES_REP).request().get("/api/v1/contacts/" + id + "/stage-history").then().statusCode(404);
    }

    @Test
    void convertingAQualifiedLeadMakesItsContactACustomer() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        var lead = rep.request().body(Map.of("newContact", aContact().name("成交客户").build(), "sourceChannel", "REFERRAL"))
                .post("/api/v1/leads").then().statusCode(201).extract();
        String id = lead.path("id");
        rep.request().post("/api/v1/leads/" + id + "/convert").then().statusCode(409);
        Map<String, Object> qualify = Map.of("sourceChannel", "REFERRAL", "status", "QUALIFIED");
        rep.request().header("If-Match", lead.header("ETag")).body(qualify).put("/api/v1/leads/" + id).then().statusCode(200);
        rep.request().post("/api/v1/leads/" + id + "/convert").then().statusCode(200).body("status", equalTo("CONVERTED"));
        String contactId = lead.path("contactId");
        rep.request().get("/api/v1/contacts/" + contactId).then().body("lifecycleStage", equalTo("PURCHASE"));
        var history = rep.request().get("/api/v1/contacts/" + contactId + "/stage-history").then().extract().jsonPath();
        assertEquals("LEAD_CONVERTED", history.getString("[0].cause"));
        assertEquals("POTENTIAL", history.getString("[0].fromStage"));
        rep.request().post("/api/v1/leads/" + id + "/convert").then().statusCode(409);
    }
}
