package io.guanxi.crm.winback;

import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One customer through the whole retention loop (issue 17), through the real HTTP API of each feature: a customer
 * who stopped buying is at risk and says why, is churned with the cause unknown and the owner gets an investigation, the
 * owner records the cause, a manager's PDCA plan takes the month's churned customers, the owner's call follows, the
 * customer buys again (won back, lifecycle back to PURCHASE), answers the survey that purchase sent, and the plan is
 * checked and acted on.
 */
@QuarkusTest
class RetentionLoopTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aLostCustomerIsSeenAtRiskChurnedInvestigatedWonBackAndAsked() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        String customer = rep.request().body(aContact().name("流失回归客户").with("marketingConsent", true).build())
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        sale(rep, customer, Instant.now().minus(Duration.ofDays(400)));
        sale(rep, customer, Instant.now().minus(Duration.ofDays(200)));

        // 1. At risk, and why: quiet for far longer than usual, fewer purchases than the year before.
        JsonPath risk = rep.request().get("/api/v1/contacts/" + customer + "/churn-risk").then().statusCode(200).extract().jsonPath();
        assertTrue(risk.getInt("score") > 0, risk.prettify());
        assertTrue(risk.getList("reasons.code").contains("QUIET"), risk.prettify());

        // 2. The manager marks them churned, cause not yet known: the owner gets an investigation. (The daily rule does the
        // same for a customer with no purchase for six months who became one earlier than that; ChurnTest covers it.)
        manager.request().body(Map.of()).post("/api/v1/contacts/" + customer + "/churn").then().statusCode(201);
        rep.request().get("/api/v1/contacts/" + customer).then().body("lifecycleStage", equalTo("CHURNED"));
        List<Map<String, Object>> churns = rep.request().get("/api/v1/contacts/" + customer + "/churn").then().statusCode(200)
                .extract().path("$");
        assertEquals(1, churns.size());
        assertEquals("HAND", churns.get(0).get("method"));
        String record = (String) churns.get(0).get("id");
        rep.request().queryParam("contactId", customer).get("/api/v1/activities").then().statusCode(200)
                .body("items.originRule", hasItem("CHURN_INVESTIGATION"));

        // 3. The owner finds out why.
        String etag = rep.request().get("/api/v1/churn/records/" + record).then().statusCode(200).extract().header("ETag");
        rep.request().header("If-Match", etag).body(Map.of("cause", "PRICE", "analysis", "竞品便宜 15%，我们三个月没有回访"))
                .put("/api/v1/churn/records/" + record + "/investigation").then().statusCode(200).body("cause", equalTo("PRICE"))
                .body("normal", equalTo(false));

        // 4. PLAN: the manager's win-back plan takes this month's churned customers; DO puts the call on the owner's list.
        String month = YearMonth.now(SHANGHAI).toString();
        Map<String, Object> plan = new java.util.HashMap<>(Map.of("name", "本月流失客户挽回", "goalPercent", 20, "goalDays", 90,
                "actions", "逐一致电，会员日邀约", "ownerId", manager.id().toString(),
                "checkDate", LocalDate.now(SHANGHAI).plusDays(30).toString(), "churnReviewMonth", month));
        String planId = manager.request().body(plan).post("/api/v1/winback-plans").then().statusCode(201)
                .body("source", equalTo("CHURN_REVIEW")).extract().path("id");
        manager.request().header("If-Match", "\"0\"").post("/api/v1/winback-plans/" + planId + "/start").then().statusCode(200);
        Map<String, Object> target = rep.request().get("/api/v1/winback-plans/" + planId + "/targets?size=200").then().statusCode(200)
                .extract().path("items.find { it.contactId == '" + customer + "' }");
        rep.request().get("/api/v1/activities/" + target.get("activityId")).then().statusCode(200)
                .body("originRule", equalTo("WINBACK")).body("assigneeId", equalTo(rep.id().toString()));
        rep.request().header("If-Match", "\"" + target.get("version") + "\"").body(Map.of("outcome", "BOOKED"))
                .put("/api/v1/winback-plans/" + planId + "/targets/" + target.get("id") + "/outcome").then().statusCode(200);

        // 5. The customer buys again: won back, a customer again, and the churn stays on record.
        sale(rep, customer, Instant.now());
        rep.request().get("/api/v1/contacts/" + customer).then().body("lifecycleStage", equalTo("PURCHASE"));
        rep.request().get("/api/v1/winback-plans/" + planId + "/targets?size=200").then()
                .body("items.find { it.contactId == '" + customer + "' }.wonBackAt", notNullValue());
        rep.request().get("/api/v1/contacts/" + customer + "/churn").then().body("[0].cause", equalTo("PRICE"));

        // 6. The purchase sent an NPS survey; the customer answers on the phone, without an account.
        String link = rep.request().get("/api/v1/contacts/" + customer + "/survey-invitations").then().statusCode(200)
                .extract().path("find { it.template == 'NPS' }.link");
        given().contentType(ContentType.JSON).body(Map.of("score", 10, "comment", "回访很及时"))
                .post("/api/v1/public/survey-invitations/" + link.substring(link.lastIndexOf('/') + 1)).then().statusCode(204);
        JsonPath nps = rep.request().get("/api/v1/surveys/nps").then().statusCode(200).extract().jsonPath();
        assertEquals(1, nps.getInt("overall.promoters"), nps.prettify());

        // 7. CHECK and ACT: the result against the goal, what changes, the next cycle for those not won back.
        JsonPath checked = manager.request().header("If-Match", "\"1\"").post("/api/v1/winback-plans/" + planId + "/check").then()
                .statusCode(200).body("state", equalTo("CHECK")).extract().jsonPath();
        assertTrue(checked.getInt("progress.wonBack") >= 1, checked.prettify());
        manager.request().header("If-Match", "\"2\"").body(Map.of("scriptChange", "先问价格感受，再谈会员日", "nextCycle", false))
                .post("/api/v1/winback-plans/" + planId + "/act").then().statusCode(200).body("state", equalTo("ACT"));
    }

    private static void sale(TestUser rep, String contactId, Instant at) {
        rep.request().body(Map.of("contactId", contactId, "amount", 600, "channel", "STORE",
                "occurredAt", at.truncatedTo(ChronoUnit.MILLIS).toString())).post("/api/v1/purchases").then().statusCode(201);
    }
}
