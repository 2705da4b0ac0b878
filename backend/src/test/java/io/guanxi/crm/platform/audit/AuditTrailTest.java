package io.guanxi.crm.platform.audit;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The audit trail: an entry for each kind of action, the chain under concurrent writers, and tampering detected. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    DataSource db;

    @Inject
    AuditTrail trail;

    private static JsonPath entries(Map<String, Object> filters) {
        var request = given().auth().oauth2(Api.adminToken()).queryParams(filters);
        if (!filters.containsKey("size")) {
            request.queryParam("size", 200);
        }
        return request.get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath verify() {
        return given().auth().oauth2(Api.adminToken()).get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    private static String create(TestUser rep, String name, String mobile) {
        return rep.request().body(aContact().name(name).with("mobile", mobile).with("email", "zhang.wei." + mobile + "@example.com").build())
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void everyKindOfContactActionIsRecordedWithPersonalValuesMasked() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        String mobile = Api.uniqueMobile();
        String id = create(rep, "张伟", mobile);
        String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);

        String etag = rep.request().get("/api/v1/contacts/" + id).then().statusCode(200).extract().header("ETag");
        String newMobile = Api.uniqueMobile();
        rep.request().header("If-Match", etag).body(aContact().name("张伟芳").with("mobile", newMobile).with("email", "zhang.wei." + mobile + "@example.com")
                .with("city", "杭州").build()).put("/api/v1/contacts/" + id).then().statusCode(200);
        agent.request().get("/api/v1/contacts/" + id + "/overview").then().statusCode(200);
        agent.request().post("/api/v1/contacts/" + id + "/reveal").then().statusCode(200).body("mobile", equalTo(newMobile));
        rep.request().delete("/api/v1/contacts/" + id).then().statusCode(204);

        JsonPath trail = entries(Map.of("contactId", id));
        // Newest first: delete, reveal, the agent's 360 view, update, the rep's read, create.
        assertEquals(List.of("DELETE", "REVEAL", "READ_PROFILE", "UPDATE", "READ_PROFILE", "CREATE"), trail.getList("items.action"));
        assertEquals(6, trail.getInt("total"));
        assertEquals(List.of(rep.username(), agent.username(), agent.username(), rep.username(), rep.username(), rep.username()),
                trail.getList("items.username"));
        assertEquals(rep.id().toString(), trail.getString("items[5].userId"));
        assertEquals("contact", trail.getString("items[5].entityType"));
        assertEquals(id, trail.getString("items[5].entityId"));
        assertTrue(trail.getString("items[5].requestId") != null && trail.getString("items[5].clientAddress") != null);

        Map<String, Object> createdName = change(trail, 5, "name");
        assertEquals("张*", createdName.get("after"));
        assertEquals(null, createdName.get("before"));
        assertEquals(masked, change(trail, 5, "mobile").get("after"));
        assertEquals("z***@example.com", change(trail, 5, "email").get("after"));

        assertEquals(List.of("name", "mobile", "city"), trail.getList("items[3].changes.field"));
        assertEquals("张*", change(trail, 3, "name").get("before"));
        assertEquals("张**", change(trail, 3, "name").get("after"));
        assertEquals(masked, change(trail, 3, "mobile").get("before"));
        assertEquals(newMobile.substring(0, 3) + "****" + newMobile.substring(7), change(trail, 3, "mobile").get("after"));
        assertEquals("杭州", change(trail, 3, "city").get("after"));
        assertFalse(trail.prettyPrint().contains(mobile) || trail.prettyPrint().contains(newMobile) || trail.prettyPrint().contains("张伟") || trail.prettyPrint().contains("zhang.wei"),
                "no personal value in full");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> change(JsonPath trail, int entry, String field) {
        List<Map<String, Object>> changes = trail.getList("items[" + entry + "].changes");
        return changes.stream().filter(c -> field.equals(c.get("field"))).findFirst().orElseThrow();
    }

    @Test
    void exportsAndRoleChangesAreRecorded() {
        TestUser manager = Api.newUser(Role.MANAGER);
        given().auth().oauth2(manager.token()).queryParam("format", "CSV").get("/api/v1/analytics/FUNNEL/export").then().statusCode(200);
        given().auth().oauth2(manager.token()).queryParam("format", "CSV").get("/api/v1/analytics/FUNNEL/drill/funnel.lost/export")
                .then().statusCode(200);
        JsonPath exports = entries(Map.of("userId", manager.id(), "action", "EXPORT"));
        assertEquals(List.of("analytics_drill", "analytics"), exports.getList("items.entityType"));
        assertTrue(exports.getString("items[0].changes[0].after").startsWith("analytics-funnel.lost-"));

        TestUser rep = Api.newUser(Role.SALES_REP);
        var user = given().auth().oauth2(Api.adminToken()).get("/api/v1/users/" + rep.id()).then().statusCode(200).extract();
        given().auth().oauth2(Api.adminToken()).contentType("application/json").header("If-Match", user.header("ETag"))
                .body(Map.of("displayName", "改了角色", "roles", List.of("SERVICE_AGENT"), "active", true))
                .put("/api/v1/users/" + rep.id()).then().statusCode(200);
        JsonPath roleChange = entries(Map.of("action", "UPDATE", "size", 1));
        assertEquals("user", roleChange.getString("items[0].entityType"));
        assertEquals(rep.id().toString(), roleChange.getString("items[0].entityId"));
        assertEquals(List.of(Map.of("field", "roles", "before", "SALES_REP", "after", "SERVICE_AGENT"),
                Map.of("field", "active", "before", "true", "after", "true")), roleChange.getList("items[0].changes"));
    }

    @Test
    void listsAreMaskedAndTheDetailIsFullOnlyForThoseWhoWorkTheCustomer() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser agent = Api.newUser(Role.SERVICE_AGENT);
        TestUser manager = Api.newUser(Role.MANAGER);
        String mobile = Api.uniqueMobile();
        String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
        String id = create(rep, "李娜", mobile);

        rep.request().queryParam("q", mobile).get("/api/v1/contacts").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].mobile", equalTo(masked))
                .body("items[0].email", equalTo("z***@example.com")).body("items[0].reachMasked", equalTo(true));
        rep.request().queryParam("q", mobile).get("/api/v1/search").then().statusCode(200)
                .body("contacts.items[0].subtitle", equalTo(masked));
        for (TestUser full : List.of(rep, manager)) {
            full.request().get("/api/v1/contacts/" + id).then().statusCode(200)
                    .body("mobile", equalTo(mobile)).body("email", equalTo("zhang.wei." + mobile + "@example.com")).body("reachMasked", equalTo(false));
        }
        rep.request().get("/api/v1/contacts/" + id + "/overview").then().statusCode(200).body("contact.mobile", equalTo(mobile));
        agent.request().get("/api/v1/contacts/" + id).then().statusCode(200)
                .body("mobile", equalTo(masked)).body("email", equalTo("z***@example.com")).body("reachMasked", equalTo(true));
        agent.request().get("/api/v1/contacts/" + id + "/overview").then().statusCode(200)
                .body("contact.mobile", equalTo(masked)).body("contact.reachMasked", equalTo(true));

        agent.request().post("/api/v1/contacts/" + id + "/reveal").then().statusCode(200)
                .body("id", equalTo(id)).body("mobile", equalTo(mobile)).body("email", equalTo("zhang.wei." + mobile + "@example.com"));
        // Another rep may not see the contact, so may not reveal it: 404, and nothing recorded.
        TestUser otherRep = Api.newUser(Role.SALES_REP);
        otherRep.request().post("/api/v1/contacts/" + id + "/reveal").then().statusCode(404);
        JsonPath reveals = entries(Map.of("contactId", id, "action", "REVEAL"));
        assertEquals(List.of(agent.username()), reveals.getList("items.username"));
    }

    @Test
    void theChainStaysLinearUnderConcurrentWritersAndCountsExactly() throws Exception {
        int threads = 8;
        int writes = 10;
        TestUser rep = Api.newUser(Role.SALES_REP);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ids.add(create(rep, "并发" + i, Api.uniqueMobile()));
        }
        long before = verify().getLong("checked");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String id : ids) {
                calls.add(() -> {
                    int ok = 0;
                    for (int n = 0; n < writes; n++) {
                        var current = rep.request().get("/api/v1/contacts/" + id).then().extract();
                        Map<String, Object> body = aContact().name("并发" + n).with("mobile", current.path("mobile"))
                                .with("city", "城市" + n).build();
                        ok += rep.request().header("If-Match", current.header("ETag")).body(body).put("/api/v1/contacts/" + id)
                                .statusCode() == 200 ? 1 : 0;
                    }
                    return ok;
                });
            }
            int succeeded = 0;
            for (Future<Integer> f : pool.invokeAll(calls)) {
                succeeded += f.get();
            }
            assertEquals(threads * writes, succeeded);
        } finally {
            pool.shutdownNow();
        }
        JsonPath result = verify();
        assertTrue(result.getBoolean("ok"), result.prettyPrint());
        // Every write and read of these contacts, and nothing else of them: 1 create + 10 reads + 10 updates each.
        for (String id : ids) {
            assertEquals(1 + 2 * writes, entries(Map.of("contactId", id)).getInt("total"));
        }
        assertTrue(result.getLong("checked") >= before + (long) threads * 2 * writes);
    }

    @Test
    void manyLooksAtOnceAreEachRecordedBeforeTheyAreAnswered() throws Exception {
        int threads = 16;
        int reads = 10;
        TestUser rep = Api.newUser(Role.SALES_REP);
        String id = create(rep, "同时查看", Api.uniqueMobile());
        Map<String, Object> looks = Map.of("contactId", id, "action", "READ_PROFILE", "size", 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                calls.add(() -> {
                    for (int n = 1; n <= reads; n++) {
                        rep.request().get("/api/v1/contacts/" + id).then().statusCode(200);
                        // Group-committed, yet durable before the answer: this thread's own looks are all there already.
                        int recorded = entries(looks).getInt("total");
                        if (recorded < n) {
                            return recorded - n;
                        }
                    }
                    return 0;
                });
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(0, f.get(), "a look answered before it was recorded");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * reads, entries(looks).getInt("total"));
        JsonPath result = verify();
        assertTrue(result.getBoolean("ok"), result.prettyPrint());
    }

    @Test
    void aLookIsRecordedWhateverTheCallersTransactionDoesAfter() {
        UUID entity = UUID.randomUUID();
        assertThrows(() -> QuarkusTransaction.requiringNew().run(() -> {
            trail.recordAccess(AuditAction.READ_PROFILE, "look-test", entity, entity);
            throw new IllegalStateException("the request fails after reading");
        }));
        JsonPath recorded = entries(Map.of("contactId", entity));
        assertEquals(1, recorded.getInt("total"));
        assertEquals("READ_PROFILE", recorded.getString("items[0].action"));
    }

    @Test
    void aRolledBackTransactionLeavesNoEntry() {
        UUID entity = UUID.randomUUID();
        assertThrows(() -> QuarkusTransaction.requiringNew().run(() -> {
            trail.record(AuditAction.UPDATE, "rollback-test", entity, entity, List.of());
            throw new IllegalStateException("the business change fails after recording");
        }));
        assertThrows(() -> QuarkusTransaction.requiringNew().run(() -> {
            trail.record(AuditAction.UPDATE, "rollback-test", entity, entity, List.of());
            QuarkusTransaction.setRollbackOnly(); // the commit that follows rolls back
        }));
        assertEquals(0, entries(Map.of("contactId", entity)).getInt("total"));
        QuarkusTransaction.requiringNew().run(() -> trail.record(AuditAction.UPDATE, "rollback-test", entity, entity, List.of()));
        assertEquals(1, entries(Map.of("contactId", entity)).getInt("total"));
    }

    private static void assertThrows(Runnable run) {
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, run::run);
    }

    @Test
    void verificationFailsWhenARowIsAlteredOrDeletedInSql() throws Exception {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String id = create(rep, "王芳", Api.uniqueMobile());
        rep.request().get("/api/v1/contacts/" + id).then().statusCode(200);
        rep.request().get("/api/v1/contacts/" + id).then().statusCode(200);
        JsonPath mine = entries(Map.of("contactId", id));
        long created = mine.getLong("items[2].seq");
        long firstRead = mine.getLong("items[1].seq");
        long secondRead = mine.getLong("items[0].seq");
        assertTrue(verify().getBoolean("ok"));

        try (Connection c = db.getConnection(); Statement sql = c.createStatement()) {
            // The trigger refuses it as it stands.
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> sql.executeUpdate("UPDATE audit_entry SET username = 'someone' WHERE seq = " + created));
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> sql.executeUpdate("DELETE FROM audit_entry WHERE seq = " + created));
            sql.execute("CREATE TEMP TABLE kept AS SELECT * FROM audit_entry WHERE seq = " + firstRead);
            sql.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            try {
                // Altered: the row's own hash no longer matches its content.
                sql.executeUpdate("UPDATE audit_entry SET username = 'someone-else' WHERE seq = " + created);
                JsonPath altered = verify();
                assertFalse(altered.getBoolean("ok"));
                assertEquals(created, altered.getLong("firstBrokenSeq"));
                sql.executeUpdate("UPDATE audit_entry SET username = '" + rep.username() + "' WHERE seq = " + created);
                assertTrue(verify().getBoolean("ok"));

                // Deleted: the next row no longer links to the one before it.
                sql.executeUpdate("DELETE FROM audit_entry WHERE seq = " + firstRead);
                JsonPath deleted = verify();
                assertFalse(deleted.getBoolean("ok"));
                assertEquals(secondRead, deleted.getLong("firstBrokenSeq"));
                sql.executeUpdate("INSERT INTO audit_entry OVERRIDING SYSTEM VALUE SELECT * FROM kept");
            } finally {
                sql.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
                sql.execute("DROP TABLE kept");
            }
        }
        JsonPath restored = verify();
        assertTrue(restored.getBoolean("ok"), restored.prettyPrint());
        assertEquals(null, restored.getString("firstBrokenSeq"));
    }

    @Test
    void onlyAdminsReadTheTrailAndBadFiltersAre400() {
        TestUser manager = Api.newUser(Role.MANAGER);
        manager.request().get("/api/v1/audit").then().statusCode(403);
        given().auth().oauth2(Api.adminToken()).queryParam("action", "NOPE").get("/api/v1/audit").then().statusCode(400);
        given().auth().oauth2(Api.adminToken()).queryParam("from", "2026-12-02").queryParam("to", "2026-12-01").get("/api/v1/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(Api.adminToken()).queryParam("size", 201).get("/api/v1/audit").then().statusCode(400);
    }
}
