package io.guanxi.crm.campaign;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Campaigns: each segment criterion, the consent rule, launching once (also when two launches race), outcomes
 * and the report's arithmetic, If-Match, and who sees and reaches what. Every count is over a rep made for the
 * test (a rep's segment reaches only their own customers) or a tag made for it.
 */
@QuarkusTest
class CampaignTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void eachCriterionNarrowsTheSegmentAndArchivedCustomersAreNeverInIt() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String east = contact(rep, aContact().name("华东客").with("region", "EAST").with("marketingConsent", true));
        String north = contact(rep, aContact().name("华北客").with("region", "NORTH").with("lifecycleStage", "LOYALTY")
                .tags("老客户"));
        String archived = contact(rep, aContact().name("已归档").with("region", "EAST"));
        rep.request().delete("/api/v1/contacts/" + archived).then().statusCode(204);
        String gold = contact(rep, aContact().name("金卡客"));
        purchase(rep, gold, 100, Instant.now().minus(Duration.ofDays(200)));
        purchase(rep, gold, 20_000, Instant.now().minus(Duration.ofDays(1)));
        rep.request().get("/api/v1/contacts/" + gold).then().statusCode(200).body("membershipLevel", equalTo("GOLD"));
        // ABC tiers are set by the recompute.
        TestUser manager = Api.newUser(Role.MANAGER);
        String job = manager.request().post("/api/v1/tiers/recompute").then().statusCode(202).extract().path("id");
        assertEquals("SUCCEEDED", Jobs.awaitFinished(manager, job).getString("state"));
        String goldTier = rep.request().get("/api/v1/contacts/" + gold).then().statusCode(200).extract().path("abcTier");
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "回访"))
                .post("/api/v1/contacts/" + east + "/interactions").then().statusCode(201);

        assertEquals(Set.of(east, north, gold), preview(rep, segment(Map.of()), "SERVICE"));
        assertEquals(Set.of(east), preview(rep, segment(Map.of("regions", List.of("EAST"))), "SERVICE"));
        assertEquals(Set.of(north), preview(rep, segment(Map.of("lifecycleStages", List.of("LOYALTY"))), "SERVICE"));
        assertEquals(Set.of(north), preview(rep, segment(Map.of("tags", List.of("老客户", "没人有"))), "SERVICE"));
        assertEquals(Set.of(gold), preview(rep, segment(Map.of("membershipLevels", List.of("GOLD", "PLATINUM"))), "SERVICE"));
        assertEquals(Set.of(gold), preview(rep, segment(Map.of("abcTiers", List.of(goldTier))), "SERVICE"));
        // Churn risk: only the scored customer (the one who bought), at its own level and at no other.
        String goldRisk = rep.request().get("/api/v1/contacts/" + gold + "/churn-risk").then().statusCode(200).extract().path("level");
        assertEquals(Set.of(gold), preview(rep, segment(Map.of("churnRiskLevels", List.of(goldRisk))), "SERVICE"));
        List<String> otherLevels = java.util.stream.Stream.of("LOW", "MEDIUM", "HIGH").filter(l -> !l.equals(goldRisk)).toList();
        assertEquals(Set.of(), preview(rep, segment(Map.of("churnRiskLevels", otherLevels)), "SERVICE"));
        // Never contacted counts as not contacted for 30 days; the customer called just now does not.
        assertEquals(Set.of(north, gold), preview(rep, segment(Map.of("notContactedForDays", 30)), "SERVICE"));
        assertEquals(Set.of(), preview(rep, segment(Map.of("regions", List.of("EAST"), "lifecycleStages", List.of("LOYALTY"))), "SERVICE"));
        // Marketing and mixed campaigns reach only customers who agreed to marketing; keeping in touch and service all.
        assertEquals(Set.of(east), preview(rep, segment(Map.of()), "MARKETING"));
        assertEquals(Set.of(east), preview(rep, segment(Map.of()), "MIXED"));
        assertEquals(Set.of(east, north, gold), preview(rep, segment(Map.of()), "RELATIONSHIP"));

        rep.request().body(Map.of("category", "SERVICE", "segment", segment(Map.of("abcTiers", List.of("Z")))))
                .post("/api/v1/campaigns/segment-preview").then().statusCode(400);
        rep.request().body(Map.of("category", "SERVICE", "segment", segment(Map.of("notContactedForDays", 0))))
                .post("/api/v1/campaigns/segment-preview").then().statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("notContactedForDays")));
    }

    @Test
    void launchingPutsOneActivityPerTargetOnTheOwnersListOnceEvenWhenTwoLaunchesRace() throws Exception {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String tag = "活动" + UUID.randomUUID().toString().substring(0, 8);
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            targets.add(contact(rep, aContact().name("目标" + i).tags(tag)));
        }
        contact(rep, aContact().name("不在内"));
        Response created = create(rep, "中秋回访", "RELATIONSHIP", segment(Map.of("tags", List.of(tag))), TODAY, TODAY.plusDays(6));
        String id = created.path("id");
        String etag = created.header("ETag");
        rep.request().post("/api/v1/campaigns/" + id + "/launch").then().statusCode(428);
        rep.request().header("If-Match", "\"9\"").post("/api/v1/campaigns/" + id + "/launch").then().statusCode(412);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> launches = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            launches.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return rep.request().header("If-Match", etag).post("/api/v1/campaigns/" + id + "/launch").statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = launches.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(200, statuses.get(0), statuses.toString());
        assertTrue(statuses.get(1) == 409 || statuses.get(1) == 412, statuses.toString());
        String launched = rep.request().get("/api/v1/campaigns/" + id).then().statusCode(200).body("state", equalTo("LAUNCHED"))
                .body("targets", equalTo(3)).extract().header("ETag");
        rep.request().header("If-Match", launched).post("/api/v1/campaigns/" + id + "/launch").then().statusCode(409);

        JsonPath mine = rep.request().queryParam("size", 100).get("/api/v1/activities").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> campaignActivities = mine.getList("items.findAll { it.originRule == 'CAMPAIGN' }");
        assertEquals(3, campaignActivities.size(), mine.prettify());
        assertEquals(Set.copyOf(targets), campaignActivities.stream().map(a -> (String) a.get("contactId")).collect(Collectors.toSet()));
        assertEquals(id, mine.getString("items.find { it.originRule == 'CAMPAIGN' }.originParams.campaignId"));
        assertEquals("中秋回访", mine.getString("items.find { it.originRule == 'CAMPAIGN' }.originParams.campaign"));
        assertEquals(TODAY.toString(), mine.getString("items.find { it.originRule == 'CAMPAIGN' }.dueDate"));

        // A launched campaign is no longer edited, and is closed rather than cancelled.
        rep.request().header("If-Match", launched).body(request("改名", "RELATIONSHIP", segment(Map.of()), TODAY, TODAY))
                .put("/api/v1/campaigns/" + id).then().statusCode(409);
        rep.request().header("If-Match", launched).post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(409);
        rep.request().header("If-Match", launched).post("/api/v1/campaigns/" + id + "/close").then().statusCode(200)
                .body("state", equalTo("CLOSED"));
    }

    @Test
    void outcomesAndPurchasesMakeTheReportPerRep() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String tag = "报表" + UUID.randomUUID().toString().substring(0, 8);
        String reached = contact(rep, aContact().name("甲").tags(tag));
        String noAnswer = contact(rep, aContact().name("乙").tags(tag));
        String booked = contact(rep, aContact().name("丙").tags(tag));
        String pending = contact(rep, aContact().name("丁").tags(tag));
        String id = launch(rep, create(rep, "回访", "SERVICE", segment(Map.of("tags", List.of(tag))), TODAY, TODAY.plusDays(3)));

        outcome(rep, id, reached, "\"0\"", "REACHED").then().statusCode(200).body("outcome", equalTo("REACHED")).body("version", equalTo(1));
        outcome(rep, id, noAnswer, "\"0\"", "NO_ANSWER").then().statusCode(200);
        outcome(rep, id, booked, "\"0\"", "DECLINED").then().statusCode(200);
        outcome(rep, id, booked, "\"0\"", "BOOKED").then().statusCode(412);
        outcome(rep, id, booked, null, "BOOKED").then().statusCode(428);
        outcome(rep, id, booked, "\"1\"", "BOOKED").then().statusCode(200).body("version", equalTo(2));
        outcome(rep, id, booked, "\"2\"", "WON").then().statusCode(400);
        purchase(rep, booked, 500, Instant.now());
        purchase(rep, pending, 300, Instant.now());
        purchase(rep, noAnswer, 300, Instant.now().minus(Duration.ofDays(3))); // before the launch: not the campaign's

        // Recording an outcome did the activity: only the pending target's is still open.
        JsonPath open = rep.request().queryParam("size", 100).get("/api/v1/activities").then().extract().jsonPath();
        assertEquals(List.of(pending), open.getList("items.findAll { it.originRule == 'CAMPAIGN' }.contactId"), open.prettify());

        JsonPath report = rep.request().get("/api/v1/campaigns/" + id + "/report").then().statusCode(200).extract().jsonPath();
        assertEquals(30, report.getInt("purchaseWindowDays"));
        for (String scope : List.of("total", "reps[0]")) {
            assertEquals(4, report.getInt(scope + ".targets"), report.prettify());
            assertEquals(2, report.getInt(scope + ".reached"));
            assertEquals(1, report.getInt(scope + ".outcomeReached"));
            assertEquals(1, report.getInt(scope + ".noAnswer"));
            assertEquals(0, report.getInt(scope + ".declined"));
            assertEquals(1, report.getInt(scope + ".booked"));
            assertEquals(1, report.getInt(scope + ".pending"));
            assertEquals(2, report.getInt(scope + ".purchased"));
            assertEquals(new BigDecimal("0.5"), new BigDecimal(report.getString(scope + ".conversion")).stripTrailingZeros());
        }
        assertEquals(rep.id().toString(), report.getString("reps[0].assigneeId"));
        assertEquals(1, report.getList("reps").size());
        rep.request().queryParam("pending", true).get("/api/v1/campaigns/" + id + "/targets").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].contactId", equalTo(pending)).body("items[0].purchased", equalTo(true));
        assertEquals(new BigDecimal("0.3333"), CampaignService.conversion(1, 3));
        assertEquals(new BigDecimal("0.0000"), CampaignService.conversion(0, 0));
    }

    @Test
    void aRepReachesOnlyTheirOwnCustomersAManagerEveryonesAndEachSeesTheirOwnTargets() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser other = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        String tag = "可见" + UUID.randomUUID().toString().substring(0, 8);
        String mine = contact(rep, aContact().name("我的").tags(tag));
        String theirs = contact(other, aContact().name("他的").tags(tag));

        assertEquals(Set.of(mine), preview(rep, segment(Map.of("tags", List.of(tag))), "SERVICE"));
        assertEquals(Set.of(mine, theirs), preview(manager, segment(Map.of("tags", List.of(tag))), "SERVICE"));
        Response repsDraft = create(rep, "我的活动", "SERVICE", segment(Map.of("tags", List.of(tag))), TODAY, TODAY.plusDays(1));
        // Another rep reads the team's campaigns but does not change someone else's.
        other.request().get("/api/v1/campaigns/" + repsDraft.path("id")).then().statusCode(200);
        other.request().header("If-Match", repsDraft.header("ETag")).post("/api/v1/campaigns/" + repsDraft.path("id") + "/launch")
                .then().statusCode(403);
        rep.request().body(new HashMap<>(request("替人建", "SERVICE", segment(Map.of()), TODAY, TODAY)) {
            {
                put("ownerId", other.id().toString());
            }
        }).post("/api/v1/campaigns").then().statusCode(403);
        String repsCampaign = launch(rep, repsDraft);
        assertEquals(List.of(mine), rep.request().get("/api/v1/campaigns/" + repsCampaign + "/targets").then().extract().path("items.contactId"));

        String managers = launch(manager, create(manager, "全员活动", "SERVICE", segment(Map.of("tags", List.of(tag))), TODAY, TODAY.plusDays(1)));
        JsonPath report = manager.request().get("/api/v1/campaigns/" + managers + "/report").then().statusCode(200).extract().jsonPath();
        assertEquals(2, report.getInt("total.targets"));
        assertEquals(Set.of(rep.id().toString(), other.id().toString()), Set.copyOf(report.getList("reps.assigneeId")));
        // Each owner got the activity for their own customer; each rep sees only their own target.
        assertEquals(1, ((List<?>) other.request().queryParam("size", 100).get("/api/v1/activities").then().extract()
                .path("items.findAll { it.originRule == 'CAMPAIGN' }")).size());
        rep.request().get("/api/v1/campaigns/" + managers + "/report").then().body("total.targets", equalTo(1));
        rep.request().get("/api/v1/campaigns/" + managers).then().body("targets", equalTo(1));
        outcome(rep, managers, theirs, "\"0\"", "REACHED").then().statusCode(404);
        outcome(other, managers, theirs, "\"0\"", "REACHED").then().statusCode(200);
        manager.request().get("/api/v1/campaigns/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static Set<String> preview(TestUser user, Map<String, Object> segment, String category) {
        JsonPath preview = user.request().body(Map.of("category", category, "segment", segment)).post("/api/v1/campaigns/segment-preview")
                .then().statusCode(200).extract().jsonPath();
        List<String> sample = preview.getList("sample.contactId");
        assertEquals(preview.getLong("count"), (long) sample.size(), "the tests' segments are smaller than the sample");
        return Set.copyOf(sample);
    }

    static Map<String, Object> segment(Map<String, Object> criteria) {
        Map<String, Object> segment = new HashMap<>(Map.of("abcTiers", List.of(), "membershipLevels", List.of(), "lifecycleStages", List.of(),
                "tags", List.of(), "regions", List.of()));
        segment.putAll(criteria);
        return segment;
    }

    static Map<String, Object> request(String name, String category, Map<String, Object> segment, LocalDate from, LocalDate to) {
        return Map.of("name", name, "category", category, "segment", segment, "script", "您好，我是您的客户经理……",
                "startsOn", from.toString(), "endsOn", to.toString());
    }

    static Response create(TestUser user, String name, String category, Map<String, Object> segment, LocalDate from, LocalDate to) {
        Response response = user.request().body(request(name, category, segment, from, to)).post("/api/v1/campaigns");
        response.then().statusCode(201).body("state", equalTo("DRAFT"));
        return response;
    }

    static String launch(TestUser user, Response created) {
        String id = created.path("id");
        user.request().header("If-Match", created.header("ETag")).post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200)
                .body("state", equalTo("LAUNCHED"));
        return id;
    }

    private static Response outcome(TestUser user, String campaign, String contact, String ifMatch, String outcome) {
        var request = user.request().body(Map.of("outcome", outcome));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/campaigns/" + campaign + "/targets/" + contact + "/outcome");
    }

    private static String contact(TestUser user, io.guanxi.crm.support.Contacts body) {
        return user.request().body(body.build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static void purchase(TestUser user, String contactId, int amount, Instant when) {
        user.request().body(Map.of("contactId", contactId, "amount", amount, "channel", "STORE",
                        "occurredAt", when.truncatedTo(ChronoUnit.MILLIS).toString()))
                .post("/api/v1/purchases").then().statusCode(201);
    }
}
