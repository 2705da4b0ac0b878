package io.guanxi.crm.support;

import static io.restassured.RestAssured.given;

import io.guanxi.crm.platform.security.Role;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test helpers that use the API the way an integrator does: users are created by the bootstrapped
 * admin over HTTP and sign in with POST /api/v1/auth/token.
 */
public final class Api {

    public static final String ADMIN_PASSWORD = "Test-Root-2026!x";
    public static final String PASSWORD = "Test-Passw0rd!x";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static String adminToken;

    private Api() {
    }

    /** A signed-in user with a fresh unique username. */
    public record TestUser(UUID id, String username, String token) {
        public RequestSpecification request() {
            return given().auth().oauth2(token).contentType(ContentType.JSON);
        }
    }

    public static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = login("admin", ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public static String login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    public static TestUser newUser(Role role) {
        return newUser(role, null);
    }

    public static TestUser newUser(Role role, String seniority) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "displayName", "测试 " + username,
                "password", PASSWORD, "roles", List.of(role.name())));
        if (seniority != null) {
            body.put("seniority", seniority);
        }
        String id = given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        return new TestUser(UUID.fromString(id), username, login(username, PASSWORD));
    }

    /** A unique mainland mobile number, so tests never collide on duplicate detection. */
    public static String uniqueMobile() {
        long n = Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L);
        return "139" + String.format("%08d", n % 100_000_000L);
    }
}
