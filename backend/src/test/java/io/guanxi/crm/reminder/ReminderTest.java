package io.guanxi.crm.reminder;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReminderTest {

    @Inject
    ReminderService reminders;

    @Test
    void aLeadWithoutInteractionForThreeDaysRemindsItsOwnerOnce() {
        var rep = Api.newUser(Role.SALES_REP);
        var quiet = rep.request().body(Map.of("newContact", aContact().name("沉默客户").build(), "sourceChannel", "WEBSITE"))
                .post("/api/v1/leads").then().statusCode(201).extract();
        Instant now = Instant.now();
        reminders.remindStaleLeads(now.plus(Duration.ofDays(2)).plus(Duration.ofHours(23)));
        rep.request().get("/api/v1/reminders").then().statusCode(200).body("total", equalTo(0));

        Instant later = now.plus(Duration.ofDays(3).plusHours(1));
        reminders.remindStaleLeads(later);
        reminders.remindStaleLeads(later);
        String id = rep.request().get("/api/v1/reminders").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].leadId", equalTo(quiet.path("id")))
                .body("items[0].reason", equalTo("LEAD_NO_INTERACTION"))
                .extract().path("items[0].id");

        Api.newUser(Role.SALES_REP).request().post("/api/v1/reminders/" + id + "/done").then().statusCode(404);
        rep.request().post("/api/v1/reminders/" + id + "/done").then().statusCode(204);
        rep.request().post("/api/v1/reminders/" + id + "/done").then().statusCode(204);
        rep.request().get("/api/v1/reminders").then().body("total", equalTo(0));
        rep.request().queryParam("done", true).get("/api/v1/reminders").then()
                .body("total", equalTo(1)).body("items[0].doneAt", notNullValue());
    }
}
