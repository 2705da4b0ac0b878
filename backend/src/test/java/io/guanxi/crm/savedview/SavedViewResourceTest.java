package io.guanxi.crm.savedview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/v1/views through HTTP: private and shared views, who may share and change them, defaults, versions, bad queries. */
@QuarkusTest
class SavedViewResourceTest {

    private TestUser rep;
    private TestUser otherRep;
    private TestUser manager;

    @BeforeEach
    void people() {
        rep = Api.newUser(Role.SALES_REP);
        otherRep = Api.newUser(Role.SALES_REP);
        manager = Api.newUser(Role.MANAGER);
    }

    private static Map<String, Object> view(String list, String name, Map<String, List<String>> query, boolean shared) {
        Map<String, Object> body = new HashMap<>(Map.of("list", list, "name", name, "query", query));
        body.put("shared", shared);
        return body;
    }

    private ExtractableResponse<Response> save(TestUser user, Map<String, Object> body) {
        return user.request().body(body).post("/api/v1/views").then().statusCode(201).extract();
    }

    @Test
    void aPrivateViewIsItsOwnersAloneAndChangesOnlyWithTheVersionRead() {
        var created = rep.request().body(view("CONTACTS", "华东 A 类", Map.of("region", List.of("EAST"), "abcTier", List.of("A"),
                        "tag", List.of("预算充足", "决策周期长"), "sort", List.of("lastContactedAt,desc")), false))
                .post("/api/v1/views").then().statusCode(201)
                .header("Location", containsString("/api/v1/views/")).header("ETag", equalTo("\"0\""))
                .body("mine", equalTo(true)).body("shared", equalTo(false)).body("isDefault", equalTo(false))
                .body("query.tag", equalTo(List.of("预算充足", "决策周期长"))).extract();
        String id = created.path("id");

        otherRep.request().get("/api/v1/views/" + id).then().statusCode(404).contentType("application/problem+json");
        manager.request().get("/api/v1/views/" + id).then().statusCode(404);
        otherRep.request().get("/api/v1/views?list=CONTACTS&size=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        rep.request().get("/api/v1/views?list=CONTACTS").then().statusCode(200).body("items.id", hasItem(id));

        Map<String, Object> renamed = view("CONTACTS", "华东重点", Map.of("region", List.of("EAST")), false);
        rep.request().body(renamed).put("/api/v1/views/" + id).then().statusCode(428).contentType("application/problem+json");
        rep.request().header("If-Match", "\"0\"").body(renamed).put("/api/v1/views/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("name", equalTo("华东重点")).body("query.abcTier", equalTo(null));
        rep.request().header("If-Match", "\"0\"").body(renamed).put("/api/v1/views/" + id).then().statusCode(412)
                .contentType("application/problem+json");
        rep.request().header("If-Match", "\"1\"").body(view("LEADS", "华东重点", Map.of(), false)).put("/api/v1/views/" + id)
                .then().statusCode(400);
        otherRep.request().header("If-Match", "\"1\"").delete("/api/v1/views/" + id).then().statusCode(404);
        rep.request().delete("/api/v1/views/" + id).then().statusCode(428);
        rep.request().header("If-Match", "\"0\"").delete("/api/v1/views/" + id).then().statusCode(412);
        rep.request().header("If-Match", "\"1\"").delete("/api/v1/views/" + id).then().statusCode(204);
        rep.request().get("/api/v1/views/" + id).then().statusCode(404);
    }

    @Test
    void onlyManagersShareAndNobodyButTheOwnerChangesASharedView() {
        rep.request().body(view("LEADS", "我的优先", Map.of("queue", List.of("PRIORITY")), true)).post("/api/v1/views")
                .then().statusCode(403).contentType("application/problem+json");
        String mine = save(rep, view("LEADS", "我的优先", Map.of("queue", List.of("PRIORITY")), false)).path("id");
        rep.request().header("If-Match", "\"0\"").body(view("LEADS", "我的优先", Map.of("queue", List.of("PRIORITY")), true))
                .put("/api/v1/views/" + mine).then().statusCode(403);

        String teamName = "团队高分 " + manager.username();
        String team = save(manager, view("LEADS", teamName, Map.of("queue", List.of("PRIORITY"), "sort", List.of("score,desc")), true))
                .path("id");
        rep.request().get("/api/v1/views/" + team).then().statusCode(200).body("mine", equalTo(false)).body("shared", equalTo(true))
                .header("ETag", equalTo("\"0\""));
        rep.request().get("/api/v1/views?list=LEADS&size=200").then().body("items.id", hasItem(team)).body("items.id", hasItem(mine));
        rep.request().header("If-Match", "\"0\"").body(view("LEADS", "改掉", Map.of(), true)).put("/api/v1/views/" + team)
                .then().statusCode(403).contentType("application/problem+json");
        rep.request().header("If-Match", "\"0\"").delete("/api/v1/views/" + team).then().statusCode(403);
        // An agent has no lead list, so no lead views either.
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        agent.request().get("/api/v1/views/" + team).then().statusCode(404);
        agent.request().body(view("LEADS", "线索", Map.of(), false)).post("/api/v1/views").then().statusCode(403);
    }

    @Test
    void aDefaultIsPerUserAndListAndMayBeASharedView() {
        String teamName = "团队投诉 " + manager.username();
        String team = save(manager, view("COMPLAINTS", teamName, Map.of("severity", List.of("HIGH")), true)).path("id");
        String mine = save(rep, view("COMPLAINTS", "我的投诉", Map.of("breached", List.of("true")), false)).path("id");

        rep.request().put("/api/v1/views/" + team + "/default").then().statusCode(204);
        rep.request().get("/api/v1/views/" + team).then().body("isDefault", equalTo(true));
        manager.request().get("/api/v1/views/" + team).then().body("isDefault", equalTo(false));
        // One default per list: choosing another replaces it.
        rep.request().put("/api/v1/views/" + mine + "/default").then().statusCode(204);
        rep.request().get("/api/v1/views?list=COMPLAINTS&size=200").then()
                .body("items.find { it.id == '" + mine + "' }.isDefault", equalTo(true))
                .body("items.find { it.id == '" + team + "' }.isDefault", equalTo(false));
        rep.request().delete("/api/v1/views/" + mine + "/default").then().statusCode(204);
        rep.request().get("/api/v1/views/" + mine).then().body("isDefault", equalTo(false));
        otherRep.request().put("/api/v1/views/" + mine + "/default").then().statusCode(404);

        // Un-shared, it is nobody else's default any more (and nobody else's to see).
        rep.request().put("/api/v1/views/" + team + "/default").then().statusCode(204);
        manager.request().header("If-Match", "\"0\"").body(view("COMPLAINTS", teamName, Map.of("severity", List.of("HIGH")), false))
                .put("/api/v1/views/" + team).then().statusCode(200);
        rep.request().get("/api/v1/views/" + team).then().statusCode(404);
        manager.request().header("If-Match", "\"1\"").body(view("COMPLAINTS", teamName, Map.of("severity", List.of("HIGH")), true))
                .put("/api/v1/views/" + team).then().statusCode(200);
        rep.request().get("/api/v1/views/" + team).then().statusCode(200).body("isDefault", equalTo(false));
    }

    @Test
    void aQueryHoldsOnlyTheListsOwnParametersWithinBounds() {
        List<Map<String, Object>> bad = List.of(
                view("CONTACTS", "x", Map.of("page", List.of("3")), false),
                view("CONTACTS", "x", Map.of("queue", List.of("MINE")), false),
                view("LEADS", "x", Map.of("region", List.of("EAST")), false),
                view("CONTACTS", "x", Map.of("region", List.of()), false),
                view("CONTACTS", "x", Map.of("q", List.of("长".repeat(201))), false),
                view("CONTACTS", "x", Map.of("q", List.of(" ")), false),
                view("CONTACTS", "x", Map.of("tag", java.util.Collections.nCopies(21, "标签")), false),
                view("CONTACTS", " ", Map.of(), false),
                view("CONTACTS", "名".repeat(61), Map.of(), false));
        for (Map<String, Object> body : bad) {
            rep.request().body(body).post("/api/v1/views").then().statusCode(400).contentType("application/problem+json");
        }
        rep.request().body("{\"list\":\"CONTACTS\",\"name\":\"x\",\"query\":{\"q\":\"张\"}}").post("/api/v1/views").then().statusCode(400);
        rep.request().body("{\"list\":\"OTHER\",\"name\":\"x\",\"query\":{}}").post("/api/v1/views").then().statusCode(400);
        rep.request().body("{\"list\":\"CONTACTS\",\"name\":\"x\",\"query\":{},\"shared\":\"yes\"}").post("/api/v1/views").then().statusCode(400);
        rep.request().get("/api/v1/views?list=OTHER").then().statusCode(400);
        save(rep, view("CONTACTS", "重名", Map.of(), false));
        rep.request().body(view("CONTACTS", " 重名 ", Map.of(), false)).post("/api/v1/views").then().statusCode(409);
        save(rep, view("COMPLAINTS", "重名", Map.of(), false));
        given().get("/api/v1/views").then().statusCode(401);
    }
}
