package io.guanxi.crm.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.ContractConformance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conformance check is installed for every test and refuses what the contract does not say. */
@QuarkusTest
class ContractConformanceTest {

    @Test
    void everyRestAssuredRequestOfTheSuiteIsChecked() {
        assertTrue(RestAssured.filters().stream().anyMatch(ContractConformance.class::isInstance),
                "ContractConformanceInstaller did not register the filter");
    }

    @Test
    void aDocumentedAnswerPasses() {
        Response me = given().auth().oauth2(Api.adminToken()).get("/api/v1/me");
        assertEquals(200, me.statusCode());
        assertEquals(List.of(), ContractConformance.violations("/api/v1/me", "GET", me));
    }

    @Test
    void anUndocumentedStatusFieldOrContentTypeOrAMissingHeaderFails() {
        assertFalse(ContractConformance.violations("/api/v1/me", "GET",
                fake(418, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":418}")).isEmpty(),
                "an undocumented status");
        assertFalse(ContractConformance.violations("/api/v1/me", "GET",
                fake(200, "application/json", "{\"id\":\"7b0c5a4e-8a43-4c55-9a3f-1c1d7f1a2b3c\",\"username\":\"a\","
                        + "\"displayName\":\"a\",\"roles\":[\"ADMIN\"],\"active\":true,\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"version\":0,\"salary\":1}")).isEmpty(),
                "an undocumented field");
        assertFalse(ContractConformance.violations("/api/v1/me", "GET", fake(200, "text/html", "<html></html>")).isEmpty(),
                "an undocumented content type");
        assertFalse(ContractConformance.violations("/api/v1/me", "GET",
                fake(401, "application/problem+json", "{\"type\":\"urn:guanxi:problem:unauthorized\",\"title\":\"t\",\"status\":401}")).isEmpty(),
                "a 401 without WWW-Authenticate");
    }

    @Test
    void pathsOutsideTheApiAreNotChecked() {
        assertEquals(List.of(), ContractConformance.violations("/index.html", "GET", fake(200, "text/html", "<html></html>")));
    }

    private static Response fake(int status, String contentType, String body) {
        return new ResponseBuilder().setStatusCode(status).setContentType(contentType).setBody(body).build();
    }
}
