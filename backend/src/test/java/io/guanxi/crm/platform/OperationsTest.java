package io.guanxi.crm.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.HttpServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Inject
    HttpServer server;

    /** The management interface (health, metrics), on its own port. */
    private String management() {
        return "http://localhost:" + server.getManagementPort() + "/q";
    }

    @Test
    void healthIncludesTheDatabase() {
        given().get(management() + "/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get(management() + "/health/live").then().statusCode(200);
    }

    @Test
    void metricsArePrometheusText() {
        given().get(management() + "/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void openApiDocumentsBearerAuthAndProblemResponses() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.schemas.Problem", notNullValue())
                .body("paths.'/api/v1/contacts'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/contacts/{id}'.put.responses.'412'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/v1/contacts/{id}'.put.responses.'428'", notNullValue())
                .body("paths.'/api/v1/contacts'.get.responses.'401'", notNullValue())
                .body("paths.'/api/v1/auth/token'.post.security.size()", equalTo(0))
                .body("paths.'/api/v1/contacts'.post.requestBody.content.'application/json'.examples", notNullValue());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
