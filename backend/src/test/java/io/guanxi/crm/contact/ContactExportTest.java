package io.guanxi.crm.contact;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/contacts/export: the list's filters and visibility, masking, columns, ids, injection, bad input, the job path. */
@QuarkusTest
class ContactExportTest {

    private TestUser repA;
    private TestUser repB;
    private String tag;

    @BeforeEach
    void twoRepsWithTaggedContacts() {
        repA = Api.newUser(Role.SALES_REP);
        repB = Api.newUser(Role.SALES_REP);
        tag = "exp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String contact(TestUser owner, String name, Map<String, Object> more) {
        var body = aContact().name(name).tags(tag);
        more.forEach(body::with);
        return owner.request().body(body.build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(TestUser user) {
        return user.request();
    }

    /** The CSV's lines, without the byte-order mark; the cells split on commas (the test data has none). */
    private static List<List<String>> csv(String body) {
        assertTrue(body.startsWith("\uFEFF"), "UTF-8 byte-order mark for Excel");
        return Arrays.stream(body.substring(1).split("\r\n")).map(line -> Arrays.asList(line.split(",", -1))).toList();
    }

    @Test
    void aRepExportsOnlyOwnFilteredContactsMaskedWithHeadersInTheirLanguage() {
        contact(repA, "甲一", Map.of("mobile", "13912340001", "region", "EAST"));
        contact(repA, "甲二", Map.of("region", "NORTH"));
        contact(repB, "乙一", Map.of());

        var response = as(repA).queryParam("tag", tag).queryParam("format", "csv").get("/api/v1/contacts/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"contacts-"))
                .header("Cache-Control", "no-store").extract();
        assertTrue(response.header("Content-Disposition").endsWith(".csv\""));
        List<List<String>> rows = csv(response.asString());
        assertEquals("姓名", rows.get(0).get(0), "Chinese headers by default");
        assertEquals(List.of("甲一", "甲二"), rows.stream().skip(1).map(r -> r.get(0)).sorted().toList(), "never another rep's rows");
        String mobile = rows.stream().filter(r -> r.get(0).equals("甲一")).findFirst().orElseThrow().get(1);
        assertEquals("139****0001", mobile, "mobiles masked exactly as the list shows them");

        List<List<String>> english = csv(as(repA).header("Accept-Language", "en-US,en;q=0.9").queryParam("tag", tag)
                .queryParam("region", "EAST").queryParam("columns", "name,region,mobile")
                .get("/api/v1/contacts/export").then().statusCode(200).extract().asString());
        assertEquals(List.of(List.of("Name", "Region", "Mobile"), List.of("甲一", "East China", "139****0001")), english,
                "filtered, the columns asked for in their order, enum values in the reader's language");
    }

    @Test
    void aManagerSeesTheTeamAndAnAgentGetsMaskedMobiles() {
        contact(repA, "甲一", Map.of("mobile", "13912340002"));
        contact(repB, "乙一", Map.of());
        TestUser manager = Api.newUser(Role.MANAGER);
        assertEquals(3, csv(as(manager).queryParam("tag", tag).get("/api/v1/contacts/export").then().statusCode(200)
                .extract().asString()).size(), "header and both reps' contacts");
        List<List<String>> agentRows = csv(as(Api.newUser(Role.SERVICE_AGENT)).queryParam("tag", tag).queryParam("columns", "name,mobile")
                .queryParam("sort", "createdAt,asc").get("/api/v1/contacts/export").then().statusCode(200).extract().asString());
        assertEquals(List.of("甲一", "139****0002"), agentRows.get(1));
    }

    @Test
    void idsNarrowTheSelectionButNeverWidenVisibility() {
        String mine = contact(repA, "甲一", Map.of());
        contact(repA, "甲二", Map.of());
        String theirs = contact(repB, "乙一", Map.of());
        List<List<String>> rows = csv(as(repA).queryParam("ids", mine + "," + theirs).queryParam("columns", "id,name")
                .get("/api/v1/contacts/export").then().statusCode(200).extract().asString());
        assertEquals(List.of(List.of("ID", "姓名"), List.of(mine, "甲一")), rows);
    }

    @Test
    void formulasAreWrittenAsTextInCsvAndXlsx() throws IOException {
        contact(repA, "甲一", Map.of("company", "=HYPERLINK(\"http://x\")", "industry", "+1-2", "city", "@SUM(A1)"));
        String body = as(repA).queryParam("tag", tag).queryParam("columns", "company,industry,city").get("/api/v1/contacts/export")
                .then().statusCode(200).extract().asString();
        assertTrue(body.contains("\"'=HYPERLINK(\"\"http://x\"\")\",'+1-2,'@SUM(A1)"), body);

        byte[] xlsx = as(repA).queryParam("tag", tag).queryParam("format", "XLSX").queryParam("columns", "company,industry,city")
                .header("Accept-Language", "en").get("/api/v1/contacts/export").then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", org.hamcrest.Matchers.endsWith(".xlsx\"")).extract().asByteArray();
        String sheet = entry(xlsx, "xl/worksheets/sheet1.xml");
        assertFalse(sheet.contains("<f>") || sheet.contains("<f "), "no cell is a formula: " + sheet);
        assertTrue(sheet.contains("t=\"inlineStr\"") && sheet.contains("=HYPERLINK(&quot;http://x&quot;)") && sheet.contains("@SUM(A1)"),
                sheet);
    }

    @Test
    void badParametersAreProblems() {
        as(repA).queryParam("format", "pdf").get("/api/v1/contacts/export").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        as(repA).queryParam("columns", "name,salary").get("/api/v1/contacts/export").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("columns"));
        as(repA).queryParam("columns", "name,name").get("/api/v1/contacts/export").then().statusCode(400)
                .body("errors[0].field", equalTo("columns"));
        as(repA).queryParam("ids", "not-an-id").get("/api/v1/contacts/export").then().statusCode(400)
                .body("errors[0].field", equalTo("ids"));
        String tooMany = String.join(",", java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(201).toList());
        as(repA).queryParam("ids", tooMany).get("/api/v1/contacts/export").then().statusCode(400)
                .body("errors[0].field", equalTo("ids"));
        as(repA).queryParam("abcTier", "Z").get("/api/v1/contacts/export").then().statusCode(400)
                .body("errors[0].field", equalTo("abcTier"));
    }

    @Test
    void anAsyncExportIsAJobWhoseFileOnlyTheRequesterDownloads() {
        contact(repA, "甲一", Map.of());
        contact(repA, "甲二", Map.of());
        var accepted = as(repA).queryParam("tag", tag).queryParam("async", true).queryParam("columns", "name")
                .get("/api/v1/contacts/export").then().statusCode(202).extract();
        String id = accepted.path("id");
        assertEquals("/api/v1/exports/" + id, java.net.URI.create(accepted.header("Location")).getPath());

        AtomicReference<JsonPath> job = new AtomicReference<>();
        await("export job").atMost(Jobs.TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            job.set(as(repA).get("/api/v1/exports/" + id).then().statusCode(200).extract().jsonPath());
            return !"RUNNING".equals(job.get().getString("state"));
        });
        assertEquals("SUCCEEDED", job.get().getString("state"), job.get().prettify());
        assertEquals(2, job.get().getInt("report.rows"));

        var file = as(repA).get("/api/v1/exports/" + id + "/file").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"contacts-")).extract();
        assertEquals(List.of(List.of("姓名"), List.of("甲一"), List.of("甲二")),
                csv(file.asString()).stream().sorted((a, b) -> a.get(0).equals("姓名") ? -1 : b.get(0).equals("姓名") ? 1
                        : a.get(0).compareTo(b.get(0))).toList());

        as(repB).get("/api/v1/exports/" + id).then().statusCode(404);
        as(repB).get("/api/v1/exports/" + id + "/file").then().statusCode(404);
        as(Api.newUser(Role.MANAGER)).get("/api/v1/exports/" + id + "/file").then().statusCode(404);
    }

    @Test
    void everyExportIsAuditedWithItsFilters() {
        contact(repA, "甲一", Map.of());
        as(repA).queryParam("tag", tag).queryParam("region", "EAST").get("/api/v1/contacts/export").then().statusCode(200);
        JsonPath entries = io.restassured.RestAssured.given().auth().oauth2(Api.adminToken()).queryParam("userId", repA.id())
                .queryParam("action", "EXPORT").get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(1, entries.getInt("total"));
        assertEquals("contacts", entries.getString("items[0].entityType"));
        List<Map<String, String>> changes = entries.getList("items[0].changes");
        assertTrue(changes.stream().anyMatch(c -> c.get("field").equals("filter.tag") && tag.equals(c.get("after"))), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> c.get("field").equals("filter.region") && "EAST".equals(c.get("after"))), changes.toString());
    }

    private static String entry(byte[] xlsx, String name) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry entry = zip.getEntry(name);
                assertTrue(entry != null, "no " + name + " in the workbook");
                return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
