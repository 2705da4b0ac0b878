package io.guanxi.crm.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Once a token's signature is remembered and its session and user are known to the caches (answered
 * on the event loop), a revocation or a deactivation still refuses it on its very next request.
 */
@QuarkusTest
class CachedTokenRevocationTest {

    /** Two requests: the first verifies and remembers the token and fills both status caches, the second is served from them. */
    private static void warm(String accessToken) {
        assertEquals(200, SessionResourceTest.me(accessToken));
        assertEquals(200, SessionResourceTest.me(accessToken));
    }

    @Test
    void aRevokedSessionsCachedTokenIsRefusedOnItsNextRequest() {
        var rep = Api.newUser(Role.SALES_REP);
        SessionResourceTest.Signed phone = SessionResourceTest.signIn(rep.username(), "Phone");
        SessionResourceTest.Signed laptop = SessionResourceTest.signIn(rep.username(), "Laptop");
        warm(phone.accessToken());
        warm(laptop.accessToken());
        String phoneId = given().auth().oauth2(laptop.accessToken()).get("/api/v1/me/sessions").then().statusCode(200)
                .extract().path("items.find { it.userAgent == 'Phone' }.id");

        given().auth().oauth2(laptop.accessToken()).delete("/api/v1/me/sessions/" + phoneId).then().statusCode(204);

        assertEquals(401, SessionResourceTest.me(phone.accessToken()));
        assertEquals(200, SessionResourceTest.me(laptop.accessToken()), "the other session goes on");
    }

    @Test
    void aSignedOutSessionsCachedTokenIsRefusedOnItsNextRequest() {
        var rep = Api.newUser(Role.SALES_REP);
        SessionResourceTest.Signed web = SessionResourceTest.signIn(rep.username(), "JUnit");
        warm(web.accessToken());
        given().header("X-Requested-With", "XMLHttpRequest").cookie("guanxi_refresh", web.refreshToken())
                .post("/api/v1/auth/logout").then().statusCode(204);
        assertEquals(401, SessionResourceTest.me(web.accessToken()));
    }

    @Test
    void aDeactivatedUsersCachedTokensAreRefusedAtOnce() {
        var rep = Api.newUser(Role.SALES_REP);
        SessionResourceTest.Signed web = SessionResourceTest.signIn(rep.username(), "JUnit");
        warm(web.accessToken());
        warm(rep.token());

        String etag = given().auth().oauth2(Api.adminToken()).get("/api/v1/users/" + rep.id())
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("displayName", "停用 " + rep.id().toString().substring(0, 4), "roles", Set.of("SALES_REP"),
                        "active", false))
                .put("/api/v1/users/" + rep.id()).then().statusCode(200);

        assertEquals(401, SessionResourceTest.me(web.accessToken()), "the web session's access token");
        assertEquals(401, SessionResourceTest.me(rep.token()), "the plain bearer token");
    }

    @Test
    void aRoleChangeRefusesTheUsersCachedBearerTokenAtOnce() {
        var manager = Api.newUser(Role.MANAGER);
        warm(manager.token());
        given().auth().oauth2(manager.token()).get("/api/v1/users").then().statusCode(200);
        String etag = given().auth().oauth2(Api.adminToken()).get("/api/v1/users/" + manager.id())
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("displayName", "改名 " + UUID.randomUUID().toString().substring(0, 4),
                        "roles", Set.of("SALES_REP"), "active", true))
                .put("/api/v1/users/" + manager.id()).then().statusCode(200);
        given().auth().oauth2(manager.token()).get("/api/v1/users").then().statusCode(401);
    }
}
