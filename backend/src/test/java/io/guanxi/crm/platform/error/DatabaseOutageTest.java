package io.guanxi.crm.platform.error;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.DatabaseLink;
import io.guanxi.crm.support.DatabaseLinkResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.http.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While the database cannot be reached, every request answers 503 problem+json with Retry-After (a client may
 * retry; an Idempotency-Key makes a retried write safe), never 500, never 401, never the driver's text; readiness is
 * DOWN; once the database is back the service answers again by itself. The database is cut away for real: the
 * service reaches it through a TCP link that the test closes (its own service instance and database).
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.CutDatabase.class)
class DatabaseOutageTest {

    public static class CutDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guanxi.http.database-unavailable-retry-after", "3s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseLinkResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    DatabaseLink database;

    @Inject
    HttpServer server;

    @AfterEach
    void reconnect() {
        database.restore();
    }

    @Test
    void anOutageAnswers503WithRetryAfterAndReadinessGoesDown() {
        String admin = Api.login("admin", Api.ADMIN_PASSWORD);
        String manager = newManagerToken(admin);
        given().auth().oauth2(admin).get("/api/v1/contacts").then().statusCode(200);
        ready().statusCode(200);

        database.cut();

        unavailable(given().auth().oauth2(admin).get("/api/v1/contacts").then());
        unavailable(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("name", "断线客户", "mobile", Api.uniqueMobile())).post("/api/v1/contacts").then());
        // A user the service may not have looked up yet: their token is not refused (401 would sign them out).
        unavailable(given().auth().oauth2(manager).get("/api/v1/contacts?q=张").then());
        unavailable(given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", Api.ADMIN_PASSWORD)).post("/api/v1/auth/token").then());
        ready().statusCode(503).body("status", equalTo("DOWN"));

        database.restore();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> given().auth().oauth2(admin).get("/api/v1/contacts").then().statusCode(200));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> ready().statusCode(200));
    }

    private static void unavailable(ValidatableResponse response) {
        response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "3")
                .body("type", equalTo("urn:guanxi:problem:service-unavailable"))
                .body("status", equalTo(503))
                .body("retryAfterSeconds", equalTo(3))
                // Nothing of the driver's failure: no SQL, no class names, no addresses.
                .body(not(containsStringIgnoringCase("select")))
                .body(not(containsStringIgnoringCase("exception")))
                .body(not(containsStringIgnoringCase("jdbc")))
                .body(not(containsStringIgnoringCase("127.0.0.1")));
    }

    private ValidatableResponse ready() {
        return given().get("http://localhost:" + server.getManagementPort() + "/q/health/ready").then();
    }

    private static String newManagerToken(String admin) {
        String username = "outage-manager-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", "断线经理", "password", Api.PASSWORD, "roles", List.of("MANAGER")))
                .post("/api/v1/users").then().statusCode(201);
        return Api.login(username, Api.PASSWORD);
    }
}
