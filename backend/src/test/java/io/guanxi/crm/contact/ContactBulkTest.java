package io.guanxi.crm.contact;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** POST /api/v1/contacts/bulk: each action, both kinds of selection, visibility, concurrent edits and the job path. */
@QuarkusTest
class ContactBulkTest {

    private static final String BULK = "/api/v1/contacts/bulk";

    private static String create(TestUser user, Map<String, Object> body) {
        return user.request().body(body).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static String uniqueTag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> ids(String... ids) {
        return Map.of("ids", java.util.Arrays.stream(ids).map(id -> Map.of("id", id)).toList());
    }

    private static Map<String, Object> filter(Map<String, Object> filter) {
        return Map.of("filter", filter);
    }

    private static Map<String, Object> request(String action, Map<String, Object> selection, Object... fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("selection", selection);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    private static JsonPath bulk(TestUser user, Map<String, Object> body) {
        return user.request().body(body).post(BULK).then().statusCode(200).extract().jsonPath();
    }

    private static String outcomeOf(JsonPath result, String contactId) {
        return result.getString("rows.find { it.contactId == '" + contactId + "' }.outcome");
    }

    private static JsonPath contact(TestUser user, String id) {
        return user.request().get("/api/v1/contacts/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aManagerReassignsTicketRowsAndTheirOpenLeadsAndActivitiesFollow() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser departed = Api.newUser(Role.SALES_REP);
        TestUser successor = Api.newUser(Role.SALES_REP);
        String first = create(departed, aContact().name("王离职").build());
        String second = create(departed, aContact().name("李交接").build());
        String lead = departed.request().body(Map.of("contactId", first, "sourceChannel", "REFERRAL"))
                .post("/api/v1/leads").then().statusCode(201).extract().path("id");
        String activity = departed.request().body(Map.of("contactId", second, "kind", "CALL", "dueDate", LocalDate.now().plusDays(3).toString()))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");

        JsonPath result = bulk(manager, request("ASSIGN_OWNER", ids(first, second), "ownerId", successor.id().toString(),
                "note", "离职交接"));

        assertEquals(2, result.getInt("changed"));
        assertEquals("CHANGED", outcomeOf(result, first));
        assertEquals(successor.id().toString(), contact(manager, first).getString("ownerId"));
        assertEquals(successor.id().toString(), contact(manager, second).getString("ownerId"));
        // The leads and activities went with their customers: the successor works them, the departed rep no longer sees them.
        assertEquals(successor.id().toString(), successor.request().get("/api/v1/leads/" + lead).then().statusCode(200)
                .extract().path("ownerId"));
        assertEquals(successor.id().toString(), successor.request().get("/api/v1/activities/" + activity).then().statusCode(200)
                .extract().path("assigneeId"));
        departed.request().get("/api/v1/contacts/" + first).then().statusCode(404);
        // Recorded as a single reassignment: an audit entry of the owner change per contact.
        List<Map<String, Object>> entries = io.restassured.RestAssured.given().auth().oauth2(Api.adminToken())
                .queryParam("contactId", first).queryParam("action", "UPDATE").get("/api/v1/audit")
                .then().statusCode(200).extract().path("items");
        assertTrue(entries.stream().anyMatch(e -> String.valueOf(e.get("changes")).contains("ownerId")
                        && String.valueOf(e.get("username")).equals(manager.username())),
                "an UPDATE entry with the owner change: " + entries);

        // Again: nothing to change.
        JsonPath again = bulk(manager, request("ASSIGN_OWNER", ids(first), "ownerId", successor.id().toString()));
        assertEquals("UNCHANGED", outcomeOf(again, first));
    }

    @Test
    void aRowWhoseVersionMovedIsAConflictAndKeepsTheOtherEdit() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser other = Api.newUser(Role.SALES_REP);
        Map<String, Object> body = aContact().name("并发客户").build();
        String moved = create(rep, body);
        String still = create(rep, aContact().build());
        long seen = contact(manager, moved).getLong("version");
        long seenStill = contact(manager, still).getLong("version");
        // The rep edits the customer after the manager loaded the list.
        Map<String, Object> edited = new HashMap<>(body);
        edited.put("company", "云帆科技");
        rep.request().header("If-Match", "\"" + seen + "\"").body(edited).put("/api/v1/contacts/" + moved).then().statusCode(200);

        JsonPath result = bulk(manager, request("ASSIGN_OWNER", Map.of("ids", List.of(Map.of("id", moved, "version", seen),
                Map.of("id", still, "version", seenStill))), "ownerId", other.id().toString()));

        assertEquals("CONFLICT", outcomeOf(result, moved));
        assertEquals(seen + 1, result.getLong("rows.find { it.contactId == '" + moved + "' }.version"));
        assertEquals("CHANGED", outcomeOf(result, still));
        JsonPath now = contact(manager, moved);
        assertEquals(rep.id().toString(), now.getString("ownerId"));
        assertEquals("云帆科技", now.getString("company"));
        // And the other way round: an edit from before the bulk change is refused, not applied over it.
        rep.request().header("If-Match", "\"" + seenStill + "\"").body(aContact().build()).put("/api/v1/contacts/" + still)
                .then().statusCode(404); // no longer the rep's customer at all
        manager.request().header("If-Match", "\"" + seenStill + "\"").body(aContact().build()).put("/api/v1/contacts/" + still)
                .then().statusCode(412);
    }

    @Test
    void aRepActsOnlyOnOwnContactsWhateverTheSelection() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser otherRep = Api.newUser(Role.SALES_REP);
        String tag = uniqueTag();
        String mine = create(rep, aContact().tags(tag).build());
        String theirs = create(otherRep, aContact().tags(tag).build());

        // By filter: the rep's "all matching" never reaches the other rep's customer.
        JsonPath byFilter = bulk(rep, request("ADD_TAGS", filter(Map.of("tags", List.of(tag))), "tags", List.of("已筛选")));
        assertEquals(1, byFilter.getInt("selected"));
        assertEquals("CHANGED", outcomeOf(byFilter, mine));
        assertEquals(List.of(tag), contact(otherRep, theirs).getList("tags"));

        // By ids: another rep's customer is reported not visible (as one that does not exist) and left alone.
        String missing = UUID.randomUUID().toString();
        JsonPath byIds = bulk(rep, request("REMOVE_TAGS", ids(mine, theirs, missing), "tags", List.of(tag)));
        assertEquals("CHANGED", outcomeOf(byIds, mine));
        assertEquals("NOT_VISIBLE", outcomeOf(byIds, theirs));
        assertEquals("NOT_VISIBLE", outcomeOf(byIds, missing));
        assertNull(byIds.get("rows.find { it.contactId == '" + theirs + "' }.version"));
        assertEquals(List.of("已筛选"), contact(rep, mine).getList("tags"));
        assertEquals(List.of(tag), contact(otherRep, theirs).getList("tags"));

        // A rep does not hand customers to others.
        rep.request().body(request("ASSIGN_OWNER", ids(mine), "ownerId", otherRep.id().toString())).post(BULK).then().statusCode(403);
    }

    @Test
    void tagsAreAddedAndRemovedOnAllMatchingForAManager() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        String tag = uniqueTag();
        String a = create(rep, aContact().tags(tag, "老客户").build());
        String b = create(rep, aContact().tags(tag).build());

        JsonPath added = bulk(manager, request("ADD_TAGS", filter(Map.of("tags", List.of(tag))), "tags", List.of("老客户", " 春节关怀 ")));
        assertEquals(2, added.getInt("changed"));
        assertEquals(List.of(tag, "老客户", "春节关怀"), contact(manager, a).getList("tags"));
        assertEquals(List.of(tag, "老客户", "春节关怀"), contact(manager, b).getList("tags"));

        JsonPath removed = bulk(manager, request("REMOVE_TAGS", filter(Map.of("tags", List.of(tag), "ownerId", rep.id().toString())),
                "tags", List.of("老客户")));
        assertEquals(2, removed.getInt("changed"));
        assertEquals(List.of(tag, "春节关怀"), contact(manager, a).getList("tags"));
        JsonPath again = bulk(manager, request("REMOVE_TAGS", ids(a), "tags", List.of("老客户")));
        assertEquals("UNCHANGED", outcomeOf(again, a));
    }

    @Test
    void aStageChangeFollowsTheLifecycleRulesAndIsInTheHistory() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String potential = create(rep, aContact().with("lifecycleStage", "POTENTIAL").build());
        String aware = create(rep, aContact().with("lifecycleStage", "AWARENESS").build());

        JsonPath result = bulk(rep, request("SET_LIFECYCLE_STAGE", ids(potential, aware), "lifecycleStage", "PURCHASE"));

        // One step forward is the rep's to make; skipping a stage is a manager's call.
        assertEquals("REFUSED", outcomeOf(result, potential));
        assertEquals("STAGE_SKIPPED", result.getString("rows.find { it.contactId == '" + potential + "' }.reason"));
        assertEquals("CHANGED", outcomeOf(result, aware));
        assertEquals("POTENTIAL", contact(rep, potential).getString("lifecycleStage"));
        List<Map<String, Object>> history = rep.request().get("/api/v1/contacts/" + aware + "/stage-history").then().statusCode(200)
                .extract().path("");
        assertEquals("PURCHASE", history.get(0).get("toStage"));
        assertEquals("AWARENESS", history.get(0).get("fromStage"));
        assertEquals("EDITED", history.get(0).get("cause"));
    }

    @Test
    void archivingTakesContactsOutOfTheListOnce() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String tag = uniqueTag();
        String a = create(rep, aContact().tags(tag).build());
        String b = create(rep, aContact().tags(tag).build());

        JsonPath result = bulk(rep, request("ARCHIVE", filter(Map.of("tags", List.of(tag)))));
        assertEquals(2, result.getInt("changed"));
        assertEquals(0, rep.request().queryParam("tag", tag).get("/api/v1/contacts").then().statusCode(200).extract().<Integer>path("total"));
        assertNotNull(contact(rep, a).getString("archivedAt"));

        JsonPath again = bulk(rep, request("ARCHIVE", ids(a, b)));
        assertEquals(2, again.getInt("unchanged"));
    }

    @Test
    void aCareCampaignDraftTargetsExactlyTheSelection() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String a = create(rep, aContact().build());
        String b = create(rep, aContact().build());
        create(rep, aContact().build()); // not selected
        LocalDate today = LocalDate.now();
        Map<String, Object> campaign = Map.of("name", "春节问候", "category", "RELATIONSHIP", "script", "您好，新春将至……",
                "startsOn", today.toString(), "endsOn", today.plusDays(10).toString());

        JsonPath result = bulk(rep, request("START_CARE_CAMPAIGN", ids(a, b), "campaign", campaign));

        assertEquals(2, result.getInt("changed"));
        String campaignId = result.getString("campaignId");
        assertNotNull(campaignId);
        Response draft = rep.request().get("/api/v1/campaigns/" + campaignId);
        draft.then().statusCode(200);
        assertEquals("DRAFT", draft.path("state"));
        String launched = rep.request().header("If-Match", draft.header("ETag")).post("/api/v1/campaigns/" + campaignId + "/launch")
                .then().statusCode(200).extract().path("state");
        assertEquals("LAUNCHED", launched);
        List<String> targets = rep.request().get("/api/v1/campaigns/" + campaignId + "/targets").then().statusCode(200)
                .extract().path("items.contactId");
        assertEquals(java.util.Set.of(a, b), java.util.Set.copyOf(targets));
    }

    @Test
    void aLargeSelectionRunsAsAJobWithProgressAndTheSameReport() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        String tag = uniqueTag();
        int count = ContactBulkService.SYNC_LIMIT + 5;
        List<String> created = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> created.add(create(rep, aContact().name("批量" + i).tags(tag).build())));

        Response accepted = manager.request().header("Idempotency-Key", "bulk-" + tag)
                .body(request("ADD_TAGS", filter(Map.of("tags", List.of(tag))), "tags", List.of("批量已标"))).post(BULK);
        accepted.then().statusCode(202).header("Location", endsWith("/api/v1/contacts/bulk/jobs/" + accepted.path("id")));
        String jobId = accepted.path("id");
        // A retry with the same key is the same job, not a second one.
        manager.request().header("Idempotency-Key", "bulk-" + tag)
                .body(request("ADD_TAGS", filter(Map.of("tags", List.of(tag))), "tags", List.of("批量已标"))).post(BULK)
                .then().statusCode(202).header("Idempotent-Replayed", "true");
        assertEquals(jobId, manager.request().header("Idempotency-Key", "bulk-" + tag)
                .body(request("ADD_TAGS", filter(Map.of("tags", List.of(tag))), "tags", List.of("批量已标"))).post(BULK).path("id"));

        JsonPath job = awaitFinished(manager, jobId);
        assertEquals("SUCCEEDED", job.getString("state"));
        assertEquals(count, job.getLong("processed"));
        assertEquals(count, job.getLong("total"));
        assertEquals(count, job.getInt("result.changed"));
        assertEquals(count, job.getList("result.rows").size());
        assertEquals(List.of(tag, "批量已标"), contact(manager, created.get(count - 1)).getList("tags"));
        // Only the one who started it follows it here.
        Api.newUser(Role.MANAGER).request().get(BULK + "/jobs/" + jobId).then().statusCode(404);
        rep.request().get(BULK + "/jobs/" + jobId).then().statusCode(404);

        // Two managers at once on the same customers: each request is a job of its own kind (neither is refused as
        // "already running"), the batches queue on the row locks, and neither change is lost.
        TestUser second = Api.newUser(Role.MANAGER);
        String firstJob = manager.request().body(request("ADD_TAGS", filter(Map.of("tags", List.of(tag))), "tags", List.of("甲")))
                .post(BULK).then().statusCode(202).extract().path("id");
        String secondJob = second.request().body(request("ADD_TAGS", filter(Map.of("tags", List.of(tag))), "tags", List.of("乙")))
                .post(BULK).then().statusCode(202).extract().path("id");
        assertEquals(count, awaitFinished(manager, firstJob).getInt("result.changed"));
        assertEquals(count, awaitFinished(second, secondJob).getInt("result.changed"));
        for (String id : List.of(created.get(0), created.get(count - 1))) {
            assertEquals(java.util.Set.of(tag, "批量已标", "甲", "乙"), java.util.Set.copyOf(contact(manager, id).getList("tags")));
        }
    }

    @Test
    void aRepFollowsTheirOwnJob() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser otherRep = Api.newUser(Role.SALES_REP);
        String tag = uniqueTag();
        List<Map<String, Object>> selection = new ArrayList<>();
        for (int i = 0; i < ContactBulkService.SYNC_LIMIT + 1; i++) {
            selection.add(Map.of("id", UUID.randomUUID().toString()));
        }
        String theirs = create(otherRep, aContact().tags(tag).build());
        selection.add(Map.of("id", theirs));
        String jobId = rep.request().body(request("REMOVE_TAGS", Map.of("ids", selection), "tags", List.of(tag))).post(BULK)
                .then().statusCode(202).extract().path("id");
        JsonPath job = awaitFinished(rep, jobId);
        assertEquals("SUCCEEDED", job.getString("state"));
        assertEquals(selection.size(), job.getInt("result.notVisible"));
        assertEquals(List.of(tag), contact(otherRep, theirs).getList("tags"));
    }

    @Test
    void aSelectionIsEitherIdsOrAFilterAndAnActionNeedsItsField() {
        TestUser manager = Api.newUser(Role.MANAGER);
        String id = UUID.randomUUID().toString();
        manager.request().body(request("ARCHIVE", Map.of("ids", List.of(Map.of("id", id)), "filter", Map.of()))).post(BULK)
                .then().statusCode(400);
        manager.request().body(request("ARCHIVE", Map.of())).post(BULK).then().statusCode(400);
        manager.request().body(request("ASSIGN_OWNER", ids(id))).post(BULK).then().statusCode(400);
        manager.request().body(request("ADD_TAGS", ids(id))).post(BULK).then().statusCode(400);
        manager.request().body(request("SET_LIFECYCLE_STAGE", ids(id))).post(BULK).then().statusCode(400);
        manager.request().body(request("START_CARE_CAMPAIGN", ids(id))).post(BULK).then().statusCode(400);
        manager.request().body(request("DELETE_ALL", ids(id))).post(BULK).then().statusCode(400);
        manager.request().body(request("ARCHIVE", filter(Map.of("abcTier", "Z")))).post(BULK).then().statusCode(400);
    }

    private static JsonPath awaitFinished(TestUser user, String jobId) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        await("bulk job " + jobId).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath job = user.request().get(BULK + "/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
            last.set(job);
            return !"RUNNING".equals(job.getString("state"));
        });
        return last.get();
    }
}
