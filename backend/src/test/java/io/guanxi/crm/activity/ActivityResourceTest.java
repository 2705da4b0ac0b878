package io.guanxi.crm.activity;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.guanxi.crm.lead.LeadFollowUps;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActivityResourceTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    LeadFollowUps leadFollowUps;

    private static String contactOf(TestUser rep) {
        return rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> activity(String contactId, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("contactId", contactId, "kind", "CALL"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static String create(TestUser user, Map<String, Object> body) {
        return user.request().body(body).post("/api/v1/activities").then().statusCode(201).extract().path("id");
    }

    @Test
    void aRepPlansActivitiesAboutOwnCustomersAndSeesOnlyTheirOwn() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser other = Api.newUser(Role.SALES_REP);
        String contact = contactOf(rep);
        LocalDate today = LocalDate.now(SHANGHAI);

        String id = rep.request().body(activity(contact, "title", "回访报价", "dueDate", today.toString(), "priority", "HIGH"))
                .post("/api/v1/activities").then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("assigneeId", equalTo(rep.id().toString()))
                .body("createdBy", equalTo(rep.id().toString()))
                .body("allDay", equalTo(true)).body("dueDate", equalTo(today.toString()))
                .body("overdue", equalTo(false)).body("status", equalTo("OPEN"))
                .body("originRule", nullValue()).body("contactName", notNullValue())
                .extract().path("id");

        // Another rep: the activity is absent, the customer too; "all" is still only their own.
        other.request().get("/api/v1/activities/" + id).then().statusCode(404);
        other.request().body(activity(contact, "dueDate", today.toString())).post("/api/v1/activities").then().statusCode(404);
        other.request().queryParam("assignee", "all").get("/api/v1/activities").then().body("total", equalTo(0));
        other.request().queryParam("assignee", rep.id().toString()).get("/api/v1/activities").then().body("total", equalTo(0));
        // A rep gives nobody else work.
        rep.request().body(activity(contact, "dueDate", today.toString(), "assigneeId", other.id().toString()))
                .post("/api/v1/activities").then().statusCode(403);

        rep.request().queryParam("due", "today").get("/api/v1/activities").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        rep.request().queryParam("due", "overdue").get("/api/v1/activities").then().body("total", equalTo(0));
    }

    @Test
    void dueInThePastIsAllowedAndOverdueAtOnceAndTheFiltersSplitTheWeek() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String contact = contactOf(rep);
        LocalDate today = LocalDate.now(SHANGHAI);
        // 50 hours ago is before yesterday began at any time of day (30 hours was not, from midnight to 6 am in Shanghai).
        String missed = create(rep, activity(contact, "dueAt", Instant.now().minus(Duration.ofHours(50)).truncatedTo(ChronoUnit.SECONDS).toString()));
        String yesterday = create(rep, activity(contact, "dueDate", today.minusDays(1).toString()));
        String inThreeDays = create(rep, activity(contact, "dueDate", today.plusDays(3).toString()));
        String nextMonth = create(rep, activity(contact, "dueDate", today.plusDays(30).toString()));

        rep.request().get("/api/v1/activities/" + missed).then().body("overdue", equalTo(true));
        rep.request().queryParam("due", "overdue").get("/api/v1/activities").then()
                .body("items.id", contains(missed, yesterday));
        rep.request().queryParam("due", "week").get("/api/v1/activities").then().body("items.id", contains(inThreeDays));
        rep.request().queryParam("from", today.plusDays(29).toString()).queryParam("to", today.plusDays(31).toString())
                .get("/api/v1/activities").then().body("items.id", contains(nextMonth));
        rep.request().get("/api/v1/activities").then().body("total", equalTo(4));
        rep.request().queryParam("kind", "VISIT", "MEETING").get("/api/v1/activities").then().body("total", equalTo(0));
        rep.request().queryParam("kind", "CALL", "VISIT").get("/api/v1/activities").then().body("total", equalTo(4));
        rep.request().queryParam("kind", "NAP").get("/api/v1/activities").then().statusCode(400);

        rep.request().queryParam("due", "soon").get("/api/v1/activities").then().statusCode(400);
        rep.request().queryParam("from", "2026-13-01").get("/api/v1/activities").then().statusCode(400);
        rep.request().queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString())
                .get("/api/v1/activities").then().statusCode(400);
        rep.request().queryParam("assignee", "someone").get("/api/v1/activities").then().statusCode(400);
        rep.request().body(activity(contact)).post("/api/v1/activities").then().statusCode(400)
                .body("errors[0].field", equalTo("dueAt"));
        rep.request().body(activity(contact, "dueAt", "2026-12-01T00:00:00Z", "dueDate", "2026-12-01"))
                .post("/api/v1/activities").then().statusCode(400);
        rep.request().body(activity(contact, "dueDate", "2026-12-01", "kind", "NAP")).post("/api/v1/activities").then().statusCode(400);
    }

    @Test
    void editsNeedTheVersionReadAndAClosedActivityStaysClosed() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String contact = contactOf(rep);
        String id = create(rep, activity(contact, "dueDate", "2026-12-01"));

        rep.request().body(Map.of("dueDate", "2026-12-02")).post("/api/v1/activities/" + id + "/reschedule").then().statusCode(428);
        rep.request().header("If-Match", "\"7\"").body(Map.of("dueDate", "2026-12-02"))
                .post("/api/v1/activities/" + id + "/reschedule").then().statusCode(412);
        rep.request().header("If-Match", "\"0\"").body(Map.of("dueDate", "2026-12-02"))
                .post("/api/v1/activities/" + id + "/reschedule").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("dueDate", equalTo("2026-12-02"));
        rep.request().header("If-Match", "\"1\"").body(activity(contact, "kind", "VISIT", "dueAt", "2026-12-03T02:00:00Z", "note", "带样品"))
                .put("/api/v1/activities/" + id).then().statusCode(200)
                .body("kind", equalTo("VISIT")).body("allDay", equalTo(false)).body("dueDate", nullValue())
                .body("note", equalTo("带样品"));
        String another = contactOf(rep);
        rep.request().header("If-Match", "\"2\"").body(activity(another, "dueDate", "2026-12-03"))
                .put("/api/v1/activities/" + id).then().statusCode(400);

        rep.request().header("If-Match", "\"2\"").body(Map.of("reason", "客户出差"))
                .post("/api/v1/activities/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("outcome", equalTo("客户出差"))
                .body("completedBy", equalTo(rep.id().toString()));
        rep.request().header("If-Match", "\"3\"").body(Map.of()).post("/api/v1/activities/" + id + "/complete").then()
                .statusCode(409).body("type", equalTo("urn:guanxi:problem:illegal-transition"));
        rep.request().header("If-Match", "\"3\"").body(Map.of("dueDate", "2026-12-09"))
                .post("/api/v1/activities/" + id + "/reschedule").then().statusCode(409);
    }

    @Test
    void completingLogsTheCallAndSchedulesTheNextInOneStep() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String contact = contactOf(rep);
        String id = create(rep, activity(contact, "dueAt", Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString()));

        rep.request().header("If-Match", "\"0\"").body(Map.of("logInteraction", true))
                .post("/api/v1/activities/" + id + "/complete").then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        String nextId = rep.request().header("If-Match", "\"0\"")
                .body(Map.of("outcome", "客户同意周三演示", "logInteraction", true,
                        "next", Map.of("kind", "VISIT", "dueDate", "2026-12-09", "title", "上门演示")))
                .post("/api/v1/activities/" + id + "/complete").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("completed.status", equalTo("DONE")).body("completed.outcome", equalTo("客户同意周三演示"))
                .body("next.kind", equalTo("VISIT")).body("next.status", equalTo("OPEN"))
                .body("next.contactId", equalTo(contact)).body("next.title", equalTo("上门演示"))
                .extract().path("next.id");
        rep.request().get("/api/v1/contacts/" + contact + "/interactions").then()
                .body("total", equalTo(1)).body("items[0].channel", equalTo("PHONE"))
                .body("items[0].summary", equalTo("客户同意周三演示"));
        rep.request().header("If-Match", "\"1\"").body(Map.of()).post("/api/v1/activities/" + id + "/complete").then().statusCode(409);
        rep.request().get("/api/v1/activities").then().body("items.id", contains(nextId));
    }

    @Test
    void loggingAnInteractionCanPlanTheNextFollowUp() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String contact = contactOf(rep);
        rep.request().body(Map.of("channel", "WECHAT", "direction", "OUTBOUND", "summary", "发了报价",
                        "nextFollowUp", Map.of("dueDate", "2026-12-10", "note", "问报价反馈")))
                .post("/api/v1/contacts/" + contact + "/interactions").then().statusCode(201);
        rep.request().queryParam("contactId", contact).get("/api/v1/activities").then()
                .body("total", equalTo(1)).body("items[0].kind", equalTo("WECHAT"))
                .body("items[0].note", equalTo("问报价反馈")).body("items[0].dueDate", equalTo("2026-12-10"));

        // A follow-up without a due day is refused and the interaction is not logged either.
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "又打了一次",
                        "nextFollowUp", Map.of("note", "再说")))
                .post("/api/v1/contacts/" + contact + "/interactions").then().statusCode(400)
                .body("errors[0].field", equalTo("nextFollowUp.dueAt"));
        rep.request().get("/api/v1/contacts/" + contact + "/interactions").then().body("total", equalTo(1));
    }

    @Test
    void managersGiveWorkToSomeoneWhoCanSeeTheCustomerAndSeeTheTeams() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser other = Api.newUser(Role.SALES_REP);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        String contact = contactOf(rep);

        String id = create(manager, activity(contact, "dueDate", "2026-12-01", "assigneeId", rep.id().toString()));
        manager.request().body(activity(contact, "dueDate", "2026-12-01", "assigneeId", other.id().toString()))
                .post("/api/v1/activities").then().statusCode(400).body("errors[0].field", equalTo("assigneeId"));
        create(manager, activity(contact, "dueDate", "2026-12-01", "assigneeId", agent.id().toString()));
        rep.request().get("/api/v1/activities/" + id).then().statusCode(200).body("createdBy", equalTo(manager.id().toString()));
        manager.request().queryParam("assignee", rep.id().toString()).get("/api/v1/activities").then()
                .body("items.id", contains(id));
        agent.request().get("/api/v1/activities/" + id).then().statusCode(404);
    }

    @Test
    void aQuietLeadGetsOneFollowUpThatTheNextCallCompletes() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String lead = rep.request().body(Map.of("newContact", aContact().name("沉默客户").build(), "sourceChannel", "WEBSITE"))
                .post("/api/v1/leads").then().statusCode(201).extract().path("id");
        String contact = rep.request().get("/api/v1/leads/" + lead).then().extract().path("contactId");
        Instant now = Instant.now();
        leadFollowUps.scheduleFollowUps(now.plus(Duration.ofDays(2).plusHours(23)));
        rep.request().queryParam("leadId", lead).get("/api/v1/activities").then().body("total", equalTo(0));

        Instant later = now.plus(Duration.ofDays(3).plusHours(1));
        leadFollowUps.scheduleFollowUps(later);
        leadFollowUps.scheduleFollowUps(later);
        rep.request().queryParam("leadId", lead).get("/api/v1/activities").then()
                .body("total", equalTo(1))
                .body("items[0].originRule", equalTo("LEAD_NO_INTERACTION"))
                .body("items[0].originParams.days", equalTo("3"))
                .body("items[0].kind", equalTo("FOLLOW_UP"))
                .body("items[0].createdBy", nullValue());

        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "聊了需求"))
                .post("/api/v1/contacts/" + contact + "/interactions").then().statusCode(201);
        rep.request().queryParam("leadId", lead).get("/api/v1/activities").then().body("total", equalTo(0));
        rep.request().queryParam("leadId", lead).queryParam("from", "2000-01-01").queryParam("to", "2999-12-31")
                .get("/api/v1/activities").then().body("items.status", equalTo(List.of("DONE")))
                .body("items[0].completedBy", equalTo(rep.id().toString()));
    }
}
