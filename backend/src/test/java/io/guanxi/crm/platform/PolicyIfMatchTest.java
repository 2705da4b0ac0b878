package io.guanxi.crm.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.Policies;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 finding 12: every policy is edited like every other resource (API.md): GET gives
 * ETag "<version>", PUT needs If-Match: missing → 428, stale → 412, both problem+json.
 */
@QuarkusTest
class PolicyIfMatchTest {

    /** What the GET answered, as a body the PUT accepts (server-owned fields removed). */
    private static Object editable(TestUser admin, String path) {
        Object read = admin.request().get(path).then().statusCode(200).extract().as(Object.class);
        if (read instanceof Map<?, ?> map) {
            Map<Object, Object> body = new HashMap<>(map);
            List.of("version", "createdAt", "createdBy", "rescoredLeads").forEach(body::remove);
            return body;
        }
        return read;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/complaints/sla-policy", "/api/v1/lead-scoring/policy", "/api/v1/tiers/policy",
            "/api/v1/loyalty/policy", "/api/v1/care/policy"})
    void aPolicyChangeNeedsTheVersionItWasBasedOn(String path) {
        TestUser admin = Policies.admin();
        String etag = admin.request().get(path).then().statusCode(200).extract().header("ETag");
        assertEquals(true, etag != null && etag.matches("\"\\d+\""), "ETag \"<version>\": " + etag);
        Object body = editable(admin, path);

        admin.request().body(body).put(path).then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:guanxi:problem:if-match-required"));
        admin.request().header("If-Match", "\"999999\"").body(body).put(path).then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo("urn:guanxi:problem:stale-version"));
        admin.request().header("If-Match", "\"not-a-version\"").body(body).put(path).then().statusCode(412);
        // "*" names no version: it would overwrite whatever is there.
        admin.request().header("If-Match", "*").body(body).put(path).then().statusCode(428);
        // Nothing was written by the refused requests.
        assertEquals(etag, admin.request().get(path).then().extract().header("ETag"));

        String saved = admin.request().header("If-Match", etag).body(body).put(path).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, saved);
        assertEquals(saved, admin.request().get(path).then().extract().header("ETag"));
        // A second admin who read the old version cannot overwrite the change.
        admin.request().header("If-Match", etag).body(body).put(path).then().statusCode(412);
    }
}
