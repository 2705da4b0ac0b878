package io.guanxi.crm.winback;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WinbackPlanTest {

    private static final String PLANS = "/api/v1/winback-plans";

    @Test
    void aPlanRunsPlanDoCheckActAndOpensTheNextCycleForThoseNotWonBack() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        String first = customer(rep, "挽回甲");
        String second = customer(rep, "挽回乙");
        String third = customer(rep, "挽回丙");
        // A purchase before the plan starts never counts as won back.
        sale(rep, third, Instant.now().minus(1, ChronoUnit.HOURS));

        ValidatableResponse planned = manager.request().body(plan(manager, 30, List.of(first, second, third))).post(PLANS).then()
                .statusCode(201).header("ETag", "\"0\"").body("state", equalTo("PLAN")).body("cycle", equalTo(1))
                .body("progress.targets", equalTo(3)).body("allowedActions", containsInAnyOrder("START", "CANCEL"));
        String id = planned.extract().path("id");

        manager.request().header("If-Match", "\"0\"").post(PLANS + "/" + id + "/start").then().statusCode(200)
                .body("state", equalTo("DO")).body("startedAt", notNullValue()).body("allowedActions", equalTo(List.of("CHECK")));
        // DO: each customer's owner has a WINBACK activity naming the plan.
        List<Map<String, Object>> targets = rep.request().get(PLANS + "/" + id + "/targets").then().statusCode(200)
                .body("total", equalTo(3)).extract().path("items");
        for (Map<String, Object> target : targets) {
            rep.request().get("/api/v1/activities/" + target.get("activityId")).then().statusCode(200)
                    .body("originRule", equalTo("WINBACK")).body("assigneeId", equalTo(rep.id().toString()))
                    .body("originParams.planId", equalTo(id)).body("originParams.plan", equalTo("十月流失客户挽回"));
        }

        // The first buys again: won back, measured live while the plan is being done.
        sale(rep, first, Instant.now());
        manager.request().get(PLANS + "/" + id).then().body("progress.wonBack", equalTo(1)).body("progress.wonBackPercent", equalTo(33.3f))
                .body("progress.goalMet", equalTo(true));

        String secondTarget = targetOf(targets, second);
        rep.request().header("If-Match", "\"0\"").body(Map.of("outcome", "BOOKED", "note", "下周到店"))
                .put(PLANS + "/" + id + "/targets/" + secondTarget + "/outcome").then().statusCode(200).header("ETag", "\"1\"")
                .body("outcome", equalTo("BOOKED")).body("outcomeBy", equalTo(rep.id().toString()));
        // Recording the outcome is doing the call: the owner's WINBACK activity is done.
        String secondActivity = targets.stream().filter(t -> second.equals(t.get("contactId"))).map(t -> (String) t.get("activityId"))
                .findFirst().orElseThrow();
        rep.request().get("/api/v1/activities/" + secondActivity).then().statusCode(200).body("status", equalTo("DONE"));
        rep.request().header("If-Match", "\"0\"").body(Map.of("outcome", "DECLINED"))
                .put(PLANS + "/" + id + "/targets/" + secondTarget + "/outcome").then().statusCode(412);

        manager.request().header("If-Match", "\"1\"").post(PLANS + "/" + id + "/check").then().statusCode(200)
                .body("state", equalTo("CHECK")).body("progress.targets", equalTo(3)).body("progress.wonBack", equalTo(1))
                .body("progress.booked", equalTo(1)).body("progress.open", equalTo(2)).body("progress.goalMet", equalTo(true));
        // Kept as measured: a purchase after the check does not change the figures.
        sale(rep, second, Instant.now());
        manager.request().get(PLANS + "/" + id).then().body("progress.wonBack", equalTo(1));
        // Outcomes belong to DO.
        rep.request().header("If-Match", "\"1\"").body(Map.of("outcome", "REACHED"))
                .put(PLANS + "/" + id + "/targets/" + secondTarget + "/outcome").then().statusCode(409)
                .body("type", equalTo("urn:guanxi:problem:illegal-transition"));

        LocalDate nextCheck = today().plusDays(60);
        manager.request().header("If-Match", "\"2\"").body(act("话术加上会员日优惠", true, nextCheck)).post(PLANS + "/" + id + "/act").then()
                .statusCode(200).body("state", equalTo("ACT")).body("scriptChange", equalTo("话术加上会员日优惠"))
                .body("nextPlanId", notNullValue()).body("allowedActions", equalTo(List.of()));
        String next = manager.request().get(PLANS + "/" + id).then().extract().path("nextPlanId");
        manager.request().get(PLANS + "/" + next).then().statusCode(200).body("state", equalTo("PLAN")).body("cycle", equalTo(2))
                .body("previousPlanId", equalTo(id)).body("source", equalTo("PREVIOUS_CYCLE")).body("checkDate", equalTo(nextCheck.toString()))
                .body("progress.targets", equalTo(2));
        List<String> nextCustomers = manager.request().get(PLANS + "/" + next + "/targets").then().extract().path("items.contactId");
        assertEquals(List.of(second, third).stream().sorted().toList(), nextCustomers.stream().sorted().toList(), "the ones not won back");

        // Every state change with who and when.
        manager.request().get(PLANS + "/" + id + "/events").then().statusCode(200)
                .body("toState", equalTo(List.of("PLAN", "DO", "CHECK", "ACT")))
                .body("actorId", equalTo(List.of(manager.id().toString(), manager.id().toString(), manager.id().toString(), manager.id().toString())))
                .body("[1].fromState", equalTo("PLAN"));
    }

    @Test
    void onlyLegalMovesAreAllowedAndEveryChangeNamesTheVersionItRead() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        String id = manager.request().body(plan(manager, 20, List.of(customer(rep, "规则甲")))).post(PLANS).then().statusCode(201)
                .extract().path("id");
        manager.request().post(PLANS + "/" + id + "/start").then().statusCode(428);
        manager.request().header("If-Match", "\"7\"").post(PLANS + "/" + id + "/start").then().statusCode(412);
        manager.request().header("If-Match", "\"0\"").post(PLANS + "/" + id + "/check").then().statusCode(409)
                .contentType(containsString("problem+json")).body("state", equalTo("PLAN"))
                .body("allowedActions", containsInAnyOrder("START", "CANCEL"));
        manager.request().header("If-Match", "\"0\"").body(act("培训", false, null)).post(PLANS + "/" + id + "/act").then().statusCode(409);

        // Editable while in PLAN, not after.
        Map<String, Object> changed = plan(manager, 50, List.of(customer(rep, "规则乙"), customer(rep, "规则丙")));
        manager.request().header("If-Match", "\"0\"").body(changed).put(PLANS + "/" + id).then().statusCode(200)
                .body("goalPercent", equalTo(50)).body("progress.targets", equalTo(2)).header("ETag", "\"1\"");
        manager.request().header("If-Match", "\"1\"").post(PLANS + "/" + id + "/start").then().statusCode(200);
        manager.request().header("If-Match", "\"2\"").body(changed).put(PLANS + "/" + id).then().statusCode(409);
        manager.request().header("If-Match", "\"2\"").post(PLANS + "/" + id + "/start").then().statusCode(409);
        manager.request().header("If-Match", "\"2\"").post(PLANS + "/" + id + "/cancel").then().statusCode(409);

        // ACT says what changes; the next cycle needs a check date.
        manager.request().header("If-Match", "\"2\"").post(PLANS + "/" + id + "/check").then().statusCode(200);
        manager.request().header("If-Match", "\"3\"").body(act(" ", false, null)).post(PLANS + "/" + id + "/act").then().statusCode(400)
                .body("errors.field", hasItem("policyChange"));
        manager.request().header("If-Match", "\"3\"").body(act("培训", true, null)).post(PLANS + "/" + id + "/act").then().statusCode(400)
                .body("errors.field", hasItem("nextCheckDate"));
        manager.request().header("If-Match", "\"3\"").body(act("培训", false, null)).post(PLANS + "/" + id + "/act").then().statusCode(200)
                .body("nextPlanId", equalTo(null));

        // A plan not started may be cancelled.
        String other = manager.request().body(plan(manager, 20, List.of(customer(rep, "规则丁")))).post(PLANS).then().extract().path("id");
        manager.request().header("If-Match", "\"0\"").post(PLANS + "/" + other + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("allowedActions", equalTo(List.of()));
    }

    @Test
    void repsSeeOnlyTheirCustomersAndManagersMakePlans() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser otherRep = Api.newUser(Role.SALES_REP);
        String mine = customer(rep, "可见甲");
        String theirs = customer(otherRep, "可见乙");
        String id = manager.request().body(plan(manager, 20, List.of(mine, theirs))).post(PLANS).then().statusCode(201).extract().path("id");
        manager.request().header("If-Match", "\"0\"").post(PLANS + "/" + id + "/start").then().statusCode(200);

        // Each rep sees the plan and only their own customers in it.
        rep.request().get(PLANS + "/" + id + "/targets").then().statusCode(200).body("total", equalTo(1))
                .body("items.contactId", equalTo(List.of(mine))).body("items[0].contactName", equalTo("可见甲"));
        List<Map<String, Object>> all = manager.request().get(PLANS + "/" + id + "/targets").then().body("total", equalTo(2)).extract()
                .path("items");
        String theirTarget = targetOf(all, theirs);
        rep.request().header("If-Match", "\"0\"").body(Map.of("outcome", "REACHED"))
                .put(PLANS + "/" + id + "/targets/" + theirTarget + "/outcome").then().statusCode(404);
        // Seeing a plan is not moving it.
        rep.request().get(PLANS + "/" + id).then().statusCode(200).body("allowedActions", equalTo(List.of()));
        rep.request().header("If-Match", "\"1\"").post(PLANS + "/" + id + "/check").then().statusCode(403);

        // A rep with no customer in the plan does not see it at all.
        TestUser stranger = Api.newUser(Role.SALES_REP);
        stranger.request().get(PLANS + "/" + id).then().statusCode(404);
        stranger.request().get(PLANS + "/" + id + "/targets").then().statusCode(404);
        stranger.request().get(PLANS).then().statusCode(200).body("items.id", not(hasItem(id)));
        rep.request().get(PLANS).then().body("items.id", hasItem(id));

        // Only managers plan; a rep cannot, and nobody targets a customer they cannot see (without echoing the id).
        rep.request().body(plan(rep, 20, List.of(mine))).post(PLANS).then().statusCode(403);
        String unknown = "0190a000-0000-7000-8000-000000000000";
        manager.request().body(plan(manager, 20, List.of(mine, unknown))).post(PLANS).then().statusCode(400)
                .body("errors.field", hasItem("contactIds")).body(not(containsString(unknown)));
        manager.request().body(plan(manager, 20, List.of())).post(PLANS).then().statusCode(400);
        Map<String, Object> none = plan(manager, 20, List.of());
        none.remove("contactIds");
        manager.request().body(none).post(PLANS).then().statusCode(400).body("errors.field", hasItem("contactIds"));
        Map<String, Object> past = plan(manager, 20, List.of(mine));
        past.put("checkDate", today().minusDays(1).toString());
        manager.request().body(past).post(PLANS).then().statusCode(400).body("errors.field", hasItem("checkDate"));
        Map<String, Object> wrongType = plan(manager, 20, List.of(mine));
        wrongType.put("goalPercent", "20");
        manager.request().body(wrongType).post(PLANS).then().statusCode(400);
    }

    @Test
    void aPlanTakesAChurnReviewsCustomersOrASegmentInsteadOfAList() {
        TestUser manager = Api.newUser(Role.MANAGER);
        TestUser rep = Api.newUser(Role.SALES_REP);
        String lost = customer(rep, "流失甲");
        String back = customer(rep, "流失乙");
        String staying = customer(rep, "留存丙");
        for (String id : List.of(lost, back)) {
            manager.request().body(Map.of("cause", "PRICE", "note", "嫌贵")).post("/api/v1/contacts/" + id + "/churn").then().statusCode(201);
        }
        // Bought again since: no longer churned, so not in a plan made from the review.
        sale(rep, back, Instant.now());
        String month = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

        Map<String, Object> fromReview = plan(manager, 20, List.of());
        fromReview.remove("contactIds");
        fromReview.put("churnReviewMonth", month);
        // A rep sees only their own customers: the manager's plan from the review holds every one still churned, this rep's among them.
        String id = manager.request().body(fromReview).post(PLANS).then().statusCode(201).body("source", equalTo("CHURN_REVIEW"))
                .body("sourceRef", equalTo(month)).extract().path("id");
        List<String> targets = rep.request().get(PLANS + "/" + id + "/targets?size=200").then().extract().path("items.contactId");
        assertTrue(targets.contains(lost), "the churned customer");
        assertFalse(targets.contains(back), "bought again");
        assertFalse(targets.contains(staying), "never churned");

        // A segment: this rep's customers tagged for the test.
        String tag = "挽回" + rep.id().toString().substring(0, 6);
        rep.request().body(aContact().name("标签客户").tags(tag).build()).post("/api/v1/contacts").then().statusCode(201);
        Map<String, Object> fromSegment = plan(manager, 20, List.of());
        fromSegment.remove("contactIds");
        fromSegment.put("segment", Map.of("abcTiers", List.of(), "membershipLevels", List.of(), "lifecycleStages", List.of(),
                "tags", List.of(tag), "regions", List.of()));
        manager.request().body(fromSegment).post(PLANS).then().statusCode(201).body("source", equalTo("SEGMENT"))
                .body("progress.targets", equalTo(1));

        // Exactly one source; a month or segment that matches no one says so.
        Map<String, Object> both = plan(manager, 20, List.of(lost));
        both.put("churnReviewMonth", month);
        manager.request().body(both).post(PLANS).then().statusCode(400).body("errors.field", hasItem("contactIds"));
        Map<String, Object> empty = plan(manager, 20, List.of());
        empty.remove("contactIds");
        empty.put("churnReviewMonth", "2001-01");
        manager.request().body(empty).post(PLANS).then().statusCode(400).body("errors.field", hasItem("churnReviewMonth"));
        empty.put("churnReviewMonth", "2026-13");
        manager.request().body(empty).post(PLANS).then().statusCode(400).body("errors.field", hasItem("churnReviewMonth"));
    }

    @Test
    void theGoalIsMetWhenTheShareWonBackReachesIt() {
        assertTrue(WinbackStateMachine.goalMet(10, 2, 20));
        assertFalse(WinbackStateMachine.goalMet(10, 1, 20));
        assertTrue(WinbackStateMachine.goalMet(3, 1, 33));
        assertFalse(WinbackStateMachine.goalMet(3, 1, 34));
        assertFalse(WinbackStateMachine.goalMet(0, 0, 1));
        assertTrue(WinbackStateMachine.goalMet(7, 7, 100));
    }

    private static String customer(TestUser rep, String name) {
        String id = rep.request().body(aContact().name(name).build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        return id;
    }

    private static void sale(TestUser user, String contactId, Instant at) {
        user.request().body(Map.of("contactId", contactId, "amount", 800, "channel", "STORE", "occurredAt", at.toString()))
                .post("/api/v1/purchases").then().statusCode(201);
    }

    private static Map<String, Object> plan(TestUser owner, int goalPercent, List<String> contactIds) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", "十月流失客户挽回");
        plan.put("goalPercent", goalPercent);
        plan.put("goalDays", 90);
        plan.put("actions", "逐一致电，了解流失原因，邀请参加会员日");
        plan.put("script", "您好，我们很久没见到您了……");
        plan.put("ownerId", owner.id().toString());
        plan.put("checkDate", today().plusDays(30).toString());
        plan.put("contactIds", contactIds);
        return plan;
    }

    private static Map<String, Object> act(String scriptChange, boolean nextCycle, LocalDate nextCheckDate) {
        Map<String, Object> act = new HashMap<>();
        act.put("scriptChange", scriptChange);
        act.put("nextCycle", nextCycle);
        if (nextCheckDate != null) {
            act.put("nextCheckDate", nextCheckDate.toString());
        }
        return act;
    }

    private static String targetOf(List<Map<String, Object>> targets, String contactId) {
        return targets.stream().filter(t -> contactId.equals(t.get("contactId"))).map(t -> (String) t.get("id")).findFirst().orElseThrow();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
