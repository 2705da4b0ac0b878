package io.guanxi.crm.today;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TodayResourceTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static String contact(TestUser rep, Object... fields) {
        var body = aContact();
        for (int i = 0; i < fields.length; i += 2) {
            body = body.with((String) fields[i], fields[i + 1]);
        }
        return rep.request().body(body.build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static String activity(TestUser rep, String contactId, String dueField, String due) {
        return rep.request().body(Map.of("contactId", contactId, "kind", "CALL", dueField, due))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");
    }

    @Test
    void aRepsDayHasTheOverdueTheDueTheNewLeadsAndTheQuietCustomers() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        LocalDate today = LocalDate.now(SHANGHAI);
        String c = contact(rep, "name", "今日客户");
        String overdue = activity(rep, c, "dueAt", Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS).toString());
        String dueToday = activity(rep, c, "dueDate", today.toString());
        activity(rep, c, "dueDate", today.plusDays(3).toString());
        activity(rep, c, "dueDate", today.plusDays(30).toString());
        String lead = rep.request().body(Map.of("contactId", c, "sourceChannel", "WEBSITE")).post("/api/v1/leads").then()
                .statusCode(201).extract().path("id");
        String quiet = contact(rep, "name", "久未联系", "lifecycleStage", "PURCHASE");
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "上次通话",
                        "occurredAt", Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS).toString()))
                .post("/api/v1/contacts/" + quiet + "/interactions").then().statusCode(201);

        rep.request().get("/api/v1/today").then().statusCode(200)
                .body("day", equalTo(today.toString()))
                .body("overdue.total", equalTo(1)).body("overdue.first.id", contains(overdue))
                .body("overdue.first[0].contactName", equalTo("今日客户"))
                .body("dueToday.total", equalTo(1)).body("dueToday.first.id", contains(dueToday))
                .body("nextSevenDays", equalTo(1))
                .body("newLeads.total", equalTo(1)).body("newLeads.first[0].id", equalTo(lead))
                .body("newLeads.first[0].contactName", equalTo("今日客户"))
                .body("newLeads.first[0].waitingSince", notNullValue())
                .body("quietCustomers.total", equalTo(1)).body("quietCustomers.first[0].id", equalTo(quiet))
                .body("complaints", nullValue()).body("team", nullValue());

        // Another rep's day holds nothing of this one's.
        Api.newUser(Role.SALES_REP).request().get("/api/v1/today").then().statusCode(200)
                .body("overdue.total", equalTo(0)).body("newLeads.total", equalTo(0)).body("quietCustomers.total", equalTo(0));
    }

    @Test
    void anAgentSeesComplaintsByTheNextDeadlineAndAManagerTheTeam() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        TestUser manager = Api.newUser(Role.MANAGER);
        String c = contact(rep, "name", "投诉客户");
        String complaint = agent.request().body(Map.of("contactId", c, "channel", "HOTLINE", "category", "LOGISTICS",
                        "severity", "CRITICAL", "description", "货未到", "assigneeId", agent.id().toString()))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        agent.request().get("/api/v1/today").then().statusCode(200)
                .body("complaints.first.id", hasItem(complaint))
                .body("complaints.first.find { it.id == '" + complaint + "' }.contactName", equalTo("投诉客户"))
                .body("complaints.first.find { it.id == '" + complaint + "' }.nextDueAt", notNullValue())
                .body("newLeads", nullValue()).body("team", nullValue());

        activity(rep, c, "dueAt", Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString());
        manager.request().get("/api/v1/today").then().statusCode(200)
                .body("team.overdueByPerson.find { it.assigneeId == '" + rep.id() + "' }.overdue", equalTo(1))
                .body("team.overdueByPerson.find { it.assigneeId == '" + rep.id() + "' }.assigneeName", equalTo("测试 " + rep.username()))
                .body("team.unassignedLeads.total", notNullValue())
                .body("team.leadReach.assigned", notNullValue())
                .body("team.onTime.due", notNullValue())
                .body("complaints", nullValue()).body("newLeads", nullValue());
    }
}
