package io.guanxi.crm.platform.export;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lead, purchase, complaint and activity exports: each through its own list, so the same filters and
 * visibility (a rep never gets another rep's rows), columns and ids, headers and enum values in the reader's language.
 */
@QuarkusTest
class ListExportTest {

    private static List<List<String>> csv(String body) {
        assertTrue(body.startsWith("\uFEFF"));
        return Arrays.stream(body.substring(1).split("\r\n")).map(line -> Arrays.asList(line.split(",", -1))).toList();
    }

    private static List<List<String>> export(TestUser user, String list, Map<String, Object> params) {
        return csv(user.request().header("Accept-Language", "en").queryParams(params).get("/api/v1/" + list + "/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"" + list + "-")).extract().asString());
    }

    private static String contactOf(TestUser rep) {
        return rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void leadsOfOtherRepsStayOut() {
        TestUser repA = Api.newUser(Role.SALES_REP);
        TestUser repB = Api.newUser(Role.SALES_REP);
        String lead = repA.request().body(new HashMap<>(Map.of("newContact", aContact().name("线索甲").build(), "sourceChannel", "WEBSITE")))
                .post("/api/v1/leads").then().statusCode(201).extract().path("id");
        repB.request().body(new HashMap<>(Map.of("newContact", aContact().name("线索乙").build(), "sourceChannel", "WEBSITE")))
                .post("/api/v1/leads").then().statusCode(201);
        List<List<String>> rows = export(repA, "leads", Map.of("queue", "MINE", "columns", "contact,status,id"));
        assertEquals(List.of("Contact", "Status", "ID"), rows.get(0));
        assertTrue(rows.contains(List.of("线索甲", "New", lead)), rows.toString());
        assertTrue(rows.stream().noneMatch(r -> r.get(0).equals("线索乙")), rows.toString());
        assertEquals(List.of(List.of("Contact"), List.of("线索甲")), export(repA, "leads", Map.of("ids", lead, "columns", "contact")));
    }

    @Test
    void purchasesOfAContactWithTheirChannel() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String contact = contactOf(rep);
        String at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        rep.request().body(Map.of("contactId", contact, "amount", 1288.5, "channel", "STORE", "occurredAt", at))
                .post("/api/v1/purchases").then().statusCode(201);
        assertEquals(List.of(List.of("Amount", "Channel", "Contact ID"), List.of("1288.50", "Store", contact)),
                export(rep, "purchases", Map.of("contactId", contact, "columns", "amount,channel,contactId")));
        Api.newUser(Role.SALES_REP).request().queryParam("contactId", contact).get("/api/v1/purchases/export").then()
                .statusCode(200).body(equalTo("\uFEFF" + "日期,金额,已退款,净额,币种,渠道,商品,订单号,客户 ID,ID\r\n"));
    }

    @Test
    void complaintsInTheReadersLanguage() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        String contact = contactOf(rep);
        agent.request().body(Map.of("contactId", contact, "channel", "HOTLINE", "category", "LOGISTICS", "severity", "HIGH",
                "description", "教材晚到一周", "assigneeId", agent.id().toString())).post("/api/v1/complaints").then().statusCode(201);
        assertEquals(List.of(List.of("Channel", "Category", "Severity", "What happened"), List.of("Hotline", "Logistics", "High", "教材晚到一周")),
                export(agent, "complaints", Map.of("contactId", contact, "columns", "channel,category,severity,description")));
        List<List<String>> zh = csv(agent.request().queryParam("contactId", contact).queryParam("columns", "severity")
                .get("/api/v1/complaints/export").then().statusCode(200).extract().asString());
        assertEquals("严重程度", zh.get(0).get(0));
    }

    @Test
    void activitiesAreTheAssigneesOwn() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser other = Api.newUser(Role.SALES_REP);
        String contact = contactOf(rep);
        String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        rep.request().body(Map.of("contactId", contact, "kind", "CALL", "title", "回访报价", "dueDate", due, "priority", "HIGH"))
                .post("/api/v1/activities").then().statusCode(201);
        assertEquals(List.of(List.of("Title", "Kind", "Priority", "Status"), List.of("回访报价", "Call", "High", "Open")),
                export(rep, "activities", Map.of("contactId", contact, "columns", "title,kind,priority,status")));
        other.request().queryParam("contactId", contact).get("/api/v1/activities/export").then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(1, export(other, "activities", Map.of("assignee", "me", "columns", "title")).size(), "only the header");
    }

    @Test
    void badParametersAreProblems() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        for (String list : List.of("leads", "purchases", "complaints", "activities")) {
            rep.request().queryParam("format", "ods").get("/api/v1/" + list + "/export").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
            rep.request().queryParam("columns", "nope").get("/api/v1/" + list + "/export").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("columns"));
        }
    }
}
