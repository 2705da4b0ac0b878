package io.guanxi.crm.privacy;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PrivacyRequestTest {

    private static final String REQUESTS = "/api/v1/privacy/requests";
    private static final List<String> SECTIONS = List.of("profile", "interactions", "purchases", "pointsAccount", "pointsEntries",
            "redemptions", "leads", "complaints", "surveys", "activities", "privacyRequests");
    /** The sections the test customer has rows in (no redemption). */
    private static final List<String> FILLED = SECTIONS.stream().filter(s -> !s.equals("redemptions")).toList();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Inject
    EntityManager em;

    /** A customer with something in every feature: interactions, a sale and a refund, points, a lead, a complaint, a survey, an activity. */
    private record Customer(String id, String name, String mobile, String email) {
    }

    private static Customer richCustomer(TestUser rep, TestUser agent, TestUser manager, String name) {
        String mobile = Api.uniqueMobile();
        String email = "p" + mobile + "@example.cn";
        String id = rep.request().body(aContact().name(name).with("mobile", mobile).with("email", email).with("wechatId", "wx" + mobile)
                        .with("company", name + "科技").with("city", "杭州").with("birthday", "1988-04-12").with("hiddenNeeds", "想给孩子报班")
                        .with("marketingConsent", true).tags("老客户").build())
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", name + "说下月搬家到上海"))
                .post("/api/v1/contacts/" + id + "/interactions").then().statusCode(201);
        String purchase = rep.request().body(Map.of("contactId", id, "amount", 1200.00, "channel", "STORE",
                        "occurredAt", Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString()))
                .post("/api/v1/purchases").then().statusCode(201).extract().path("id");
        rep.request().body(Map.of("amount", 200.00, "reason", name + "不满意退一部分")).post("/api/v1/purchases/" + purchase + "/refunds")
                .then().statusCode(201);
        manager.request().body(Map.of("points", 300, "reason", "老客户回馈")).post("/api/v1/loyalty/accounts/" + id + "/adjustments")
                .then().statusCode(201);
        rep.request().body(Map.of("contactId", id, "sourceChannel", "REFERRAL", "notes", name + "预算在五万左右"))
                .post("/api/v1/leads").then().statusCode(201);
        String complaint = agent.request().body(Map.of("contactId", id, "channel", "HOTLINE", "category", "LOGISTICS", "severity", "LOW",
                        "description", name + "的教材晚到一周", "assigneeId", agent.id().toString()))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        String etag = agent.request().get("/api/v1/complaints/" + complaint).then().extract().header("ETag");
        agent.request().header("If-Match", etag).body(Map.of("message", "非常理解" + name + "的着急"))
                .post("/api/v1/complaints/" + complaint + "/acknowledge").then().statusCode(200);
        // The sale invited them already when the survey policy surveys purchases; otherwise the rep does.
        List<String> links = rep.request().get("/api/v1/contacts/" + id + "/survey-invitations").then().statusCode(200).extract().path("link");
        String link = links.isEmpty() ? rep.request().body(Map.of("template", "NPS")).post("/api/v1/contacts/" + id + "/survey-invitations")
                .then().statusCode(201).extract().path("link") : links.get(0);
        int n = ADDRESSES.incrementAndGet();
        given().header("X-Forwarded-For", "10.91." + (n / 250 % 250) + "." + (n % 250 + 1)).contentType(ContentType.JSON)
                .body(Map.of("score", 9, "comment", name + "老师很负责")).post("/api/v1/public/survey-invitations/"
                        + link.substring(link.lastIndexOf("/s/") + 3)).then().statusCode(204);
        rep.request().body(Map.of("contactId", id, "kind", "CALL", "title", "回访" + name, "note", name + "下午方便",
                "dueDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString())).post("/api/v1/activities").then().statusCode(201);
        return new Customer(id, name, mobile, email);
    }

    private static String request(TestUser who, String contactId, String kind) {
        return who.request().body(Map.of("contactId", contactId, "kind", kind, "channel", "PHONE", "details", "客户来电要求"))
                .post(REQUESTS).then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
    }

    private static String step(TestUser admin, String id, String action, String etag, Map<String, Object> body, int status) {
        return admin.request().header("If-Match", etag).body(body).post(REQUESTS + "/" + id + "/" + action).then().statusCode(status)
                .extract().header("ETag");
    }

    @Test
    void anAccessRequestIsVerifiedFulfilledAndItsCopyHoldsEveryFeatureOfThatCustomerOnly() throws IOException {
        TestUser admin = Api.newUser(Role.ADMIN);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        Customer asker = richCustomer(rep, agent, manager, "查询甲");
        Customer other = richCustomer(rep, agent, manager, "旁人乙");

        // The agent who took the call registers it; it is due 15 days after receipt.
        String id = request(agent, asker.id(), "ACCESS");
        JsonPath received = agent.request().get(REQUESTS + "/" + id).then().statusCode(200).body("state", equalTo("RECEIVED"))
                .body("contactName", equalTo("查询甲")).body("registeredBy", equalTo(agent.id().toString()))
                .body("allowedActions", equalTo(List.of())).extract().jsonPath();
        LocalDate receivedOn = LocalDate.ofInstant(Instant.parse(received.getString("receivedAt")), ZoneId.of("Asia/Shanghai"));
        assertEquals(receivedOn.plusDays(15).toString(), received.getString("dueOn"));
        admin.request().get(REQUESTS + "/" + id).then().body("allowedActions", containsInAnyOrder("VERIFY", "REFUSE"));
        // Only admins move it; the copy exists only once fulfilled.
        agent.request().header("If-Match", "\"0\"").body(Map.of()).post(REQUESTS + "/" + id + "/verify").then().statusCode(403);
        admin.request().get(REQUESTS + "/" + id + "/export").then().statusCode(409);

        step(admin, id, "verify", "\"0\"", Map.of("note", "核对身份证后四位"), 200);
        String etag = step(admin, id, "fulfil", "\"1\"", Map.of(), 200);
        assertEquals("\"2\"", etag);
        admin.request().get(REQUESTS + "/" + id).then().body("state", equalTo("FULFILLED")).body("handledBy", equalTo(admin.id().toString()))
                .body("handledAt", notNullValue()).body("verification", equalTo("核对身份证后四位")).body("exportAvailable", equalTo(true))
                .body("allowedActions", equalTo(List.of()));

        String json = admin.request().get(REQUESTS + "/" + id + "/export?format=JSON").then().statusCode(200)
                .contentType(containsString("application/json")).header("Content-Disposition", containsString(".json")).extract().asString();
        JsonPath copy = new JsonPath(json);
        assertTrue(copy.getMap("").keySet().containsAll(SECTIONS), "every section: " + copy.getMap("").keySet());
        for (String section : FILLED) {
            List<Map<String, Object>> rows = copy.getList(section);
            assertFalse(rows.isEmpty(), section + " holds the customer's rows");
        }
        assertEquals("查询甲", copy.getString("profile[0].name"));
        assertEquals(asker.mobile(), copy.getString("profile[0].mobile"));
        assertEquals(List.of("老客户"), copy.getList("profile[0].tags"));
        assertEquals("想给孩子报班", copy.getString("profile[0].hidden_needs"));
        assertFalse(copy.getList("profile[0].stage_history").isEmpty(), "the lifecycle history");
        assertTrue(copy.getList("interactions.summary").contains("查询甲说下月搬家到上海"));
        assertEquals(0, new BigDecimal("200.00").compareTo(new BigDecimal(copy.getString("purchases[0].refunds[0].amount"))));
        assertTrue(copy.getList("pointsEntries.reason").contains("老客户回馈"), "the adjustment is in the ledger");
        assertEquals("查询甲预算在五万左右", copy.getString("leads[0].notes"));
        assertFalse(copy.getList("leads[0].score_history").isEmpty());
        assertEquals("查询甲的教材晚到一周", copy.getString("complaints[0].description"));
        assertTrue(copy.getList("complaints[0].events.text").contains("非常理解查询甲的着急"));
        assertEquals("查询甲老师很负责", copy.getString("surveys[0].answer.comment"));
        assertFalse(copy.getMap("surveys[0]").containsKey("token"), "the link token is not part of the copy");
        assertTrue(copy.getList("activities.note").contains("查询甲下午方便"));
        assertEquals(id, copy.getString("privacyRequests[0].id"));
        // Nothing of another customer.
        assertFalse(json.contains(other.id()), "another customer's id");
        assertFalse(json.contains(other.mobile()), "another customer's mobile");
        assertFalse(json.contains("旁人乙"), "another customer's name or texts");
        for (String section : List.of("interactions", "purchases", "leads", "complaints", "surveys", "activities", "pointsEntries")) {
            assertEquals(List.of(asker.id()), copy.getList(section + ".contact_id").stream().distinct().toList(), section);
        }

        // XLSX: a workbook with a sheet per section.
        byte[] xlsx = admin.request().get(REQUESTS + "/" + id + "/export?format=XLSX").then().statusCode(200)
                .contentType(containsString("spreadsheetml")).extract().asByteArray();
        String workbook = zipEntry(xlsx, "xl/workbook.xml");
        for (String section : SECTIONS) {
            assertTrue(workbook.contains("name=\"" + section), section + " sheet in " + workbook);
        }
        // fastexcel writes non-ASCII text as character references: the mobile (digits) shows the rows are there.
        assertTrue(allEntries(xlsx).contains(asker.mobile()), "cells hold the rows");
        // The requests of a customer are theirs to read: the other customer's list is empty.
        admin.request().get(REQUESTS + "?contactId=" + other.id()).then().body("total", equalTo(0));
        admin.request().get(REQUESTS + "?contactId=" + asker.id() + "&kind=ACCESS&state=FULFILLED").then().body("total", equalTo(1));
    }

    @Test
    void everyKindMovesOnlyAlongItsStatesAndEveryChangeNamesTheVersionItRead() {
        TestUser admin = Api.newUser(Role.ADMIN);
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        String contact = rep.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");

        for (String kind : List.of("CORRECTION", "WITHDRAWAL", "EXPLANATION")) {
            String id = request(manager, contact, kind);
            admin.request().body(Map.of()).post(REQUESTS + "/" + id + "/verify").then().statusCode(428);
            admin.request().header("If-Match", "\"5\"").body(Map.of()).post(REQUESTS + "/" + id + "/verify").then().statusCode(412);
            admin.request().header("If-Match", "\"0\"").body(Map.of()).post(REQUESTS + "/" + id + "/fulfil").then().statusCode(409)
                    .contentType(containsString("problem+json")).body("type", equalTo("urn:guanxi:problem:illegal-transition"))
                    .body("state", equalTo("RECEIVED"));
            step(admin, id, "verify", "\"0\"", Map.of(), 200);
            // Done elsewhere: the note saying what was done is required.
            admin.request().header("If-Match", "\"1\"").body(Map.of()).post(REQUESTS + "/" + id + "/fulfil").then().statusCode(400)
                    .body("errors.field", hasItem("note"));
            step(admin, id, "fulfil", "\"1\"", Map.of("note", "已在客户档案中处理"), 200);
            admin.request().get(REQUESTS + "/" + id).then().body("state", equalTo("FULFILLED")).body("note", equalTo("已在客户档案中处理"))
                    .body("exportAvailable", equalTo(false));
            step(admin, id, "refuse", "\"2\"", Map.of("reason", "迟了"), 409);
            step(admin, id, "verify", "\"2\"", Map.of(), 409);
            admin.request().get(REQUESTS + "/" + id + "/export").then().statusCode(409);
        }

        // Refused from RECEIVED and from VERIFIED, always with a reason.
        String early = request(manager, contact, "DELETION");
        admin.request().header("If-Match", "\"0\"").body(Map.of()).post(REQUESTS + "/" + early + "/refuse").then().statusCode(400);
        admin.request().header("If-Match", "\"0\"").body(Map.of("reason", " ")).post(REQUESTS + "/" + early + "/refuse").then().statusCode(400);
        step(admin, early, "refuse", "\"0\"", Map.of("reason", "无法核实申请人身份"), 200);
        admin.request().get(REQUESTS + "/" + early).then().body("state", equalTo("REFUSED")).body("refusalReason", equalTo("无法核实申请人身份"))
                .body("handledBy", equalTo(admin.id().toString())).body("allowedActions", equalTo(List.of()));
        step(admin, early, "verify", "\"1\"", Map.of(), 409);
        String late = request(manager, contact, "ACCESS");
        step(admin, late, "verify", "\"0\"", Map.of(), 200);
        step(admin, late, "refuse", "\"1\"", Map.of("reason", "申请人撤回"), 200);
        // A refused DELETION erased nothing.
        rep.request().get("/api/v1/contacts/" + contact).then().body("anonymisedAt", nullValue()).body("name", equalTo("测试客户"));

        // Registrars follow their own requests; admins all; reps none.
        manager.request().get(REQUESTS + "?contactId=" + contact).then().statusCode(200).body("total", equalTo(5));
        TestUser otherManager = Api.newUser(Role.MANAGER);
        otherManager.request().get(REQUESTS + "?contactId=" + contact).then().statusCode(200).body("total", equalTo(0));
        otherManager.request().get(REQUESTS + "/" + early).then().statusCode(404);
        rep.request().get(REQUESTS).then().statusCode(403);
        admin.request().get(REQUESTS + "?contactId=" + contact + "&state=REFUSED").then().body("total", equalTo(2));
        // Bad input is a problem, never stored.
        manager.request().body(Map.of("contactId", contact, "kind", "FORGET", "channel", "PHONE")).post(REQUESTS).then().statusCode(400);
        manager.request().body(Map.of("contactId", contact, "kind", "ACCESS", "channel", "PHONE",
                "receivedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).post(REQUESTS).then().statusCode(400)
                .body("errors.field", hasItem("receivedAt"));
        manager.request().body(Map.of("contactId", java.util.UUID.randomUUID().toString(), "kind", "ACCESS", "channel", "PHONE"))
                .post(REQUESTS).then().statusCode(404);
    }

    @Test
    void aDeletionRequestAnonymisesTheCustomerEverywhereAndTheBooksStillAddUp() {
        TestUser admin = Api.newUser(Role.ADMIN);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        Customer leaving = richCustomer(rep, agent, manager, "注销丙");
        Customer staying = richCustomer(rep, agent, manager, "留下丁");
        Map<String, Object> booksBefore = books(leaving.id());
        Map<String, Object> otherBefore = books(staying.id());
        String pinyin = rep.request().get("/api/v1/contacts/" + leaving.id()).then().extract().path("namePinyin");
        // Before: the old mobile is a duplicate.
        rep.request().body(aContact().name("新人").with("mobile", leaving.mobile()).build()).post("/api/v1/contacts").then().statusCode(409)
                .body("type", equalTo("urn:guanxi:problem:duplicate-contact"));

        String id = request(admin, leaving.id(), "DELETION");
        step(admin, id, "verify", "\"0\"", Map.of(), 200);
        step(admin, id, "fulfil", "\"1\"", Map.of(), 200);
        admin.request().get(REQUESTS + "/" + id).then().body("state", equalTo("FULFILLED")).body("contactAnonymised", equalTo(true))
                .body("rowsAnonymised", notNullValue()).body("details", nullValue());

        // The profile: who they were is gone, what they did stays.
        rep.request().get("/api/v1/contacts/" + leaving.id()).then().statusCode(200).body("anonymisedAt", notNullValue())
                .body("name", equalTo("")).body("mobile", nullValue()).body("email", nullValue()).body("wechatId", nullValue())
                .body("company", nullValue()).body("city", nullValue()).body("birthday", nullValue()).body("hiddenNeeds", nullValue())
                .body("tags", equalTo(List.of())).body("namePinyin", equalTo(""));
        assertEquals(booksBefore, books(leaving.id()), "points, purchases, complaints and their counts are unchanged");
        assertEquals(otherBefore, books(staying.id()));
        // Free text erased in every feature; the other customer's untouched.
        assertEquals(List.of(""), texts("SELECT summary AS t FROM interaction WHERE contact_id = :c", leaving.id()));
        assertEquals(List.of(staying.name() + "说下月搬家到上海"), texts("SELECT summary AS t FROM interaction WHERE contact_id = :c", staying.id()));
        assertEquals(List.of(""), texts("SELECT description AS t FROM complaint WHERE contact_id = :c", leaving.id()));
        assertEquals(List.of("-"), texts("SELECT coalesce(e.text, '-') AS t FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id "
                + "WHERE c.contact_id = :c AND e.action = 'ACKNOWLEDGE'", leaving.id()));
        assertEquals(List.of("-"), texts("SELECT coalesce(comment, '-') AS t FROM survey_answer WHERE contact_id = :c", leaving.id()));
        assertEquals(List.of("-"), texts("SELECT coalesce(notes, '-') AS t FROM lead WHERE contact_id = :c", leaving.id()));
        assertEquals(List.of("-|-"), texts("SELECT coalesce(note, '-') || '|' || coalesce(title, '-') AS t FROM activity WHERE contact_id = :c",
                leaving.id()));
        assertEquals(List.of(""), texts("SELECT r.reason AS t FROM refund r JOIN purchase p ON p.id = r.purchase_id WHERE p.contact_id = :c",
                leaving.id()));
        rep.request().get("/api/v1/contacts/" + staying.id()).then().body("name", equalTo("留下丁")).body("mobile", equalTo(staying.mobile()))
                .body("anonymisedAt", nullValue());

        // Search by the old name, pinyin, initials, mobile or email finds nothing; the duplicate check no longer matches.
        for (String q : List.of("注销丙", pinyin, leaving.mobile(), leaving.mobile().substring(3), leaving.email())) {
            admin.request().queryParam("q", q).queryParam("size", 200).get("/api/v1/contacts").then().statusCode(200)
                    .body("items.id", not(hasItem(leaving.id())));
            admin.request().queryParam("q", q).get("/api/v1/search").then().statusCode(200).body(not(containsString(leaving.id())));
        }
        admin.request().queryParam("q", "留下丁").get("/api/v1/contacts").then().body("items.id", hasItem(staying.id()));
        rep.request().body(aContact().name("新人").with("mobile", leaving.mobile()).build()).post("/api/v1/contacts").then().statusCode(201);

        // An anonymised profile cannot be edited back into a person.
        String etag = rep.request().get("/api/v1/contacts/" + leaving.id()).then().extract().header("ETag");
        rep.request().header("If-Match", etag).body(aContact().name("注销丙").build()).put("/api/v1/contacts/" + leaving.id()).then()
                .statusCode(409).body("type", equalTo("urn:guanxi:problem:contact-anonymised"));
        // Its earlier access copies are erased with it; a second deletion changes nothing more.
        String again = request(admin, leaving.id(), "DELETION");
        step(admin, again, "verify", "\"0\"", Map.of(), 200);
        step(admin, again, "fulfil", "\"1\"", Map.of(), 200);
        // Only the new request's own words were left to erase.
        admin.request().get(REQUESTS + "/" + again).then().body("rowsAnonymised", equalTo(1)).body("details", nullValue());
        assertEquals(booksBefore, books(leaving.id()));
    }

    @Test
    void aMergeMadeThemOnePersonSoARequestCoversTheMergedContactsAndTheMergeRecord() {
        TestUser admin = Api.newUser(Role.ADMIN);
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        String survivorMobile = Api.uniqueMobile();
        String mergedMobile = Api.uniqueMobile();
        String survivor = rep.request().body(aContact().name("合并戊").with("mobile", survivorMobile).build()).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String merged = rep.request().body(aContact().name("合并戊").with("mobile", mergedMobile).with("wechatId", "wx" + mergedMobile)
                .with("city", "苏州").build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "旧号码上聊过续费"))
                .post("/api/v1/contacts/" + merged + "/interactions").then().statusCode(201);
        String mergeId = manager.request().body(Map.of("survivor", Map.of("id", survivor, "etag", etagOf(manager, survivor)),
                        "others", List.of(Map.of("id", merged, "etag", etagOf(manager, merged))), "choices", Map.of("city", merged)))
                .post("/api/v1/contacts/merge").then().statusCode(201).extract().path("id");

        // Access, asked under the merged id: both profiles (the survivor first), what moved, and the merge with its values.
        String access = request(admin, merged, "ACCESS");
        step(admin, access, "verify", "\"0\"", Map.of(), 200);
        step(admin, access, "fulfil", "\"1\"", Map.of(), 200);
        JsonPath copy = new JsonPath(admin.request().get(REQUESTS + "/" + access + "/export?format=JSON").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of(survivor, merged), copy.getList("profile.id"));
        assertEquals(List.of(survivorMobile, mergedMobile), copy.getList("profile.mobile"));
        assertTrue(copy.getList("interactions.summary").contains("旧号码上聊过续费"), "moved to the survivor, still theirs");
        assertEquals(List.of(mergeId), copy.getList("merges.id"));
        assertEquals("苏州", copy.getString("merges[0].survivor_after.city"));

        // Deletion, asked under the survivor's id: the merged row's own profile and the merge's recorded values go too.
        String deletion = request(admin, survivor, "DELETION");
        step(admin, deletion, "verify", "\"0\"", Map.of(), 200);
        step(admin, deletion, "fulfil", "\"1\"", Map.of(), 200);
        assertEquals(List.of("||true"), texts("SELECT name || '|' || coalesce(mobile, '') || '|' || coalesce(wechat_id, '') || "
                + "(anonymised_at IS NOT NULL) AS t FROM contact WHERE id = :c", merged));
        assertEquals(List.of("{}|{}"), texts("SELECT CAST(survivor_before AS text) || '|' || CAST(survivor_after AS text) AS t "
                + "FROM contact_merge WHERE survivor_id = :c", survivor));
        assertEquals(List.of("", ""), texts("SELECT access_copy_text AS t FROM (SELECT coalesce(CAST(access_copy AS text), '') AS "
                + "access_copy_text FROM privacy_request WHERE contact_id IN (SELECT id FROM contact WHERE id = :c OR merged_into_id = :c)) r",
                survivor));
        // The merge cannot be undone into a person again.
        manager.request().post("/api/v1/merges/" + mergeId + "/undo").then().statusCode(409).body("reason", equalTo("ERASED_SINCE"));
    }

    private static String etagOf(TestUser who, String contactId) {
        return who.request().get("/api/v1/contacts/" + contactId).then().statusCode(200).extract().header("ETag");
    }

    /** The customer's ledger and counts: what anonymisation must not change. */
    private Map<String, Object> books(String contactId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            jakarta.persistence.Tuple row = (jakarta.persistence.Tuple) em.createNativeQuery("""
                    SELECT (SELECT coalesce(sum(points), 0) FROM points_entry WHERE contact_id = CAST(:c AS uuid)) AS points,
                           (SELECT balance FROM loyalty_account WHERE contact_id = CAST(:c AS uuid)) AS balance,
                           (SELECT coalesce(sum(amount), 0) FROM purchase WHERE contact_id = CAST(:c AS uuid)) AS amount,
                           (SELECT coalesce(sum(refunded_amount), 0) FROM purchase WHERE contact_id = CAST(:c AS uuid)) AS refunded,
                           (SELECT count(*) FROM complaint WHERE contact_id = CAST(:c AS uuid)) AS complaints,
                           (SELECT count(*) FROM interaction WHERE contact_id = CAST(:c AS uuid)) AS interactions,
                           (SELECT string_agg(CAST(score AS text), ',') FROM survey_answer WHERE contact_id = CAST(:c AS uuid)) AS scores,
                           (SELECT lifecycle_stage FROM contact WHERE id = CAST(:c AS uuid)) AS stage,
                           (SELECT region FROM contact WHERE id = CAST(:c AS uuid)) AS region""", jakarta.persistence.Tuple.class)
                    .setParameter("c", contactId).getSingleResult();
            Map<String, Object> figures = new java.util.LinkedHashMap<>();
            row.getElements().forEach(e -> figures.put(e.getAlias(), String.valueOf(row.get(e.getAlias()))));
            return figures;
        });
    }

    private List<String> texts(String sql, String contactId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> out = new ArrayList<>();
            for (Object row : em.createNativeQuery(sql.replace(":c", "CAST(:c AS uuid)"), jakarta.persistence.Tuple.class)
                    .setParameter("c", contactId).getResultList()) {
                out.add(String.valueOf(((jakarta.persistence.Tuple) row).get("t")));
            }
            return out;
        });
    }

    /** Every entry of the workbook as text (through ZipFile: fastexcel streams entries with data descriptors). */
    private static Map<String, String> entries(byte[] zip) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("copy", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            Map<String, String> out = new java.util.HashMap<>();
            try (java.util.zip.ZipFile workbook = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(workbook.entries())) {
                    out.put(entry.getName(), new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return out;
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static String allEntries(byte[] zip) throws IOException {
        return String.join("\n", entries(zip).values());
    }

    private static String zipEntry(byte[] zip, String name) throws IOException {
        String entry = entries(zip).get(name);
        if (entry == null) {
            throw new AssertionError(name + " missing from the workbook");
        }
        return entry;
    }
}
