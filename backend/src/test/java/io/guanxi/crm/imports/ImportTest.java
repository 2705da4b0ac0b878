package io.guanxi.crm.imports;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    // ---- helpers ----

    private static JsonPath upload(TestUser user, String fileName, byte[] content, String type) {
        return RestAssured.given().auth().oauth2(user.token()).multiPart("file", fileName, content, type)
                .post(IMPORTS).then().statusCode(201).extract().jsonPath();
    }

    private static byte[] csv(Charset charset, boolean bom, String... lines) {
        byte[] text = (String.join("\r\n", lines) + "\r\n").getBytes(charset);
        if (!bom) {
            return text;
        }
        byte[] all = Arrays.copyOf(BOM, BOM.length + text.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    private static String etag(TestUser user, String id) {
        return user.request().get(IMPORTS + "/" + id).then().statusCode(200).extract().header("ETag");
    }

    private static JsonPath decide(TestUser user, String id, Map<String, Object> body) {
        return user.request().header("If-Match", etag(user, id)).body(body).put(IMPORTS + "/" + id + "/decisions")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Commits and follows the import (a rep may not read /jobs; the import shows its job) until it is no longer COMMITTING. */
    private static JsonPath commit(TestUser user, String id) {
        user.request().post(IMPORTS + "/" + id + "/commit").then().statusCode(202).body("jobId", notNullValue());
        JsonPath finished = awaitCommitted(user, id);
        assertEquals("COMMITTED", finished.getString("state"), finished.prettify());
        assertEquals("SUCCEEDED", finished.getString("job.state"));
        return finished;
    }

    private static JsonPath awaitCommitted(TestUser user, String id) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        await("import " + id + " to finish").atMost(Jobs.TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath now = user.request().get(IMPORTS + "/" + id).then().statusCode(200).extract().jsonPath();
            last.set(now);
            // The import's state commits with its rows; the job's own state a moment later, in the job's bookkeeping.
            return !"COMMITTING".equals(now.getString("state")) && !"RUNNING".equals(now.getString("job.state"));
        });
        return last.get();
    }

    private static List<Map<String, Object>> contacts(TestUser user, String q) {
        return user.request().queryParam("q", q).queryParam("size", 50).get("/api/v1/contacts").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static Map<String, Object> contact(TestUser user, String id) {
        return user.request().get("/api/v1/contacts/" + id).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    // ---- mapping and reading ----

    @Test
    void aZhCsvWithBomIsMappedValidatedAndImportedLikeContactsMadeByHand() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String m1 = Api.uniqueMobile();
        String m2 = Api.uniqueMobile();
        byte[] file = csv(StandardCharsets.UTF_8, true,
                "姓名,手机号,邮箱,公司,行业,地区,城市,生日,标签,微信,备注",
                "欧阳娜娜," + m1 + ",NANA@Example.cn,云帆科技,科技,华东,上海,1990年3月5日,老客户、高价值,wx_nana,想要发票",
                "司马光,+86 " + m2.substring(0, 3) + " " + m2.substring(3, 7) + " " + m2.substring(7) + ",,砸缸集团,,华北区,北京,2024/1/5,,,",
                "诸葛亮,12345,bad-email,,,火星,,明天,,,",
                ",13800000000,,,,,,,,,");
        JsonPath preview = upload(rep, "客户.csv", file, "text/csv");
        assertEquals("CSV", preview.getString("format"));
        assertEquals("UTF-8-BOM", preview.getString("encoding"));
        assertEquals(1, preview.getInt("headerRow"));
        assertEquals(List.of("NAME", "MOBILE", "EMAIL", "COMPANY", "INDUSTRY", "REGION", "CITY", "BIRTHDAY", "TAGS", "WECHAT_ID",
                "HIDDEN_NEEDS"), preview.getList("columns.field"));
        assertEquals(4, preview.getInt("counts.rows"));
        assertEquals(2, preview.getInt("counts.valid"));
        assertEquals(2, preview.getInt("counts.invalid"));
        List<String> problems = preview.getList("problems", Map.class).stream()
                .map(p -> p.get("row") + ":" + p.get("column") + ":" + p.get("code")).toList();
        assertEquals(List.of("4:B:INVALID_MOBILE", "4:C:INVALID_EMAIL", "4:F:UNKNOWN_REGION", "4:H:INVALID_DATE", "5:A:REQUIRED"), problems);

        String id = preview.getString("id");
        JsonPath done = commit(rep, id);
        assertEquals(2, done.getInt("result.created"));
        assertEquals(2, done.getInt("result.invalid"));

        // Found like a contact made by hand: by pinyin, initials and mobile digits; normalised like ContactService.create.
        List<Map<String, Object>> byPinyin = contacts(rep, "ouyang");
        assertEquals(1, byPinyin.size());
        assertEquals(1, contacts(rep, "oynn").size());
        assertEquals(1, contacts(rep, m2.substring(3, 9)).size());
        Map<String, Object> nana = contact(rep, (String) byPinyin.get(0).get("id"));
        assertEquals(m1, nana.get("mobile"));
        assertEquals("nana@example.cn", nana.get("email"));
        assertEquals("EAST", nana.get("region"));
        assertEquals("1990-03-05", nana.get("birthday"));
        assertEquals(List.of("老客户", "高价值"), nana.get("tags"));
        assertEquals("POTENTIAL", nana.get("lifecycleStage"));
        assertEquals(rep.id().toString(), nana.get("ownerId"));
        Map<String, Object> made = contact(rep, rep.request().body(aContact().name("欧阳娜娜").with("mobile", Api.uniqueMobile())
                .with("email", "x" + m1 + "@example.cn").with("company", "云帆科技").with("industry", "科技").with("region", "EAST")
                .with("city", "上海").with("birthday", "1990-03-05").with("wechatId", "wx_nana").with("hiddenNeeds", "想要发票")
                .tags("老客户", "高价值").build()).post("/api/v1/contacts?confirmDuplicate=true").then().statusCode(201).extract().path("id"));
        assertEquals(made.get("completeness"), nana.get("completeness"), "completeness computed as ContactService computes it");
        assertEquals(2, contacts(rep, "ouyang").size());

        // The error report names row, column and message code.
        String report = rep.request().get(IMPORTS + "/" + id + "/errors").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(report.contains("4,B,手机号,MOBILE,INVALID_MOBILE"), report);
        assertTrue(report.contains("5,A,姓名,NAME,REQUIRED"), report);
    }

    @Test
    void aGbkCsvIsDetectedAndAnEnglishHeaderMapped() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String mobile = Api.uniqueMobile();
        JsonPath preview = upload(rep, "export.csv", csv(Charset.forName("GBK"), false,
                "Name;Mobile;E-mail;Company;Source", "黄药师;" + mobile + ";;桃花岛;转介绍"), "text/csv");
        assertEquals("GB18030", preview.getString("encoding"));
        assertEquals(List.of("NAME", "MOBILE", "EMAIL", "COMPANY", "SOURCE_CHANNEL"), preview.getList("columns.field"));
        assertEquals(List.of("黄药师"), preview.getList("columns[0].samples"));
        commit(rep, preview.getString("id"));
        Map<String, Object> found = contacts(rep, "huangyaoshi").get(0);
        assertEquals("REFERRAL", contact(rep, (String) found.get("id")).get("sourceChannel"));
    }

    @Test
    void anXlsxWithAMergedTitleEmptyRowsDatesAndAFormulaIsRead() throws IOException {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String mobile = Api.uniqueMobile();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("客户");
            sheet.value(0, 0, "2024 年客户名单（导出自旧系统）");
            sheet.range(0, 0, 0, 4).merge();
            sheet.value(2, 0, "客户姓名");
            sheet.value(2, 1, "手机");
            sheet.value(2, 2, "生日");
            sheet.value(2, 3, "公司");
            sheet.value(2, 4, "计算");
            sheet.value(4, 0, "郭靖");
            sheet.value(4, 1, Long.parseLong(mobile));
            sheet.value(4, 2, java.time.LocalDate.of(1985, 6, 1));
            sheet.style(4, 2).format("yyyy-mm-dd").set();
            sheet.value(4, 3, "襄阳城");
            sheet.formula(4, 4, "=HYPERLINK(\"http://evil.example\",\"x\")");
            sheet.value(6, 0, "黄蓉");
        }
        JsonPath preview = upload(rep, "客户.xlsx", out.toByteArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals("XLSX", preview.getString("format"));
        assertNull(preview.get("encoding"));
        assertEquals(3, preview.getInt("headerRow"));
        assertEquals(Arrays.asList("NAME", "MOBILE", "BIRTHDAY", "COMPANY", null), preview.getList("columns.field"));
        assertEquals(2, preview.getInt("counts.rows"));
        assertEquals(List.of(), preview.getList("columns[4].samples"), "a formula is never evaluated and has no cached value here");
        JsonPath done = commit(rep, preview.getString("id"));
        assertEquals(2, done.getInt("result.created"));
        Map<String, Object> guo = contact(rep, (String) contacts(rep, "guojing").get(0).get("id"));
        assertEquals(mobile, guo.get("mobile"));
        assertEquals("1985-06-01", guo.get("birthday"));
    }

    @Test
    void theMappingCanBeChangedWithIfMatch() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        JsonPath preview = upload(rep, "a.csv", csv(StandardCharsets.UTF_8, false, "客户,电话号,单位", "小龙女," + Api.uniqueMobile() + ",古墓派"),
                "text/csv");
        String id = preview.getString("id");
        assertEquals(Arrays.asList("NAME", null, "COMPANY"), preview.getList("columns.field"));
        rep.request().body(Map.of("fields", List.of("NAME", "MOBILE", "COMPANY"))).put(IMPORTS + "/" + id + "/mapping")
                .then().statusCode(428);
        rep.request().header("If-Match", "\"99\"").body(Map.of("fields", List.of("NAME", "MOBILE", "COMPANY")))
                .put(IMPORTS + "/" + id + "/mapping").then().statusCode(412);
        rep.request().header("If-Match", etag(rep, id)).body(Map.of("fields", Arrays.asList("NAME", "NAME", null)))
                .put(IMPORTS + "/" + id + "/mapping").then().statusCode(400);
        JsonPath mapped = rep.request().header("If-Match", etag(rep, id)).body(Map.of("fields", List.of("NAME", "MOBILE", "COMPANY")))
                .put(IMPORTS + "/" + id + "/mapping").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("NAME", "MOBILE", "COMPANY"), mapped.getList("columns.field"));
        assertEquals(1, mapped.getInt("counts.valid"));
    }

    @Test
    void aManagerMapsAnOwnerColumnByUsernameOrDisplayNameAndARepMayNot() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser other = Api.newUser(Role.SALES_REP);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        String m1 = Api.uniqueMobile();
        String m2 = Api.uniqueMobile();
        String m3 = Api.uniqueMobile();
        // Names of their own: a same-named contact of another test would make a row a "maybe" duplicate.
        byte[] file = csv(StandardCharsets.UTF_8, false, "姓名,手机号,负责人",
                "张无忌" + m1 + "," + m1 + "," + rep.username().toUpperCase(java.util.Locale.ROOT),
                "赵敏" + m2 + "," + m2 + ",测试 " + other.username(),
                "周芷若" + m3 + "," + m3 + ",",
                "殷离," + Api.uniqueMobile() + "," + agent.username(),
                "小昭," + Api.uniqueMobile() + ",nobody-" + m1);
        JsonPath preview = upload(manager, "owners.csv", file, "text/csv");
        assertEquals(List.of("NAME", "MOBILE", "OWNER"), preview.getList("columns.field"));
        List<String> problems = preview.getList("problems", Map.class).stream()
                .map(p -> p.get("row") + ":" + p.get("column") + ":" + p.get("code")).toList();
        // A service agent may not own customers: named like a stranger.
        assertEquals(List.of("5:C:UNKNOWN_OWNER", "6:C:UNKNOWN_OWNER"), problems);
        JsonPath done = commit(manager, preview.getString("id"));
        assertEquals(3, done.getInt("result.created"));
        assertEquals(rep.id().toString(), ownerOf(manager, m1));
        assertEquals(other.id().toString(), ownerOf(manager, m2));
        assertEquals(manager.id().toString(), ownerOf(manager, m3), "no owner named: the importer");
        assertEquals(1, contacts(rep, m1).size(), "the rep now sees the customer given to them");

        // A rep's upload leaves the column unmapped, and mapping it is refused.
        JsonPath mine = upload(rep, "owners.csv", csv(StandardCharsets.UTF_8, false, "姓名,负责人", "郭靖," + other.username()), "text/csv");
        assertEquals(Arrays.asList("NAME", null), mine.getList("columns.field"));
        rep.request().header("If-Match", etag(rep, mine.getString("id"))).body(Map.of("fields", List.of("NAME", "OWNER")))
                .put(IMPORTS + "/" + mine.getString("id") + "/mapping").then().statusCode(400);
    }

    private static String ownerOf(TestUser user, String mobile) {
        List<Map<String, Object>> found = contacts(user, mobile);
        assertEquals(1, found.size(), mobile);
        return (String) contact(user, (String) found.get(0).get("id")).get("ownerId");
    }

    // ---- duplicates and decisions ----

    @Test
    void duplicatesWithinTheFileAndAgainstExistingContactsAreGroupedAndEachDecisionApplies() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String skipMobile = Api.uniqueMobile();
        String fillMobile = Api.uniqueMobile();
        String overMobile = Api.uniqueMobile();
        String anywayMobile = Api.uniqueMobile();
        String inFile = Api.uniqueMobile();
        String skipId = rep.request().body(aContact().name("段誉").with("mobile", skipMobile).with("city", "大理").build())
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String fillId = rep.request().body(aContact().name("虚竹").with("mobile", fillMobile).with("city", "灵鹫宫").build())
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String overId = rep.request().body(aContact().name("乔峰").with("mobile", overMobile).with("city", "雁门关").build())
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        rep.request().body(aContact().name("阿朱").with("mobile", anywayMobile).build()).post("/api/v1/contacts").then().statusCode(201);
        JsonPath preview = upload(rep, "dups.csv", csv(StandardCharsets.UTF_8, false,
                "姓名,手机,城市,公司",
                "段誉," + skipMobile + ",苏州,",
                "虚竹," + fillMobile + ",西夏,少林寺",
                "萧峰," + overMobile + ",辽国,丐帮",
                "阿朱," + anywayMobile + ",,",
                "王语嫣," + inFile + ",苏州,",
                "王姑娘," + inFile + ",,曼陀山庄",
                "钟灵,,,万劫谷",
                "钟灵,,,万劫谷"), "text/csv");
        String id = preview.getString("id");
        assertEquals(6, preview.getInt("counts.groups"));
        Map<String, Object> inFileGroup = group(preview, "r6");
        assertEquals("SURE", inFileGroup.get("kind"));
        assertEquals(List.of(6, 7), inFileGroup.get("rows"));
        assertEquals("FILL_EMPTY", inFileGroup.get("decision"));
        Map<String, Object> maybe = group(preview, "r8");
        assertEquals("MAYBE", maybe.get("kind"));
        assertEquals("CREATE_ANYWAY", maybe.get("decision"));
        assertEquals("SKIP", group(preview, "r2").get("decision"));
        assertEquals(skipId, ((List<Map<String, Object>>) group(preview, "r2").get("existing")).get(0).get("id"));

        JsonPath decided = decide(rep, id, Map.of("groups", Map.of("r3", "FILL_EMPTY", "r4", "OVERWRITE", "r5", "CREATE_ANYWAY",
                "r8", "SKIP")));
        assertEquals("OVERWRITE", group(decided, "r4").get("decision"));
        JsonPath done = commit(rep, id);
        // New: 阿朱 again (create anyway), 王语嫣 with 王姑娘's company filled in, one 钟灵.
        assertEquals(3, done.getInt("result.created"));
        assertEquals(2, done.getInt("result.updated"));

        assertEquals("大理", contact(rep, skipId).get("city"));
        Map<String, Object> filled = contact(rep, fillId);
        assertEquals("灵鹫宫", filled.get("city"));
        assertEquals("少林寺", filled.get("company"));
        Map<String, Object> overwritten = contact(rep, overId);
        assertEquals("萧峰", overwritten.get("name"));
        assertEquals("辽国", overwritten.get("city"));
        assertEquals(2, contacts(rep, anywayMobile.substring(3)).size());
        List<Map<String, Object>> wang = contacts(rep, inFile);
        assertEquals(1, wang.size());
        Map<String, Object> yuyan = contact(rep, (String) wang.get(0).get("id"));
        assertEquals("王语嫣", yuyan.get("name"));
        assertEquals("曼陀山庄", yuyan.get("company"));
        assertEquals(1, contacts(rep, "zhongling").size());

        // Undo: the created contacts go, the updated fields come back; a field changed since stays as it was changed.
        String etag = rep.request().get("/api/v1/contacts/" + overId).then().extract().header("ETag");
        Map<String, Object> edit = new java.util.HashMap<>(aContact().name("萧峰").with("mobile", overMobile).with("city", "南院").build());
        edit.put("company", "丐帮");
        rep.request().header("If-Match", etag).body(edit).put("/api/v1/contacts/" + overId).then().statusCode(200);
        JsonPath undone = rep.request().post(IMPORTS + "/" + id + "/undo").then().statusCode(200).body("state", equalTo("UNDONE"))
                .extract().jsonPath();
        assertEquals(3, undone.getInt("result.removed"));
        assertEquals(List.of(), contacts(rep, inFile));
        assertEquals(1, contacts(rep, anywayMobile.substring(3)).size());
        assertEquals(0, contacts(rep, "zhongling").size());
        assertEquals(null, contact(rep, fillId).get("company"));
        Map<String, Object> restored = contact(rep, overId);
        assertEquals("乔峰", restored.get("name"));
        assertEquals("南院", restored.get("city"), "changed since the import: kept");
        rep.request().post(IMPORTS + "/" + id + "/undo").then().statusCode(409)
                .body("type", equalTo("urn:guanxi:problem:import-state"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> group(JsonPath preview, String id) {
        return preview.getList("groups", Map.class).stream().filter(g -> id.equals(g.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + id + " in " + preview.prettify()));
    }

    @Test
    void reImportingTheSameFileCreatesNothingNew() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        byte[] file = csv(StandardCharsets.UTF_8, false, "姓名,手机,邮箱,公司",
                "令狐冲," + Api.uniqueMobile() + ",,华山派",
                "任盈盈,," + "ying" + Api.uniqueMobile() + "@example.cn,日月神教",
                "岳灵珊,,,华山派",
                "林平之,,,");
        assertEquals(4, commit(rep, upload(rep, "a.csv", file, "text/csv").getString("id")).getInt("result.created"));
        JsonPath again = upload(rep, "a.csv", file, "text/csv");
        assertEquals(4, again.getInt("counts.groups"));
        JsonPath done = commit(rep, again.getString("id"));
        assertEquals(0, done.getInt("result.created"));
        assertEquals(4, done.getInt("result.skipped"));
        assertEquals(1, contacts(rep, "linghuchong").size());
        assertEquals(1, contacts(rep, "linpingzhi").size());
    }

    @Test
    void undoIsRefusedWhenACreatedContactGainedRecordsAndChangesNothing() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String mobile = Api.uniqueMobile();
        JsonPath done = commit(rep, upload(rep, "a.csv", csv(StandardCharsets.UTF_8, false, "姓名,手机", "张无忌," + mobile, "赵敏,"),
                "text/csv").getString("id"));
        String contactId = (String) contacts(rep, mobile).get(0).get("id");
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "初访"))
                .post("/api/v1/contacts/" + contactId + "/interactions").then().statusCode(201);
        rep.request().post(IMPORTS + "/" + done.getString("id") + "/undo").then().statusCode(409)
                .body("type", equalTo("urn:guanxi:problem:import-undo-blocked"));
        assertEquals(1, contacts(rep, "zhaomin").size());
        rep.request().get(IMPORTS + "/" + done.getString("id")).then().body("state", equalTo("COMMITTED"));
    }

    // ---- who and bad input ----

    @Test
    void anImportIsItsImportersAloneAndAgentsMayNotImport() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        String id = upload(rep, "a.csv", csv(StandardCharsets.UTF_8, false, "姓名", "周芷若"), "text/csv").getString("id");
        manager.request().get(IMPORTS + "/" + id).then().statusCode(404);
        manager.request().post(IMPORTS + "/" + id + "/commit").then().statusCode(404);
        Api.newUser(Role.SALES_REP).request().get(IMPORTS + "/" + id + "/errors").then().statusCode(404);
        RestAssured.given().auth().oauth2(Api.newUser(Role.SERVICE_AGENT).token())
                .multiPart("file", "a.csv", "姓名\n周芷若\n".getBytes(StandardCharsets.UTF_8), "text/csv").post(IMPORTS).then().statusCode(403);
        rep.request().post(IMPORTS + "/" + id + "/commit").then().statusCode(202);
        rep.request().post(IMPORTS + "/" + id + "/commit").then().statusCode(409);
        awaitCommitted(rep, id);
    }

    @Test
    void badFilesAreProblemsNeverErrors() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        RestAssured.given().auth().oauth2(rep.token()).multiPart("file", "photo.csv", png, "text/csv").post(IMPORTS)
                .then().statusCode(422).contentType("application/problem+json").body("type", equalTo("urn:guanxi:problem:import-unreadable"));
        byte[] brokenZip = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        RestAssured.given().auth().oauth2(rep.token()).multiPart("file", "a.xlsx", brokenZip, "application/octet-stream").post(IMPORTS)
                .then().statusCode(422).body("code", equalTo("BROKEN_XLSX"));
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        RestAssured.given().auth().oauth2(rep.token()).multiPart("file", "a.xls", ole2, "application/vnd.ms-excel").post(IMPORTS)
                .then().statusCode(422).body("code", equalTo("XLS_NOT_SUPPORTED"));
        RestAssured.given().auth().oauth2(rep.token()).multiPart("file", "a.csv", "姓名\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(IMPORTS).then().statusCode(422).body("code", equalTo("NO_ROWS"));
        rep.request().body("{}").post(IMPORTS).then().statusCode(415).contentType("application/problem+json");
        byte[] big = new byte[2 * 1024 * 1024 + 100_000];
        Arrays.fill(big, (byte) 'a');
        RestAssured.given().auth().oauth2(rep.token()).multiPart("file", "big.csv", big, "text/csv").post(IMPORTS)
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void filesBeyondTheBoundsAreRefusedBeforeTheyAreHeldInMemory() throws IOException {
        TestUser rep = Api.newUser(Role.SALES_REP);
        // One cell at column AAAAAAA: the reader would size the row to hundreds of millions of slots.
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>姓名</t></is></c>"
                    + "<c r=\"AAAAAAA1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        RestAssured.given().auth().oauth2(rep.token()).multiPart("file", "wide.xlsx", zipped.toByteArray(), "application/octet-stream")
                .post(IMPORTS).then().statusCode(422).contentType("application/problem+json").body("code", equalTo("TOO_WIDE"));
        String wideRow = String.join(",", java.util.Collections.nCopies(250, "x"));
        RestAssured.given().auth().oauth2(rep.token()).multiPart("file", "wide.csv", csv(StandardCharsets.UTF_8, false, "姓名", wideRow), "text/csv")
                .post(IMPORTS).then().statusCode(422).body("code", equalTo("TOO_WIDE"));
        // A NUL far into the text (PostgreSQL cannot store it), past any sample.
        String late = "姓名\n" + "张三\n".repeat(30_000) + "李\u0000四\n";
        RestAssured.given().auth().oauth2(rep.token()).multiPart("file", "nul.csv", late.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(IMPORTS).then().statusCode(422).body("code", equalTo("NOT_TABULAR"));
    }

    @Test
    void undoIsRefusedWhenACreatedContactWasChangedSince() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String mobile = Api.uniqueMobile();
        JsonPath done = commit(rep, upload(rep, "a.csv", csv(StandardCharsets.UTF_8, false, "姓名,手机", "杨过," + mobile),
                "text/csv").getString("id"));
        String contactId = (String) contacts(rep, mobile).get(0).get("id");
        // Archived since (as a handover, a tag or a merge would): the contact is someone's work now, not only the import's.
        rep.request().delete("/api/v1/contacts/" + contactId).then().statusCode(204);
        rep.request().post(IMPORTS + "/" + done.getString("id") + "/undo").then().statusCode(409)
                .body("type", equalTo("urn:guanxi:problem:import-undo-blocked")).body("code", equalTo("CHANGED_SINCE"));
        rep.request().get(IMPORTS + "/" + done.getString("id")).then().body("state", equalTo("COMMITTED"));
    }
}
