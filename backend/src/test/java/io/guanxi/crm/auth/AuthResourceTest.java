package io.guanxi.crm.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthResourceTest {

    @Test
    void bootstrappedAdminSignsInAndGetsABearerToken() {
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", Api.ADMIN_PASSWORD))
                .post("/api/v1/auth/token")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("access_token", notNullValue());
        given().auth().oauth2(Api.adminToken()).get("/api/v1/me")
                .then().statusCode(200).body("username", equalTo("admin")).body("roles[0]", equalTo("ADMIN"));
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() {
        var rep = Api.newUser(Role.SALES_REP);
        String wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("username", rep.username(), "password", "nope-nope-nope"))
                .post("/api/v1/auth/token").then().statusCode(401)
                .contentType("application/problem+json").extract().path("detail");
        String unknownUser = given().contentType(ContentType.JSON)
                .body(Map.of("username", "nobody-" + UUID.randomUUID(), "password", "nope-nope-nope"))
                .post("/api/v1/auth/token").then().statusCode(401).extract().path("detail");
        org.junit.jupiter.api.Assertions.assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void repeatedFailuresAreThrottledEvenForTheRightPassword() {
        var rep = Api.newUser(Role.SALES_REP);
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", rep.username(), "password", "wrong-" + i))
                    .post("/api/v1/auth/token").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("username", rep.username(), "password", Api.PASSWORD))
                .post("/api/v1/auth/token")
                .then().statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("status", equalTo(429));
    }

    @Test
    void failuresFromOneAddressAreCountedWhateverSucceedsInBetween() {
        int addressLimit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("guanxi.security.login.address-max-failures", Integer.class);
        var rep = Api.newUser(Role.SALES_REP);
        String address = "203.0.113." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
        for (int i = 0; i < addressLimit; i++) {
            // A fresh username each time: only the address counter can reach its limit.
            given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                    .body(Map.of("username", "guess-" + UUID.randomUUID(), "password", "wrong-" + i))
                    .post("/api/v1/auth/token").then().statusCode(401);
            if (i < addressLimit - 1) {
                given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                        .body(Map.of("username", rep.username(), "password", Api.PASSWORD))
                        .post("/api/v1/auth/token").then().statusCode(200);
            }
        }
        given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("username", rep.username(), "password", Api.PASSWORD))
                .post("/api/v1/auth/token")
                .then().statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json");
        // Another address is not affected.
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.7")
                .body(Map.of("username", rep.username(), "password", Api.PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200);
    }

    @Test
    void missingTokenIs401WithBearerChallenge() {
        given().get("/api/v1/contacts")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
    }

    @Test
    void tamperedTokenIs401() {
        String token = Api.adminToken();
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("\"ADMIN\"", "\"MANAGER\"");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes()) + "." + parts[2];
        given().auth().oauth2(tampered).get("/api/v1/contacts").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").get("/api/v1/contacts").then().statusCode(401);
    }

    @Test
    void expiredTokenIs401() {
        var rep = Api.newUser(Role.SALES_REP);
        String expired = Jwt.upn(rep.username()).subject(rep.id().toString()).groups(Set.of("SALES_REP"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        given().auth().oauth2(expired).get("/api/v1/contacts").then().statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        var rep = Api.newUser(Role.SALES_REP);
        String foreign = Jwt.issuer("https://evil.example").upn(rep.username()).subject(rep.id().toString())
                .groups(Set.of("SALES_REP")).expiresIn(600).sign();
        given().auth().oauth2(foreign).get("/api/v1/contacts").then().statusCode(401);
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var otherKey = generator.generateKeyPair().getPrivate();
        var rep = Api.newUser(Role.SALES_REP);
        String forged = Jwt.upn(rep.username()).subject(rep.id().toString()).groups(Set.of("ADMIN"))
                .expiresIn(600).sign(otherKey);
        given().auth().oauth2(forged).get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void deactivatedUsersTokenStopsWorking() {
        var rep = Api.newUser(Role.SALES_REP);
        rep.request().get("/api/v1/contacts").then().statusCode(200);
        String etag = given().auth().oauth2(Api.adminToken()).get("/api/v1/users/" + rep.id())
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("displayName", "gone", "roles", Set.of("SALES_REP"), "active", false))
                .put("/api/v1/users/" + rep.id()).then().statusCode(200).body("active", equalTo(false));
        rep.request().get("/api/v1/contacts").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", rep.username(), "password", Api.PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(401);
    }

    @Test
    void malformedLoginBodyIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"username\": ")
                .post("/api/v1/auth/token").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("username", "admin"))
                .post("/api/v1/auth/token").then().statusCode(400)
                .body("errors[0].field", equalTo("password"));
    }
}
