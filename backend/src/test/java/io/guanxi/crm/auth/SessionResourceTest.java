package io.guanxi.crm.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Web app sessions: rotation, reuse detection, timeouts, sign-out and every kind of revocation. */
@QuarkusTest
class SessionResourceTest {

    private static final String COOKIE = "guanxi_refresh";
    private static final String CSRF = "X-Requested-With";

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    MovableClock clock;

    @Inject
    SessionPurgeJob purgeJob;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    record Signed(String accessToken, String refreshToken) {
    }

    static Signed signIn(String username, String userAgent) {
        Response response = given().contentType(ContentType.JSON).header(CSRF, "XMLHttpRequest")
                .header("User-Agent", userAgent)
                .body(Map.of("username", username, "password", Api.PASSWORD))
                .post("/api/v1/auth/session").then().statusCode(200).extract().response();
        return new Signed(response.path("access_token"), response.getCookie(COOKIE));
    }

    static Response refresh(String refreshToken) {
        return given().header(CSRF, "XMLHttpRequest").cookie(COOKIE, refreshToken).post("/api/v1/auth/refresh");
    }

    static Signed refreshed(String refreshToken) {
        Response response = refresh(refreshToken).then().statusCode(200).extract().response();
        return new Signed(response.path("access_token"), response.getCookie(COOKIE));
    }

    static void refreshFails(String refreshToken) {
        refresh(refreshToken).then().statusCode(401).contentType("application/problem+json");
    }

    static int me(String accessToken) {
        return given().auth().oauth2(accessToken).get("/api/v1/me").statusCode();
    }

    @Test
    void signInGivesAShortAccessTokenAndAStrictHttpOnlyRefreshCookie() {
        var rep = Api.newUser(Role.SALES_REP);
        Response response = given().contentType(ContentType.JSON).header(CSRF, "XMLHttpRequest")
                .body(Map.of("username", rep.username(), "password", Api.PASSWORD))
                .post("/api/v1/auth/session").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(600))
                .extract().response();
        String setCookie = response.getHeader("Set-Cookie");
        org.hamcrest.MatcherAssert.assertThat(setCookie, containsString(COOKIE + "="));
        org.hamcrest.MatcherAssert.assertThat(setCookie, containsString("Path=/api/v1/auth"));
        org.hamcrest.MatcherAssert.assertThat(setCookie, containsString("HttpOnly"));
        org.hamcrest.MatcherAssert.assertThat(setCookie, containsString("Secure"));
        org.hamcrest.MatcherAssert.assertThat(setCookie, containsString("SameSite=Strict"));
        org.hamcrest.MatcherAssert.assertThat(setCookie, containsString("Max-Age=604800"));
        given().auth().oauth2(response.<String>path("access_token")).get("/api/v1/me")
                .then().statusCode(200).body("username", equalTo(rep.username()));
    }

    @Test
    void wrongCredentialsAndMissingCsrfHeaderAreRefused() {
        var rep = Api.newUser(Role.SALES_REP);
        given().contentType(ContentType.JSON).header(CSRF, "XMLHttpRequest")
                .body(Map.of("username", rep.username(), "password", "wrong-password-1"))
                .post("/api/v1/auth/session").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("username", rep.username(), "password", Api.PASSWORD))
                .post("/api/v1/auth/session").then().statusCode(403).contentType("application/problem+json");
        Signed signed = signIn(rep.username(), "JUnit");
        given().cookie(COOKIE, signed.refreshToken()).post("/api/v1/auth/refresh")
                .then().statusCode(403).contentType("application/problem+json");
        given().cookie(COOKIE, signed.refreshToken()).post("/api/v1/auth/logout")
                .then().statusCode(403).contentType("application/problem+json");
        refreshed(signed.refreshToken());
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        var rep = Api.newUser(Role.SALES_REP);
        Signed first = signIn(rep.username(), "JUnit");
        Signed second = refreshed(first.refreshToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        Signed third = refreshed(second.refreshToken());
        assertNotEquals(second.refreshToken(), third.refreshToken());
        given().auth().oauth2(third.accessToken()).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo(rep.username()));
        refreshFails(null);
        refreshFails("not-a-token-we-issued");
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        var rep = Api.newUser(Role.SALES_REP);
        Signed first = signIn(rep.username(), "JUnit");
        Signed second = refreshed(first.refreshToken());
        clock.advance(Duration.ofMinutes(1));
        refreshFails(first.refreshToken());
        refreshFails(second.refreshToken());
        org.junit.jupiter.api.Assertions.assertEquals(401, me(second.accessToken()));
    }

    @Test
    void aRefreshPresentedAgainWithinTheGraceIsAnsweredAgain() {
        // Two tabs at once, or an answer the browser never got (a reload, a dropped connection).
        var rep = Api.newUser(Role.SALES_REP);
        Signed first = signIn(rep.username(), "JUnit");
        Signed second = refreshed(first.refreshToken());
        clock.advance(Duration.ofSeconds(5));
        Signed again = refreshed(first.refreshToken());
        assertNotEquals(second.refreshToken(), again.refreshToken());
        refreshed(again.refreshToken());
        refreshed(second.refreshToken());
        // The grace runs from the first use: later, the same token is a replay and ends the session.
        clock.advance(Duration.ofSeconds(6));
        refreshFails(first.refreshToken());
        org.junit.jupiter.api.Assertions.assertEquals(401, me(again.accessToken()));
    }

    @Test
    void aSessionEndsAfterTheIdleTimeout() {
        var rep = Api.newUser(Role.SALES_REP);
        Signed signed = signIn(rep.username(), "JUnit");
        clock.advance(Duration.ofHours(7));
        signed = refreshed(signed.refreshToken());
        clock.advance(Duration.ofHours(8));
        refreshFails(signed.refreshToken());
    }

    @Test
    void aSessionEndsAfterTheAbsoluteTimeoutHoweverActive() {
        var rep = Api.newUser(Role.SALES_REP);
        Signed signed = signIn(rep.username(), "JUnit");
        for (int hours = 7; hours < 7 * 24; hours += 7) {
            clock.advance(Duration.ofHours(7));
            signed = refreshed(signed.refreshToken());
        }
        clock.advance(Duration.ofHours(7));
        refreshFails(signed.refreshToken());
    }

    @Test
    void signOutRevokesTheSessionAndClearsTheCookie() {
        var rep = Api.newUser(Role.SALES_REP);
        Signed signed = signIn(rep.username(), "JUnit");
        given().header(CSRF, "XMLHttpRequest").cookie(COOKIE, signed.refreshToken()).post("/api/v1/auth/logout")
                .then().statusCode(204)
                .header("Set-Cookie", containsString(COOKIE + "=;"))
                .header("Set-Cookie", containsString("Max-Age=0"));
        refreshFails(signed.refreshToken());
        org.junit.jupiter.api.Assertions.assertEquals(401, me(signed.accessToken()));
        given().header(CSRF, "XMLHttpRequest").post("/api/v1/auth/logout").then().statusCode(204);
    }

    @Test
    void aUserListsAndRevokesTheirOwnSessions() {
        var rep = Api.newUser(Role.SALES_REP);
        Signed laptop = signIn(rep.username(), "Laptop Chrome");
        Signed phone = signIn(rep.username(), "Phone Safari");
        Response list = given().auth().oauth2(laptop.accessToken()).get("/api/v1/me/sessions")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.userAgent", hasItem("Phone Safari"))
                .body("items.find { it.current }.userAgent", equalTo("Laptop Chrome"))
                .extract().response();
        org.hamcrest.MatcherAssert.assertThat(list.asString(), not(containsString(laptop.refreshToken())));
        String phoneId = list.path("items.find { it.userAgent == 'Phone Safari' }.id");

        given().auth().oauth2(laptop.accessToken()).delete("/api/v1/me/sessions/" + phoneId).then().statusCode(204);
        refreshFails(phone.refreshToken());
        org.junit.jupiter.api.Assertions.assertEquals(401, me(phone.accessToken()));
        given().auth().oauth2(laptop.accessToken()).get("/api/v1/me/sessions").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(laptop.accessToken()).delete("/api/v1/me/sessions/" + phoneId)
                .then().statusCode(404).contentType("application/problem+json");
        refreshed(laptop.refreshToken());
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        var rep = Api.newUser(Role.SALES_REP);
        var other = Api.newUser(Role.SALES_REP);
        Signed mine = signIn(rep.username(), "JUnit");
        Signed theirs = signIn(other.username(), "JUnit");
        String theirId = given().auth().oauth2(theirs.accessToken()).get("/api/v1/me/sessions")
                .then().statusCode(200).extract().path("items[0].id");
        given().auth().oauth2(mine.accessToken()).delete("/api/v1/me/sessions/" + theirId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(mine.accessToken()).delete("/api/v1/me/sessions/" + UUID.randomUUID())
                .then().statusCode(404);
        refreshed(theirs.refreshToken());
    }

    @Test
    void anAdminListsAndRevokesAnyonesSessions() {
        var rep = Api.newUser(Role.SALES_REP);
        var manager = Api.newUser(Role.MANAGER);
        Signed first = signIn(rep.username(), "JUnit one");
        Signed second = signIn(rep.username(), "JUnit two");
        String path = "/api/v1/users/" + rep.id() + "/sessions";
        given().auth().oauth2(manager.token()).get(path).then().statusCode(403);
        given().auth().oauth2(first.accessToken()).get(path).then().statusCode(403);
        given().auth().oauth2(manager.token()).delete(path).then().statusCode(403);
        String firstId = given().auth().oauth2(Api.adminToken()).get(path).then().statusCode(200)
                .body("total", equalTo(2)).body("items.current", not(hasItem(true)))
                .extract().path("items.find { it.userAgent == 'JUnit one' }.id");

        given().auth().oauth2(Api.adminToken()).delete(path + "/" + firstId).then().statusCode(204);
        refreshFails(first.refreshToken());
        refreshed(second.refreshToken());
        given().auth().oauth2(Api.adminToken()).delete(path + "/" + firstId).then().statusCode(404);
        given().auth().oauth2(Api.adminToken()).delete("/api/v1/users/" + manager.id() + "/sessions/" + firstId)
                .then().statusCode(404);

        given().auth().oauth2(Api.adminToken()).delete(path).then().statusCode(204);
        given().auth().oauth2(Api.adminToken()).get(path).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Api.adminToken()).get("/api/v1/users/" + UUID.randomUUID() + "/sessions")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRoleChangeEndsSessionsAndVoidsBearerTokensOnTheNextRequest() {
        var manager = Api.newUser(Role.MANAGER);
        Signed web = signIn(manager.username(), "JUnit");
        given().auth().oauth2(manager.token()).get("/api/v1/users").then().statusCode(200);

        changeUser(manager.id(), Set.of("SALES_REP"), true);

        given().auth().oauth2(manager.token()).get("/api/v1/users").then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertEquals(401, me(web.accessToken()));
        refreshFails(web.refreshToken());
        String fresh = Api.login(manager.username(), Api.PASSWORD);
        given().auth().oauth2(fresh).get("/api/v1/users").then().statusCode(403);
        given().auth().oauth2(fresh).get("/api/v1/me").then().statusCode(200).body("roles", equalTo(List.of("SALES_REP")));
    }

    @Test
    void aPasswordResetEndsSessionsAndVoidsBearerTokens() {
        var integrator = Api.newUser(Role.INTEGRATOR);
        var rep = Api.newUser(Role.SALES_REP);
        Signed web = signIn(rep.username(), "JUnit");
        for (var user : List.of(integrator, rep)) {
            given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                    .body(Map.of("password", "Reset-Passw0rd!x")).post("/api/v1/users/" + user.id() + "/password")
                    .then().statusCode(204);
        }
        org.junit.jupiter.api.Assertions.assertEquals(401, me(integrator.token()));
        org.junit.jupiter.api.Assertions.assertEquals(401, me(rep.token()));
        org.junit.jupiter.api.Assertions.assertEquals(401, me(web.accessToken()));
        refreshFails(web.refreshToken());
        org.junit.jupiter.api.Assertions.assertEquals(200, me(Api.login(rep.username(), "Reset-Passw0rd!x")));
    }

    @Test
    void deactivationEndsSessions() {
        var rep = Api.newUser(Role.SALES_REP);
        Signed web = signIn(rep.username(), "JUnit");
        changeUser(rep.id(), Set.of("SALES_REP"), false);
        org.junit.jupiter.api.Assertions.assertEquals(401, me(web.accessToken()));
        refreshFails(web.refreshToken());
    }

    @Test
    void aDisplayNameChangeKeepsTokensAndSessions() {
        var rep = Api.newUser(Role.SALES_REP);
        Signed web = signIn(rep.username(), "JUnit");
        changeUser(rep.id(), Set.of("SALES_REP"), true);
        org.junit.jupiter.api.Assertions.assertEquals(200, me(rep.token()));
        refreshed(web.refreshToken());
    }

    @Test
    void sessionsEndedMoreThanADayAgoArePurgedWithTheirTokens() {
        var rep = Api.newUser(Role.SALES_REP);
        Signed ended = signIn(rep.username(), "JUnit ended");
        Signed live = signIn(rep.username(), "JUnit live");
        refreshed(ended.refreshToken());
        String endedId = given().auth().oauth2(ended.accessToken()).get("/api/v1/me/sessions").then().statusCode(200)
                .extract().path("items.find { it.current }.id");
        given().auth().oauth2(live.accessToken()).delete("/api/v1/me/sessions/" + endedId).then().statusCode(204);
        for (int hours = 7; hours <= 21; hours += 7) {
            clock.advance(Duration.ofHours(7));
            live = refreshed(live.refreshToken());
        }
        clock.advance(Duration.ofHours(4));

        purgeJob.purge();

        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            org.junit.jupiter.api.Assertions.assertNull(em.find(AuthSession.class, UUID.fromString(endedId)));
            org.junit.jupiter.api.Assertions.assertEquals(0L, em.createQuery(
                    "select count(t) from RefreshToken t where t.sessionId = :s", Long.class)
                    .setParameter("s", UUID.fromString(endedId)).getSingleResult());
        });
        refreshed(live.refreshToken());
    }

    private static void changeUser(UUID id, Set<String> roles, boolean active) {
        String etag = given().auth().oauth2(Api.adminToken()).get("/api/v1/users/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("displayName", "改名 " + id.toString().substring(0, 4), "roles", roles, "active", active))
                .put("/api/v1/users/" + id).then().statusCode(200);
    }
}
