package io.guanxi.crm.imports;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The preview tells a rep that a row matches a customer outside their view (docs/import.md "Who"): that answer is
 * recorded per dry run, and uploads per user and hour are limited.
 */
@QuarkusTest
class ImportPreviewLimitsTest {

    private static final String IMPORTS = "/api/v1/imports";

    /** The default of guanxi.imports.uploads-per-hour. */
    private static final int UPLOADS_PER_HOUR = 20;

    private static Response upload(TestUser user, String... lines) {
        byte[] file = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
        return RestAssured.given().auth().oauth2(user.token()).multiPart("file", "a.csv", file, "text/csv").post(IMPORTS);
    }

    @Test
    void aMatchOutsideTheImportersViewIsNamelessAndEachDryRunIsAudited() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser otherRep = Api.newUser(Role.SALES_REP);
        TestUser admin = Api.newUser(Role.ADMIN);
        String mobile = Api.uniqueMobile();
        otherRep.request().queryParam("confirmDuplicate", true).body(aContact().name("别人的客户").with("mobile", mobile).build())
                .post("/api/v1/contacts").then().statusCode(201);

        JsonPath preview = upload(rep, "姓名,手机", "某人," + mobile, "另一人," + Api.uniqueMobile()).then().statusCode(201)
                .body("groups[0].existing[0].visibleToYou", equalTo(false)).body("groups[0].existing[0].id", nullValue())
                .body("groups[0].existing[0].name", nullValue()).extract().jsonPath();
        String id = preview.getString("id");
        rep.request().header("If-Match", "\"" + preview.getLong("version") + "\"").body(Map.of("fields", List.of("NAME", "MOBILE")))
                .put(IMPORTS + "/" + id + "/mapping").then().statusCode(200);

        List<Map<String, Object>> entries = admin.request().queryParam("userId", rep.id()).queryParam("size", 200)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, Object>> dryRuns = entries.stream()
                .filter(e -> "contact_import".equals(e.get("entityType")) && id.equals(e.get("entityId"))).toList();
        assertEquals(List.of("UPDATE", "CREATE"), dryRuns.stream().map(e -> e.get("action")).toList(), "newest first: remap, upload");
        for (Map<String, Object> entry : dryRuns) {
            assertEquals(Map.of("dryRunRows", "2", "matchesOutsideYourView", "1"), changes(entry));
        }
    }

    @Test
    void uploadsBeyondTheHourlyLimitAre429WithRetryAfterAndOthersMayStillUpload() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        for (int i = 0; i < UPLOADS_PER_HOUR; i++) {
            upload(rep, "姓名", "周芷若").then().statusCode(201);
        }
        Response refused = upload(rep, "姓名", "周芷若");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:guanxi:problem:too-many-requests"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(retryAfter, refused.jsonPath().getLong("retryAfterSeconds"));

        upload(Api.newUser(Role.SALES_REP), "姓名", "周芷若").then().statusCode(201);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> changes(Map<String, Object> entry) {
        Map<String, String> changes = new java.util.TreeMap<>();
        for (Map<String, Object> change : (List<Map<String, Object>>) entry.get("changes")) {
            changes.put((String) change.get("field"), (String) change.get("after"));
        }
        return changes;
    }
}
