package io.guanxi.crm.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a TLS-terminating proxy the operator trusts (proxy-address-forwarding on), a request whose
 * X-Forwarded-Proto is https came over TLS: its response carries HSTS, with the configured max-age.
 */
@QuarkusTest
@TestProfile(HstsBehindProxyTest.TrustedProxy.class)
class HstsBehindProxyTest {

    public static class TrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "guanxi.http.hsts.max-age", "1d");
        }
    }

    @Test
    void httpsThroughTheTrustedProxyGetsHsts() {
        given().header("X-Forwarded-Proto", "https").get("/api/v1/contacts").then().statusCode(401)
                .header("Strict-Transport-Security", "max-age=86400");
        given().header("X-Forwarded-Proto", "http").get("/api/v1/contacts").then()
                .header("Strict-Transport-Security", nullValue());
        given().get("/").then().header("Strict-Transport-Security", nullValue());
    }
}
