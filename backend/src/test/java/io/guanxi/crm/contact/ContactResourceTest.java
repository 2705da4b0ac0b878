package io.guanxi.crm.contact;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContactResourceTest {

    private TestUser rep;

    @BeforeEach
    void newRep() {
        rep = Api.newUser(Role.SALES_REP);
    }

    private ExtractableResponse<Response> create(TestUser user, Map<String, Object> body) {
        return user.request().body(body).post("/api/v1/contacts").then().statusCode(201).extract();
    }

    @Test
    void createNormalisesAndComputesServerFields() {
        var created = rep.request().body(aContact().name("张伟").with("mobile", "+86 138-0013-8001")
                        .with("email", "  Zhang.Wei@Example.CN ").tags("预算充足", " 预算充足 ", "决策周期长")
                        .with("region", "EAST").with("company", "上海云帆科技有限公司").build())
                .post("/api/v1/contacts")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/contacts/"))
                .header("ETag", equalTo("\"0\""))
                .body("mobile", equalTo("13800138001"))
                .body("email", equalTo("zhang.wei@example.cn"))
                .body("tags", contains("预算充足", "决策周期长"))
                .body("namePinyin", equalTo("zhangwei"))
                .body("ownerId", equalTo(rep.id().toString()))
                .body("lifecycleStage", equalTo("POTENTIAL"))
                .body("completeness", equalTo(10 + 15 + 10 + 10 + 5 + 5))
                .body("missingFields", hasItem("wechatId"))
                .body("version", equalTo(0))
                .extract();
        String location = created.header("Location");
        assertEquals(created.path("id").toString(), location.substring(location.lastIndexOf('/') + 1));
        rep.request().get(location).then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("张伟"));
    }

    @Test
    void validationErrorsNameEachField() {
        rep.request().body(aContact().without("name").with("email", "not-an-email").with("mobile", "12345")
                        .with("birthday", "2999-01-01").build())
                .post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:guanxi:problem:validation"))
                .body("errors.field", containsInAnyOrder("name", "email", "birthday"));
        rep.request().body(aContact().with("mobile", "12345").build()).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("mobile"));
        rep.request().body(aContact().with("tags", java.util.Collections.nCopies(21, "x")).build())
                .post("/api/v1/contacts").then().statusCode(400).body("errors[0].field", equalTo("tags"));
    }

    @Test
    void malformedInputIsA400ProblemNeverA500() {
        rep.request().body("{\"name\": \"张伟\",").post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:guanxi:problem:malformed-json"))
                .body("detail", not(containsString("Exception")));
        rep.request().body(aContact().with("region", "MARS").build()).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("region"))
                .body("errors[0].message", containsString("EAST"));
        rep.request().body(aContact().with("marketingConsent", Map.of("a", 1)).build()).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("marketingConsent"));
        rep.request().body(aContact().with("birthday", "23/11/1990").build()).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("birthday"));
        rep.request().body("[1, 2]").post("/api/v1/contacts").then().statusCode(400);
        rep.request().body("").post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json");
        rep.request().get("/api/v1/contacts/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        rep.request().queryParam("page", "x").get("/api/v1/contacts").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void serverOwnedFieldsAreRejected() {
        rep.request().body(aContact().with("id", "00000000-0000-0000-0000-000000000001").build())
                .post("/api/v1/contacts").then().statusCode(400).body("errors[0].field", equalTo("id"));
        rep.request().body(aContact().with("completeness", 100).build())
                .post("/api/v1/contacts").then().statusCode(400).body("errors[0].field", equalTo("completeness"));
    }

    @Test
    void oversizedBodyIs413Problem() {
        String huge = "x".repeat(2 * 1024 * 1024);
        rep.request().body(aContact().with("hiddenNeeds", huge).build()).post("/api/v1/contacts")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void chunkedBodyIs411ProblemSinceOnlyADeclaredLengthCanBeHeldToTheLimit() throws Exception {
        byte[] huge = new ObjectMapper().writeValueAsBytes(aContact().with("hiddenNeeds", "x".repeat(2 * 1024 * 1024)).build());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/contacts"))
                .header("Authorization", "Bearer " + rep.token()).header("Content-Type", "application/json")
                // An input stream of unknown length goes out chunked, without a Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(411, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void duplicateMobileOrEmailIs409UnlessConfirmed() {
        String mobile = Api.uniqueMobile();
        String firstId = create(rep, aContact().with("mobile", mobile).with("email", "dup-" + mobile + "@x.cn").build())
                .path("id");
        String spaced = mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
        rep.request().body(aContact().with("mobile", "+86" + spaced).build()).post("/api/v1/contacts")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:guanxi:problem:duplicate-contact"))
                .body("existingId", equalTo(firstId))
                .body("duplicates[0].matchedOn", equalTo("mobile"))
                .body("duplicates[0].visibleToYou", equalTo(true));
        rep.request().body(aContact().with("email", "DUP-" + mobile + "@X.CN").build()).post("/api/v1/contacts")
                .then().statusCode(409).body("duplicates[0].matchedOn", equalTo("email"));
        rep.request().queryParam("confirmDuplicate", true).body(aContact().with("mobile", mobile).build())
                .post("/api/v1/contacts").then().statusCode(201);

        TestUser otherRep = Api.newUser(Role.SALES_REP);
        otherRep.request().body(aContact().with("mobile", mobile).build()).post("/api/v1/contacts")
                .then().statusCode(409).body("duplicates[0].visibleToYou", equalTo(false))
                .body("detail", containsString("another rep"));
    }

    @Test
    void searchFindsChineseSubstringsOfAnyLengthAndPinyin() {
        create(rep, aContact().name("张伟芳").build());
        create(rep, aContact().name("李张伟").build());
        create(rep, aContact().name("张伟").with("company", "杭州阿里巴巴商贸有限公司").build());
        create(rep, aContact().name("王芳").with("email", "wang.fang@example.cn").build());
        create(rep, aContact().name("张三").build());

        assertSearch("张伟", "张伟芳", "李张伟", "张伟");
        assertSearch("伟", "张伟芳", "李张伟", "张伟");
        assertSearch("芳", "张伟芳", "王芳");
        assertSearch("阿里巴巴", "张伟");
        assertSearch("zhangwei", "张伟芳", "张伟");
        assertSearch("zhang wei", "张伟芳", "张伟");
        assertSearch("zw", "张伟芳", "张伟");
        assertSearch("ZWF", "张伟芳");
        assertSearch("wang.fang", "王芳");
        assertSearch("不存在");
    }

    @Test
    void searchFindsPartOfAMobileNumber() {
        String mobile = Api.uniqueMobile();
        create(rep, aContact().name("赵六").with("mobile", mobile).build());
        assertSearch(mobile.substring(3, 9), "赵六");
        assertSearch(mobile.substring(0, 3) + " " + mobile.substring(3, 7), "赵六");
    }

    private void assertSearch(String q, String... names) {
        rep.request().queryParam("q", q).queryParam("size", 50).get("/api/v1/contacts")
                .then().statusCode(200)
                .body("total", equalTo(names.length))
                .body("items.name", containsInAnyOrder((Object[]) names));
    }

    @Test
    void pagesAndSortsWithTotal() {
        for (String name : List.of("赵一", "钱二", "孙三", "李四", "周五")) {
            create(rep, aContact().name(name).build());
        }
        rep.request().queryParam("sort", "name,asc").queryParam("size", 2).get("/api/v1/contacts")
                .then().statusCode(200).body("total", equalTo(5)).body("size", equalTo(2)).body("page", equalTo(0))
                .body("items.name", contains("李四", "钱二"));
        rep.request().queryParam("sort", "name,asc").queryParam("size", 2).queryParam("page", 2).get("/api/v1/contacts")
                .then().statusCode(200).body("items.name", contains("周五"));
        rep.request().queryParam("sort", "name,desc").queryParam("size", 1).get("/api/v1/contacts")
                .then().body("items.name", contains("周五"));
        rep.request().queryParam("page", 9).get("/api/v1/contacts").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(5));
        rep.request().queryParam("size", 201).get("/api/v1/contacts").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        rep.request().queryParam("sort", "password,asc").get("/api/v1/contacts").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        rep.request().queryParam("sort", "name;drop table contact").get("/api/v1/contacts").then().statusCode(400);
    }

    @Test
    void filtersByTagStageRegionAndIndustry() {
        create(rep, aContact().name("甲").tags("VIP", "价格敏感").with("lifecycleStage", "LOYALTY")
                .with("region", "SOUTH").with("industry", "零售").build());
        create(rep, aContact().name("乙").tags("VIP").with("region", "EAST").with("industry", "科技").build());
        create(rep, aContact().name("丙").build());
        rep.request().queryParam("tag", "VIP").get("/api/v1/contacts").then().body("items.name", containsInAnyOrder("甲", "乙"));
        rep.request().queryParam("tag", "VIP").queryParam("tag", "价格敏感").get("/api/v1/contacts")
                .then().body("items.name", contains("甲"));
        rep.request().queryParam("lifecycleStage", "LOYALTY").get("/api/v1/contacts").then().body("items.name", contains("甲"));
        rep.request().queryParam("region", "EAST").get("/api/v1/contacts").then().body("items.name", contains("乙"));
        rep.request().queryParam("industry", "零售").get("/api/v1/contacts").then().body("items.name", contains("甲"));
        rep.request().queryParam("region", "ATLANTIS").get("/api/v1/contacts").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void updateNeedsIfMatchAndNeverLosesAnEdit() {
        String id = create(rep, aContact().name("王五").build()).path("id");
        Map<String, Object> edit = aContact().name("王五").with("city", "上海").build();

        rep.request().body(edit).put("/api/v1/contacts/" + id).then().statusCode(428)
                .contentType("application/problem+json");
        // Two editors read version 0; the first one wins, the second is told, nothing is overwritten.
        rep.request().header("If-Match", "\"0\"").body(edit).put("/api/v1/contacts/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("city", equalTo("上海"));
        rep.request().header("If-Match", "\"0\"").body(aContact().name("王五").with("city", "北京").build())
                .put("/api/v1/contacts/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:guanxi:problem:stale-version"));
        rep.request().get("/api/v1/contacts/" + id).then().body("city", equalTo("上海")).body("version", equalTo(1));
        rep.request().header("If-Match", "garbage").body(edit).put("/api/v1/contacts/" + id).then().statusCode(412);
    }

    @Test
    void concurrentEditorsWithTheSameVersionProduceExactlyOneWinner() throws Exception {
        String id = create(rep, aContact().name("并发").build()).path("id");
        int editors = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(editors);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String city = "城市" + i;
            results.add(pool.submit(() -> {
                start.await();
                return rep.request().header("If-Match", "\"0\"").body(aContact().name("并发").with("city", city).build())
                        .put("/api/v1/contacts/" + id).then().extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(editors - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        rep.request().get("/api/v1/contacts/" + id).then().body("version", equalTo(1));
    }

    @Test
    void archiveHidesFromListsButKeepsTheRecord() {
        String id = create(rep, aContact().name("归档").build()).path("id");
        rep.request().delete("/api/v1/contacts/" + id).then().statusCode(204);
        rep.request().delete("/api/v1/contacts/" + id).then().statusCode(204);
        rep.request().get("/api/v1/contacts").then().body("total", equalTo(0));
        rep.request().queryParam("archived", true).get("/api/v1/contacts").then().body("items.id", contains(id));
        rep.request().get("/api/v1/contacts/" + id).then().statusCode(200).body("archivedAt", notNullValue());
        rep.request().post("/api/v1/contacts/" + id + "/restore").then().statusCode(200).body("archivedAt", nullValue());
        rep.request().get("/api/v1/contacts").then().body("total", equalTo(1));
    }

    @Test
    void anotherRepsContactDoesNotExistForMe() {
        String id = create(rep, aContact().name("保密客户").build()).path("id");
        TestUser intruder = Api.newUser(Role.SALES_REP);
        String path = "/api/v1/contacts/" + id;
        intruder.request().get(path).then().statusCode(404).contentType("application/problem+json");
        intruder.request().header("If-Match", "\"0\"").body(aContact().name("hijack").build()).put(path)
                .then().statusCode(404);
        intruder.request().delete(path).then().statusCode(404);
        intruder.request().post(path + "/restore").then().statusCode(404);
        intruder.request().get(path + "/overview").then().statusCode(404);
        intruder.request().get(path + "/interactions").then().statusCode(404);
        intruder.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "x"))
                .post(path + "/interactions").then().statusCode(404);
        intruder.request().get("/api/v1/contacts").then().body("total", equalTo(0));
        intruder.request().queryParam("q", "保密").get("/api/v1/contacts").then().body("total", equalTo(0));
        intruder.request().queryParam("ownerId", rep.id()).get("/api/v1/contacts").then().body("total", equalTo(0));
        rep.request().get(path).then().statusCode(200);
    }

    @Test
    void managerSeesAllAndReassignsServiceAgentReadsOnly() {
        String id = create(rep, aContact().name("经理可见").build()).path("id");
        TestUser otherRep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);

        manager.request().queryParam("ownerId", rep.id()).get("/api/v1/contacts")
                .then().body("items.id", contains(id)).body("items[0].ownerName", endsWith(rep.username()));
        agent.request().get("/api/v1/contacts/" + id).then().statusCode(200);
        agent.request().header("If-Match", "\"0\"").body(aContact().name("x").build()).put("/api/v1/contacts/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        agent.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(403);
        agent.request().delete("/api/v1/contacts/" + id).then().statusCode(403);

        manager.request().header("If-Match", "\"0\"")
                .body(aContact().name("经理可见").with("ownerId", otherRep.id().toString()).build())
                .put("/api/v1/contacts/" + id).then().statusCode(200).body("ownerId", equalTo(otherRep.id().toString()));
        rep.request().get("/api/v1/contacts/" + id).then().statusCode(404);
        otherRep.request().get("/api/v1/contacts/" + id).then().statusCode(200);

        manager.request().body(aContact().name("指派").with("ownerId", rep.id().toString()).build())
                .post("/api/v1/contacts").then().statusCode(201).body("ownerId", equalTo(rep.id().toString()));
        manager.request().body(aContact().name("指派").with("ownerId", agent.id().toString()).build())
                .post("/api/v1/contacts").then().statusCode(400).body("errors[0].field", equalTo("ownerId"));
    }

    @Test
    void repCannotAssignContactsToSomeoneElse() {
        TestUser otherRep = Api.newUser(Role.SALES_REP);
        rep.request().body(aContact().with("ownerId", otherRep.id().toString()).build()).post("/api/v1/contacts")
                .then().statusCode(403).contentType("application/problem+json");
        String id = create(rep, aContact().name("我的").build()).path("id");
        rep.request().header("If-Match", "\"0\"")
                .body(aContact().name("我的").with("ownerId", otherRep.id().toString()).build())
                .put("/api/v1/contacts/" + id).then().statusCode(403);
    }

    @Test
    void interactionsMoveLastContactedAndFeedTheOverview() {
        String id = create(rep, aContact().name("互动客户").build()).path("id");
        String path = "/api/v1/contacts/" + id;
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "电话回访",
                        "occurredAt", "2026-01-05T08:00:00Z"))
                .post(path + "/interactions").then().statusCode(201).header("Location", containsString("/interactions/"))
                .body("authorId", equalTo(rep.id().toString()));
        rep.request().body(Map.of("channel", "WECHAT", "direction", "INBOUND", "summary", "客户咨询"))
                .post(path + "/interactions").then().statusCode(201);
        rep.request().body(Map.of("channel", "VISIT", "direction", "OUTBOUND", "summary", "older",
                        "occurredAt", "2025-01-01T00:00:00Z"))
                .post(path + "/interactions").then().statusCode(201);
        String lastContacted = rep.request().get(path).then().extract().path("lastContactedAt");
        org.junit.jupiter.api.Assertions.assertTrue(lastContacted.startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().substring(0, 4)),
                lastContacted);

        rep.request().get(path + "/interactions").then().statusCode(200).body("total", equalTo(3))
                .body("items[0].channel", equalTo("WECHAT")).body("items[2].summary", equalTo("older"));
        rep.request().get(path + "/overview").then().statusCode(200)
                .body("contact.name", equalTo("互动客户"))
                .body("interactionStats.total", equalTo(3))
                .body("interactionStats.last7Days", equalTo(1))
                .body("interactionStats.byChannel.PHONE", equalTo(1))
                .body("recentInteractions", hasSize(3));

        rep.request().body(Map.of("channel", "FAX", "direction", "OUTBOUND", "summary", "x"))
                .post(path + "/interactions").then().statusCode(400).body("errors[0].field", equalTo("channel"));
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "x",
                        "occurredAt", "2999-01-01T00:00:00Z"))
                .post(path + "/interactions").then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND"))
                .post(path + "/interactions").then().statusCode(400).body("errors[0].field", equalTo("summary"));
    }

    @Test
    void serviceAgentLogsAFollowUpCall() {
        String id = create(rep, aContact().name("回访").build()).path("id");
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        agent.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "24小时回访"))
                .post("/api/v1/contacts/" + id + "/interactions").then().statusCode(201);
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        rep.request().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        rep.request().patch("/api/v1/contacts").then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(rep.token()).contentType(ContentType.TEXT).body("name=x")
                .post("/api/v1/contacts").then().statusCode(415).contentType("application/problem+json");
    }
}
