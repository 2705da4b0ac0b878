package io.guanxi.crm.lead;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadMovesTest {

    private static String contactOf(TestUser rep) {
        return rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static String leadOn(TestUser rep, String contact) {
        return rep.request().body(Map.of("contactId", contact, "sourceChannel", "REFERRAL")).post("/api/v1/leads").then()
                .statusCode(201).extract().path("id");
    }

    private static String etag(TestUser user, String lead) {
        return user.request().get("/api/v1/leads/" + lead).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void aRepMovesTheirLeadAlongThePipelineAndSaysWhyOneWasLost() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String lead = leadOn(rep, contactOf(rep));
        String path = "/api/v1/leads/" + lead + "/move";

        rep.request().body(Map.of("status", "CONTACTED")).post(path).then().statusCode(428);
        rep.request().header("If-Match", etag(rep, lead)).body(Map.of("status", "CONTACTED")).post(path).then()
                .statusCode(200).body("status", equalTo("CONTACTED"));
        rep.request().header("If-Match", "\"0\"").body(Map.of("status", "QUALIFIED")).post(path).then().statusCode(412);
        rep.request().header("If-Match", etag(rep, lead)).body(Map.of("status", "QUALIFIED")).post(path).then()
                .statusCode(200).body("status", equalTo("QUALIFIED"));
        rep.request().header("If-Match", etag(rep, lead)).body(Map.of("status", "CONVERTED")).post(path).then()
                .statusCode(409).body("type", equalTo("urn:guanxi:problem:illegal-transition"));
        rep.request().header("If-Match", etag(rep, lead)).body(Map.of("status", "LOST")).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("lostReason"));
        rep.request().header("If-Match", etag(rep, lead)).body(Map.of("status", "LOST", "lostReason", "SOMETHING")).post(path)
                .then().statusCode(400);
        rep.request().header("If-Match", etag(rep, lead))
                .body(Map.of("status", "LOST", "lostReason", "COMPETITOR", "lostNote", "选了竞品的年度套餐")).post(path).then()
                .statusCode(200).body("status", equalTo("LOST")).body("lostReasonCode", equalTo("COMPETITOR"))
                .body("lostReason", equalTo("选了竞品的年度套餐"));
        // Reopened: the reason goes.
        rep.request().header("If-Match", etag(rep, lead)).body(Map.of("status", "NEW")).post(path).then()
                .statusCode(200).body("lostReasonCode", nullValue()).body("lostReason", nullValue());
        Api.newUser(Role.SALES_REP).request().header("If-Match", "\"0\"").body(Map.of("status", "CONTACTED")).post(path).then()
                .statusCode(404);
    }

    @Test
    void aManagerHandsLeadsOverWithTheirCustomersAndTheirOpenWork() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser from = Api.newUser(Role.SALES_REP);
        TestUser to = Api.newUser(Role.SALES_REP);
        String c1 = contactOf(from);
        String c2 = contactOf(from);
        String l1 = leadOn(from, c1);
        String l2 = leadOn(from, c2);
        String activity = from.request().body(Map.of("contactId", c1, "kind", "CALL", "dueDate", "2026-12-09"))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");
        String done = from.request().body(Map.of("contactId", c1, "kind", "CALL", "dueDate", "2026-11-01"))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");
        from.request().header("If-Match", "\"0\"").body(Map.of("outcome", "打过了")).post("/api/v1/activities/" + done + "/complete")
                .then().statusCode(200);

        from.request().body(Map.of("leadIds", List.of(l1), "ownerId", to.id().toString(), "reason", "x"))
                .post("/api/v1/leads/reassign").then().statusCode(403);
        manager.request().body(Map.of("leadIds", List.of(l1), "ownerId", to.id().toString()))
                .post("/api/v1/leads/reassign").then().statusCode(400);
        manager.request().body(Map.of("leadIds", List.of(l1, l2), "ownerId", to.id().toString(), "reason", "张晓明休假"))
                .post("/api/v1/leads/reassign").then().statusCode(200)
                .body("ownerId", equalTo(List.of(to.id().toString(), to.id().toString())))
                .body("assignmentKind", equalTo(List.of("MANAGER", "MANAGER")))
                .body("assignmentNote", equalTo(List.of("张晓明休假", "张晓明休假")));

        // The customers, their open activity, and the leads are the new rep's; the previous rep sees none of it.
        to.request().get("/api/v1/contacts/" + c1).then().statusCode(200).body("ownerId", equalTo(to.id().toString()));
        from.request().get("/api/v1/contacts/" + c1).then().statusCode(404);
        from.request().get("/api/v1/leads/" + l1).then().statusCode(404);
        to.request().get("/api/v1/activities/" + activity).then().statusCode(200).body("assigneeId", equalTo(to.id().toString()));
        from.request().get("/api/v1/activities/" + activity).then().statusCode(404);
        manager.request().get("/api/v1/activities/" + done).then().body("assigneeId", equalTo(from.id().toString()));
        to.request().get("/api/v1/notifications").then()
                .body("items.kind", equalTo(List.of("LEAD_ASSIGNED", "LEAD_ASSIGNED")))
                .body("items.leadId", containsInAnyOrder(l1, l2))
                .body("items[0].params.reason", equalTo("张晓明休假"))
                .body("items[0].actorId", equalTo(manager.id().toString()));
        from.request().get("/api/v1/notifications").then()
                .body("items.kind", equalTo(List.of("LEAD_REASSIGNED_AWAY", "LEAD_REASSIGNED_AWAY")));

        // All or nothing: a closed lead among them moves nothing.
        String closedContact = contactOf(to);
        String closed = leadOn(to, closedContact);
        to.request().header("If-Match", etag(to, closed)).body(Map.of("status", "LOST", "lostReason", "NO_NEED"))
                .post("/api/v1/leads/" + closed + "/move").then().statusCode(200);
        manager.request().body(Map.of("leadIds", List.of(l1, closed), "ownerId", from.id().toString(), "reason", "回来了"))
                .post("/api/v1/leads/reassign").then().statusCode(409);
        to.request().get("/api/v1/leads/" + l1).then().statusCode(200).body("ownerId", equalTo(to.id().toString()));
    }

    @Test
    void changingACustomersOwnerCarriesItsOpenLeadsAndActivities() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser from = Api.newUser(Role.SALES_REP);
        TestUser to = Api.newUser(Role.SALES_REP);
        String contact = contactOf(from);
        String lead = leadOn(from, contact);
        String activity = from.request().body(Map.of("contactId", contact, "kind", "VISIT", "dueDate", "2026-12-09"))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");
        var current = manager.request().get("/api/v1/contacts/" + contact).then().statusCode(200).extract();
        Map<String, Object> body = new java.util.HashMap<>(aContact().build());
        body.put("name", current.path("name"));
        body.put("mobile", current.path("mobile"));
        body.put("ownerId", to.id().toString());
        manager.request().header("If-Match", current.header("ETag")).body(body).put("/api/v1/contacts/" + contact).then()
                .statusCode(200);
        to.request().get("/api/v1/leads/" + lead).then().statusCode(200).body("ownerId", equalTo(to.id().toString()))
                .body("assignmentKind", equalTo("MANAGER"));
        to.request().get("/api/v1/activities/" + activity).then().statusCode(200);
        from.request().get("/api/v1/leads/" + lead).then().statusCode(404);
    }
}
