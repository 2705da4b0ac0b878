package io.guanxi.crm.notification;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NotificationResourceTest {

    @Inject
    RuleActivities ruleActivities;

    private static String contactOf(TestUser rep) {
        return rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void workAManagerGivesReachesTheRepsBellAndOnlyTheirs() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser other = Api.newUser(Role.SALES_REP);
        String contact = contactOf(rep);
        String activity = manager.request().body(Map.of("contactId", contact, "kind", "VISIT", "dueDate", "2026-12-05",
                "assigneeId", rep.id().toString())).post("/api/v1/activities").then().statusCode(201).extract().path("id");

        rep.request().get("/api/v1/notifications/unread-count").then().statusCode(200).body("unread", equalTo(1));
        String id = rep.request().get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(1)).body("unread", equalTo(1))
                .body("items[0].kind", equalTo("ACTIVITY_ASSIGNED"))
                .body("items[0].activityId", equalTo(activity))
                .body("items[0].contactId", equalTo(contact))
                .body("items[0].actorId", equalTo(manager.id().toString()))
                .body("items[0].actorName", equalTo("测试 " + manager.username()))
                .body("items[0].readAt", nullValue())
                .extract().path("items[0].id");
        // Nobody hears of what they did themselves; another rep, and the manager, see nothing of the rep's inbox.
        manager.request().get("/api/v1/notifications").then().body("total", equalTo(0));
        other.request().get("/api/v1/notifications").then().body("total", equalTo(0));
        other.request().post("/api/v1/notifications/" + id + "/read").then().statusCode(404);
        manager.request().post("/api/v1/notifications/" + id + "/read").then().statusCode(404);

        rep.request().post("/api/v1/notifications/" + id + "/read").then().statusCode(204);
        rep.request().post("/api/v1/notifications/" + id + "/read").then().statusCode(204);
        rep.request().get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
        rep.request().queryParam("unread", true).get("/api/v1/notifications").then().body("total", equalTo(0));
        rep.request().get("/api/v1/notifications").then().body("total", equalTo(1)).body("unread", equalTo(0));
        rep.request().queryParam("unread", "yes").get("/api/v1/notifications").then().statusCode(400);
    }

    @Test
    void aMentionInAnInteractionTellsThePersonNamed() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        String contact = contactOf(rep);
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND",
                        "summary", "客户要求折扣 @" + manager.username() + " 请批示；@nobody-here 不存在"))
                .post("/api/v1/contacts/" + contact + "/interactions").then().statusCode(201);
        manager.request().get("/api/v1/notifications").then()
                .body("items.kind", equalTo(List.of("MENTION")))
                .body("items[0].contactId", equalTo(contact))
                .body("items[0].actorId", equalTo(rep.id().toString()));
        rep.request().get("/api/v1/notifications").then().body("total", equalTo(0));
    }

    @Test
    void anActivityThatFallsOverdueIsAnnouncedOnceAndAgainAfterAReschedule() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String contact = contactOf(rep);
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String activity = rep.request().body(Map.of("contactId", contact, "kind", "CALL", "dueAt", inAnHour.toString()))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");
        // Logged as already missed: the rep knows, nobody is told.
        rep.request().body(Map.of("contactId", contact, "kind", "VISIT",
                        "dueAt", Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString()))
                .post("/api/v1/activities").then().statusCode(201);
        ruleActivities.notifyOverdue(inAnHour.minusSeconds(1));
        rep.request().get("/api/v1/notifications").then().body("total", equalTo(0));
        ruleActivities.notifyOverdue(inAnHour.plus(Duration.ofMinutes(1)));
        ruleActivities.notifyOverdue(inAnHour.plus(Duration.ofMinutes(2)));
        rep.request().get("/api/v1/notifications").then()
                .body("items.kind", contains("ACTIVITY_OVERDUE"))
                .body("items[0].activityId", equalTo(activity))
                .body("items[0].actorId", nullValue());
        rep.request().post("/api/v1/notifications/read-all").then().statusCode(204);
        rep.request().get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));

        Instant tomorrow = inAnHour.plus(Duration.ofDays(1));
        rep.request().header("If-Match", "\"0\"").body(Map.of("dueAt", tomorrow.toString()))
                .post("/api/v1/activities/" + activity + "/reschedule").then().statusCode(200);
        ruleActivities.notifyOverdue(tomorrow.plusSeconds(1));
        rep.request().get("/api/v1/notifications/unread-count").then().body("unread", equalTo(1));
    }

    @Test
    void aComplaintOrALeadGivenToSomeoneTellsThem() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        TestUser other = Api.newUser(Role.SERVICE_AGENT);
        TestUser manager = Api.newUser(Role.MANAGER);
        String contact = contactOf(rep);
        String complaint = agent.request().body(Map.of("contactId", contact, "channel", "HOTLINE", "category", "LOGISTICS",
                "severity", "LOW", "description", "晚到", "assigneeId", other.id().toString()))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        other.request().get("/api/v1/notifications").then()
                .body("items.kind", contains("COMPLAINT_ASSIGNED"))
                .body("items[0].complaintId", equalTo(complaint))
                .body("items[0].actorId", equalTo(agent.id().toString()));

        String lead = manager.request().body(Map.of("contactId", contact, "sourceChannel", "REFERRAL"))
                .post("/api/v1/leads").then().statusCode(201).extract().path("id");
        manager.request().body(Map.of("ownerId", rep.id().toString())).post("/api/v1/leads/" + lead + "/assign").then()
                .statusCode(200);
        rep.request().get("/api/v1/notifications").then()
                .body("items.kind", contains("LEAD_ASSIGNED"))
                .body("items[0].leadId", equalTo(lead))
                .body("items[0].actorId", equalTo(manager.id().toString()));
    }

    @Test
    void mentionsAreUsernamesNotEmailAddresses() {
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("rep.zhang", "li_na"),
                Notifications.mentions("@rep.zhang 和 @li_na. 邮件 a@b.cn"));
    }
}
