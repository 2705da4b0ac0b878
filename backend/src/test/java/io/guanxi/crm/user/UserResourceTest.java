package io.guanxi.crm.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserResourceTest {

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON);
    }

    private static Map<String, Object> newUserBody(String username) {
        return new HashMap<>(Map.of("username", username, "displayName", "李娜", "password", "Sales-Rep-2026!",
                "roles", List.of("SALES_REP")));
    }

    @Test
    void adminCreatesUpdatesAndResetsAUser() {
        String username = "li.na." + UUID.randomUUID().toString().substring(0, 6);
        var created = asAdmin().body(newUserBody(username)).post("/api/v1/users")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/v1/users/"))
                .body("seniority", equalTo("JUNIOR")).body("active", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")))
                .extract();
        String id = created.path("id");
        asAdmin().header("If-Match", created.header("ETag"))
                .body(Map.of("displayName", "李娜 (高级)", "roles", List.of("SALES_REP"), "seniority", "SENIOR", "active", true))
                .put("/api/v1/users/" + id).then().statusCode(200).body("seniority", equalTo("SENIOR"));
        asAdmin().body(Map.of("password", "short")).post("/api/v1/users/" + id + "/password")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
        asAdmin().body(Map.of("password", "Brand-New-2026!")).post("/api/v1/users/" + id + "/password")
                .then().statusCode(204);
        Api.login(username, "Brand-New-2026!");
        asAdmin().queryParam("role", "SALES_REP").queryParam("size", 200).get("/api/v1/users")
                .then().statusCode(200).body("items.username", hasItem(username))
                .body("items.roles", everyItem(hasItem("SALES_REP")));
    }

    @Test
    void weakPasswordsDuplicateNamesAndBadRolesAreRejected() {
        String username = "dup." + UUID.randomUUID().toString().substring(0, 6);
        var weak = newUserBody(username);
        weak.put("password", "password1234");
        asAdmin().body(weak).post("/api/v1/users").then().statusCode(400).body("errors[0].field", equalTo("password"));
        asAdmin().body(newUserBody(username)).post("/api/v1/users").then().statusCode(201);
        asAdmin().body(newUserBody(username.toUpperCase())).post("/api/v1/users").then().statusCode(409)
                .contentType("application/problem+json");
        var badRole = newUserBody("x" + username);
        badRole.put("roles", List.of("ROOT"));
        asAdmin().body(badRole).post("/api/v1/users").then().statusCode(400).body("errors[0].field", equalTo("roles[0]"));
        var seniorManager = newUserBody("y" + username);
        seniorManager.put("roles", List.of("MANAGER"));
        seniorManager.put("seniority", "SENIOR");
        asAdmin().body(seniorManager).post("/api/v1/users").then().statusCode(400)
                .body("errors[0].field", equalTo("seniority"));
        var badName = newUserBody("a b");
        asAdmin().body(badName).post("/api/v1/users").then().statusCode(400).body("errors[0].field", equalTo("username"));
    }

    @Test
    void onlyAdminsManageUsersManagersMayList() {
        var rep = Api.newUser(Role.SALES_REP);
        var manager = Api.newUser(Role.MANAGER);
        var agent = Api.newUser(Role.SERVICE_AGENT);
        rep.request().get("/api/v1/users").then().statusCode(403).contentType("application/problem+json");
        agent.request().get("/api/v1/users").then().statusCode(403);
        manager.request().get("/api/v1/users").then().statusCode(200);
        manager.request().body(newUserBody("m" + UUID.randomUUID().toString().substring(0, 6)))
                .post("/api/v1/users").then().statusCode(403);
        manager.request().body(Map.of("password", "Brand-New-2026!")).post("/api/v1/users/" + rep.id() + "/password")
                .then().statusCode(403);
        given().get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void adminCannotLockThemselvesOut() {
        String adminId = given().auth().oauth2(Api.adminToken()).get("/api/v1/me").then().extract().path("id");
        String etag = asAdmin().get("/api/v1/users/" + adminId).then().extract().header("ETag");
        asAdmin().header("If-Match", etag).body(Map.of("displayName", "x", "roles", List.of("MANAGER"), "active", true))
                .put("/api/v1/users/" + adminId).then().statusCode(409);
        asAdmin().header("If-Match", etag).body(Map.of("displayName", "x", "roles", List.of("ADMIN"), "active", false))
                .put("/api/v1/users/" + adminId).then().statusCode(409);
        asAdmin().get("/api/v1/users/" + adminId).then().body("active", equalTo(true)).body("seniority", nullValue());
    }

    @Test
    void staleUserUpdateIs412() {
        var rep = Api.newUser(Role.SALES_REP);
        asAdmin().header("If-Match", "\"99\"")
                .body(Map.of("displayName", "x", "roles", List.of("SALES_REP"), "active", true))
                .put("/api/v1/users/" + rep.id()).then().statusCode(412);
        asAdmin().body(Map.of("displayName", "x", "roles", List.of("SALES_REP"), "active", true))
                .put("/api/v1/users/" + rep.id()).then().statusCode(428);
        asAdmin().get("/api/v1/users/" + UUID.randomUUID()).then().statusCode(404);
    }
}
