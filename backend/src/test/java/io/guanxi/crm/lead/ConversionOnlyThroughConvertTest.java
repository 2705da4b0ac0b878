package io.guanxi.crm.lead;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13 finding 13: a lead is won only through /convert, which also makes its contact a customer. */
@QuarkusTest
class ConversionOnlyThroughConvertTest {

    private static Response put(TestUser user, String id, Map<String, Object> body) {
        String etag = user.request().get("/api/v1/leads/" + id).then().statusCode(200).extract().header("ETag");
        return user.request().header("If-Match", etag).body(body).put("/api/v1/leads/" + id);
    }

    @Test
    void anEditCannotConvertALeadNorUndoAConversion() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        Map<String, Object> body = new HashMap<>(Map.of("newContact", aContact().build(), "sourceChannel", "WEBSITE"));
        var created = rep.request().body(body).post("/api/v1/leads").then().statusCode(201).extract();
        String id = created.path("id");
        String contactId = created.path("contactId");
        Map<String, Object> edit = new HashMap<>(Map.of("contactId", contactId, "sourceChannel", "WEBSITE", "status", "CONVERTED"));

        put(rep, id, edit).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:guanxi:problem:illegal-transition")).body("status", equalTo(409));
        rep.request().get("/api/v1/leads/" + id).then().body("status", equalTo("NEW"));
        rep.request().get("/api/v1/contacts/" + contactId).then().body("lifecycleStage", equalTo("POTENTIAL"));

        // The way to win it: qualify, then convert; the contact becomes a customer.
        edit.put("status", "QUALIFIED");
        put(rep, id, edit).then().statusCode(200).body("status", equalTo("QUALIFIED"));
        rep.request().post("/api/v1/leads/" + id + "/convert").then().statusCode(200).body("status", equalTo("CONVERTED"));
        rep.request().get("/api/v1/contacts/" + contactId).then().body("lifecycleStage", equalTo("PURCHASE"));

        // A won lead stays won; editing its other fields with the same status is fine.
        edit.put("status", "NEW");
        put(rep, id, edit).then().statusCode(409).body("type", equalTo("urn:guanxi:problem:illegal-transition"));
        edit.put("status", "CONVERTED");
        edit.put("notes", "已成交");
        put(rep, id, edit).then().statusCode(200).body("status", equalTo("CONVERTED")).body("notes", equalTo("已成交"));
    }

    @Test
    void aLeadCannotBeCreatedConverted() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        Map<String, Object> body = new HashMap<>(Map.of("newContact", aContact().build(), "sourceChannel", "WEBSITE",
                "status", "CONVERTED"));
        rep.request().body(body).post("/api/v1/leads").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        // Only the rep's own leads: reps also see the unassigned queue, which other classes may have filled.
        rep.request().queryParam("queue", "mine").get("/api/v1/leads").then().statusCode(200).body("total", equalTo(0));
    }
}
