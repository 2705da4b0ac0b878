package io.guanxi.crm.merge;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MergeResourceTest {

    /** The tables whose rows a merge moves, each counted per contact. */
    private static final List<String> MOVED_TABLES = List.of("interaction", "lead", "purchase", "complaint", "activity");

    @Inject
    DataSource db;

    private TestUser rep;
    private TestUser manager;

    @BeforeEach
    void setUp() {
        rep = Api.newUser(Role.SALES_REP);
        manager = Api.newUser(Role.MANAGER);
    }

    @Test
    void duplicatesAreFoundForEachReason() {
        String company = "重复公司 " + UUID.randomUUID().toString().substring(0, 8);
        String mobile = Api.uniqueMobile();
        String email = "dup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        String wechat = "wx_" + UUID.randomUUID().toString().substring(0, 8);
        String a = create(rep, aContact().with("mobile", mobile).build());
        String b = create(rep, aContact().with("mobile", mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7)).build());
        String c = create(rep, aContact().with("email", email).build());
        String d = create(rep, aContact().with("email", email.toUpperCase()).build());
        String e = create(rep, aContact().name("李 娜").with("company", company).build());
        String f = create(rep, aContact().name("李娜").with("company", company.toUpperCase() + " ").build());
        String g = create(rep, aContact().with("wechatId", wechat).build());
        String h = create(rep, aContact().with("wechatId", wechat.toUpperCase()).build());
        assertGroup("MOBILE", a, b);
        assertGroup("EMAIL", c, d);
        assertGroup("NAME_COMPANY", e, f);
        assertGroup("WECHAT_ID", g, h);
        // Mobiles and emails are masked in the list.
        JsonPath group = groupOf("EMAIL", c);
        assertTrue(group.getString("contacts[0].email").contains("***"));
        // Reps may not look for duplicates (nor merge): they would see other reps' customers.
        rep.request().get("/api/v1/contacts/duplicates").then().statusCode(403);
        manager.request().queryParam("reason", "SIMILAR").get("/api/v1/contacts/duplicates").then().statusCode(400);
    }

    @Test
    void aMergeMovesEveryRecordAndThePointsAndUndoPutsEverythingBack() throws SQLException {
        String survivor = create(rep, aContact().name("张伟").with("company", "云帆科技").tags("老客户").build());
        String other = create(rep, aContact().name("张 伟").with("email", "zw-" + UUID.randomUUID().toString().substring(0, 6) + "@example.cn")
                .with("city", "杭州").tags("预算充足").build());
        for (String contact : List.of(survivor, other)) {
            rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "回访"))
                    .post("/api/v1/contacts/" + contact + "/interactions").then().statusCode(201);
            rep.request().body(Map.of("contactId", contact, "amount", 800, "channel", "STORE",
                    "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())).post("/api/v1/purchases").then().statusCode(201);
        }
        rep.request().body(Map.of("contactId", other, "sourceChannel", "WEBSITE")).post("/api/v1/leads").then().statusCode(201);
        manager.request().body(Map.of("contactId", other, "channel", "HOTLINE", "category", "OTHER", "severity", "LOW",
                "description", "教材晚到")).post("/api/v1/complaints").then().statusCode(201);
        rep.request().body(Map.of("contactId", other, "kind", "CALL", "title", "回访报价", "dueDate", "2026-12-20"))
                .post("/api/v1/activities").then().statusCode(201);

        Map<String, Long> survivorBefore = counts(survivor);
        Map<String, Long> otherBefore = counts(other);
        long survivorPoints = ledger(survivor);
        long otherPoints = ledger(other);
        assertTrue(otherPoints > 0, "the other has points to transfer");
        String survivorEtag = etag(survivor);
        String name = manager.request().get("/api/v1/contacts/" + survivor).then().extract().path("name");

        Response merged = merge(manager, survivor, survivorEtag, List.of(other), List.of(etag(other)),
                Map.of("email", other, "city", other), "merge-" + UUID.randomUUID());
        merged.then().statusCode(201).body("survivorId", equalTo(survivor)).body("mergedIds", equalTo(List.of(other)))
                .body("pointsMoved", equalTo((int) otherPoints)).body("moved.interactions", equalTo(1))
                .body("moved.purchases", equalTo(1)).body("moved.leads", equalTo(1)).body("moved.complaints", equalTo(1));
        String mergeId = merged.path("id");
        assertTrue(merged.header("Location").endsWith("/api/v1/merges/" + mergeId));

        // Every record is now the survivor's; the merged contact has none left.
        Map<String, Long> survivorAfter = counts(survivor);
        for (String table : MOVED_TABLES) {
            assertEquals(survivorBefore.get(table) + otherBefore.get(table), survivorAfter.get(table), table);
            assertEquals(0L, counts(other).get(table), table);
        }
        // Points by ledger transfer: both ledgers still add up, and the total is the same.
        assertEquals(survivorPoints + otherPoints, ledger(survivor));
        assertEquals(0, ledger(other));
        assertEquals(1, count("SELECT count(*) FROM points_entry WHERE contact_id = ? AND cause = 'MERGE_OUT'", other));

        // The survivor has the chosen values and the union of tags; the sales rollup followed the purchases.
        JsonPath after = manager.request().get("/api/v1/contacts/" + survivor).then().statusCode(200).extract().jsonPath();
        assertEquals(name, after.getString("name"));
        assertEquals("杭州", after.getString("city"));
        assertEquals(List.of("老客户", "预算充足"), after.getList("tags"));
        assertEquals(2, count("SELECT sales FROM customer_sales WHERE contact_id = ?", survivor));

        // The merged id answers with a pointer: a read 308 to the survivor, a change 410; it leaves lists.
        manager.request().redirects().follow(false).get("/api/v1/contacts/" + other).then().statusCode(308)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/contacts/" + survivor))
                .contentType("application/problem+json").body("mergedInto", equalTo(survivor));
        manager.request().delete("/api/v1/contacts/" + other).then().statusCode(410).body("mergedInto", equalTo(survivor));
        rep.request().queryParam("size", 200).get("/api/v1/contacts").then().body("items.id", not(hasItem(other)))
                .body("items.id", hasItem(survivor));
        rep.request().queryParam("size", 200).queryParam("archived", true).get("/api/v1/contacts").then()
                .body("items.id", not(hasItem(other)));

        // Merging the merged contact again is refused.
        merge(manager, survivor, etag(survivor), List.of(other), List.of("\"99\""), Map.of(), null).then().statusCode(409)
                .body("type", equalTo("urn:guanxi:problem:contact-merged"));

        manager.request().get("/api/v1/merges/" + mergeId).then().statusCode(200).body("undoneAt", equalTo(null));

        // Undo: exactly the moved rows go back, the points come back by another pair of entries, fields are restored.
        manager.request().post("/api/v1/merges/" + mergeId + "/undo").then().statusCode(200)
                .body("undoneBy", equalTo(manager.id().toString())).body("restoredFields", hasItem("city"));
        assertEquals(survivorBefore, counts(survivor));
        assertEquals(otherBefore, counts(other));
        assertEquals(survivorPoints, ledger(survivor));
        assertEquals(otherPoints, ledger(other));
        assertEquals(1, count("SELECT count(*) FROM points_entry WHERE contact_id = ? AND cause = 'MERGE_UNDO_IN'", other));
        JsonPath restored = manager.request().get("/api/v1/contacts/" + survivor).then().statusCode(200).extract().jsonPath();
        assertEquals(null, restored.getString("city"));
        assertEquals(List.of("老客户"), restored.getList("tags"));
        manager.request().get("/api/v1/contacts/" + other).then().statusCode(200).body("archivedAt", equalTo(null));
        rep.request().queryParam("size", 200).get("/api/v1/contacts").then().body("items.id", hasItem(other));
        assertEquals(1, count("SELECT sales FROM customer_sales WHERE contact_id = ?", survivor));

        // Undone once: a second undo is refused.
        manager.request().post("/api/v1/merges/" + mergeId + "/undo").then().statusCode(409)
                .body("type", equalTo("urn:guanxi:problem:merge-not-undoable")).body("reason", equalTo("ALREADY_UNDONE"));
    }

    @Test
    void aStaleEtagIsA412AndNothingIsMerged() throws SQLException {
        String survivor = create(rep, aContact().build());
        String other = create(rep, aContact().build());
        String stale = etag(other);
        Map<String, Object> edit = aContact().name("改过的名字").build();
        rep.request().header("If-Match", stale).body(edit).put("/api/v1/contacts/" + other).then().statusCode(200);
        merge(manager, survivor, etag(survivor), List.of(other), List.of(stale), Map.of(), null).then().statusCode(412);
        manager.request().get("/api/v1/contacts/" + other).then().statusCode(200);
        assertEquals(0, count("SELECT count(*) FROM contact_merge WHERE survivor_id = ?", survivor));
    }

    @Test
    void repsCannotMergeAndAnIdempotentRetryMergesOnce() {
        String survivor = create(rep, aContact().build());
        String other = create(rep, aContact().build());
        merge(rep, survivor, etag(survivor), List.of(other), List.of(etag(other)), Map.of(), null).then().statusCode(403);
        String key = "merge-" + UUID.randomUUID();
        String sEtag = etag(survivor);
        String oEtag = etag(other);
        String first = merge(manager, survivor, sEtag, List.of(other), List.of(oEtag), Map.of(), key).then().statusCode(201).extract().path("id");
        merge(manager, survivor, sEtag, List.of(other), List.of(oEtag), Map.of(), key).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        rep.request().get("/api/v1/merges/" + first).then().statusCode(403);
        rep.request().post("/api/v1/merges/" + first + "/undo").then().statusCode(403);
        manager.request().get("/api/v1/merges/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void undoWaitsForALaterMergeOfTheSurvivorAndRefusesWhenItsPointsWereSpent() throws SQLException {
        String a = create(rep, aContact().build());
        String b = create(rep, aContact().build());
        String c = create(rep, aContact().build());
        rep.request().body(Map.of("contactId", b, "amount", 500, "channel", "STORE",
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())).post("/api/v1/purchases").then().statusCode(201);
        String first = merge(manager, a, etag(a), List.of(b), List.of(etag(b)), Map.of(), null).then().statusCode(201).extract().path("id");
        String second = merge(manager, a, etag(a), List.of(c), List.of(etag(c)), Map.of(), null).then().statusCode(201).extract().path("id");
        manager.request().post("/api/v1/merges/" + first + "/undo").then().statusCode(409).body("reason", equalTo("LATER_MERGE"));
        manager.request().post("/api/v1/merges/" + second + "/undo").then().statusCode(200);
        // The survivor spends the points it received: undoing would overdraw it.
        long points = ledger(a);
        assertEquals(500, points);
        manager.request().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", -300, "reason", "兑换礼品")).post("/api/v1/loyalty/accounts/" + a + "/adjustments")
                .then().statusCode(201);
        manager.request().post("/api/v1/merges/" + first + "/undo").then().statusCode(409).body("reason", equalTo("POINTS_SPENT"));
        assertEquals(200, ledger(a));
        manager.request().redirects().follow(false).get("/api/v1/contacts/" + b).then().statusCode(308);
    }

    @Test
    void concurrentMergesOfOverlappingContactsNeverBothSucceed() throws Exception {
        for (int round = 0; round < 3; round++) {
            String a = create(rep, aContact().build());
            String b = create(rep, aContact().build());
            String c = create(rep, aContact().build());
            String ea = etag(a);
            String eb = etag(b);
            String ec = etag(c);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> first = () -> {
                    start.await();
                    return merge(manager, a, ea, List.of(b), List.of(eb), Map.of(), null).statusCode();
                };
                Callable<Integer> second = () -> {
                    start.await();
                    return merge(manager, c, ec, List.of(b), List.of(eb), Map.of(), null).statusCode();
                };
                Future<Integer> one = pool.submit(first);
                Future<Integer> two = pool.submit(second);
                start.countDown();
                List<Integer> statuses = new ArrayList<>(List.of(one.get(), two.get()));
                statuses.sort(Integer::compare);
                assertEquals(201, statuses.get(0), "one merge succeeds: " + statuses);
                assertTrue(statuses.get(1) == 409 || statuses.get(1) == 412, "the other is refused: " + statuses);
            } finally {
                pool.shutdown();
            }
            assertEquals(1, count("SELECT count(*) FROM contact_merge WHERE merged_ids @> ARRAY[CAST(? AS uuid)]", b));
        }
    }

    // ---- helpers ----

    private static String create(TestUser user, Map<String, Object> body) {
        return user.request().queryParam("confirmDuplicate", true).body(body).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");
    }

    private String etag(String contactId) {
        return manager.request().get("/api/v1/contacts/" + contactId).then().statusCode(200).extract().header("ETag");
    }

    private static Response merge(TestUser user, String survivor, String survivorEtag, List<String> others, List<String> etags,
            Map<String, String> choices, String key) {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            parties.add(Map.of("id", others.get(i), "etag", etags.get(i)));
        }
        Map<String, Object> body = new HashMap<>(Map.of("survivor", Map.of("id", survivor, "etag", survivorEtag), "others", parties,
                "choices", choices));
        var request = user.request();
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(body).post("/api/v1/contacts/merge");
    }

    private void assertGroup(String reason, String... ids) {
        JsonPath group = groupOf(reason, ids[0]);
        assertTrue(group != null, reason + " group with " + ids[0]);
        for (String id : ids) {
            assertTrue(group.getList("contacts.id").contains(id), reason + " group has " + id);
        }
        assertEquals(reason, group.getString("reason"));
    }

    /** The group of this reason that holds the contact, looked up page by page. */
    private JsonPath groupOf(String reason, String contactId) {
        for (int page = 0; page < 50; page++) {
            JsonPath list = manager.request().queryParam("reason", reason).queryParam("size", 200).queryParam("page", page)
                    .get("/api/v1/contacts/duplicates").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> groups = list.getList("items");
            for (int i = 0; i < groups.size(); i++) {
                if (list.getList("items[" + i + "].contacts.id").contains(contactId)) {
                    return list.setRootPath("items[" + i + "]");
                }
            }
            if ((long) (page + 1) * 200 >= list.getLong("total")) {
                return null;
            }
        }
        return null;
    }

    private Map<String, Long> counts(String contactId) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : MOVED_TABLES) {
            counts.put(table, count("SELECT count(*) FROM " + table + " WHERE contact_id = ?", contactId));
        }
        return counts;
    }

    /** The balance, after checking the ledger adds up: balance = sum of entries = points left in lots, each balanceAfter chained. */
    private long ledger(String contactId) throws SQLException {
        long balance = count("SELECT COALESCE((SELECT balance FROM loyalty_account WHERE contact_id = ?), 0)", contactId);
        assertEquals(count("SELECT COALESCE(sum(points), 0) FROM points_entry WHERE contact_id = ?", contactId), balance, "entries");
        assertEquals(count("SELECT COALESCE(sum(remaining), 0) FROM points_lot WHERE contact_id = ?", contactId), balance, "lots");
        assertEquals(0, count("""
                SELECT count(*) FROM (SELECT balance_after, points, lag(balance_after, 1, 0::bigint) OVER (ORDER BY id) AS before
                                      FROM points_entry WHERE contact_id = ?) t WHERE balance_after <> before + points""", contactId));
        return balance;
    }

    private long count(String sql, String id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
