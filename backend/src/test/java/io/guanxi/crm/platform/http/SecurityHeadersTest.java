package io.guanxi.crm.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.guanxi.crm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Issue 13, finding 7: security headers on every response, and caching that survives an upgrade. */
@QuarkusTest
class SecurityHeadersTest {

    private static ValidatableResponse secured(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void theWebAppGetsAPolicyWithoutInlineScript() {
        secured(given().get("/").then())
                .header("Content-Security-Policy", equalTo(SecurityHeaders.APP_POLICY))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe-eval")));
    }

    @Test
    void indexAndDeepLinksAreRevalidatedAndOnlyHashedAssetsAreImmutable() {
        given().get("/").then().header("Cache-Control", "no-cache");
        given().get("/index.html").then().header("Cache-Control", "no-cache");
        given().get("/contacts/3f2a9c1d").then().header("Cache-Control", "no-cache");
        given().get("/favicon.svg").then().header("Cache-Control", "no-cache");
        // The PWA: its service worker and manifest are revalidated too (a new version installs at once).
        given().get("/sw.js").then().statusCode(200).header("Cache-Control", "no-cache");
        given().get("/manifest.webmanifest").then().statusCode(200).header("Cache-Control", "no-cache")
                .contentType("application/manifest+json").body("short_name", org.hamcrest.Matchers.equalTo("关系CRM"));
        secured(given().get("/assets/test-fixture-3f2a9c1d.js").then().statusCode(200))
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Test
    void apiAnswersAndProblemsCarryTheHeadersAndAreNotStored() {
        secured(given().auth().oauth2(Api.adminToken()).get("/api/v1/contacts").then().statusCode(200))
                .header("Cache-Control", "no-store");
        secured(given().get("/api/v1/contacts").then().statusCode(401));
        secured(given().queryParam("q", "x".repeat(10_000)).get("/api/v1/contacts").then().statusCode(414));
        secured(given().get("/api/v1/no-such-thing").then().statusCode(404));
    }

    @Test
    void swaggerUiGetsItsOwnPolicyForItsInlineStartScript() {
        secured(given().get("/q/swagger-ui/").then().statusCode(200))
                .header("Content-Security-Policy", equalTo(SecurityHeaders.SWAGGER_UI_POLICY))
                .header("Cache-Control", "no-cache");
        secured(given().get("/q/openapi").then().statusCode(200));
    }

    @Test
    void hstsOnlyOverTls() {
        given().get("/").then().header("Strict-Transport-Security", nullValue());
        // The test profile trusts a proxy (quarkus.http.proxy.*), so its X-Forwarded-Proto says TLS.
        given().header("X-Forwarded-Proto", "https").get("/").then()
                .header("Strict-Transport-Security", "max-age=31536000");
    }
}
