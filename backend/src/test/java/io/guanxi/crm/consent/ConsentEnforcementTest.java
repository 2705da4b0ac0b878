package io.guanxi.crm.consent;

import static io.guanxi.crm.support.Contacts.aContact;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.care.CareScheduling;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Where consent is checked: care greetings and marketing campaigns (MARKETING), survey invitations (SURVEY), lead and
 * churn-risk scoring (PROFILING: an objection shows as NOT_SCORED_AT_CUSTOMER_REQUEST); service goes on regardless.
 */
@QuarkusTest
class ConsentEnforcementTest {

    @Inject
    CareScheduling care;

    private static String contact(TestUser owner, String name, boolean marketingConsent, Map<String, Object> extra) {
        var body = aContact().name(name).with("marketingConsent", marketingConsent);
        extra.forEach(body::with);
        return owner.request().body(body.build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static void record(TestUser who, String contactId, String purpose, String decision) {
        who.request().body(Map.of("purpose", purpose, "decision", decision, "channel", "IN_PERSON"))
                .post("/api/v1/contacts/" + contactId + "/consents").then().statusCode(201);
    }

    @Test
    void aMarketingCampaignLeavesOutWhoWithdrewOrNeverGaveAndSaysHowMany() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String tag = "同意" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> tagged = Map.of("tags", List.of(tag));
        String ticked = contact(rep, "勾选客", true, tagged);
        String withdrew = contact(rep, "撤回客", true, tagged);
        String grantedInLedger = contact(rep, "登记客", false, tagged);
        String never = contact(rep, "未同意", false, tagged);
        record(rep, withdrew, "MARKETING", "WITHDRAWN");
        record(rep, grantedInLedger, "MARKETING", "GRANTED");
        // Another purpose's withdrawal does not count for marketing.
        record(rep, ticked, "SURVEY", "WITHDRAWN");

        Map<String, Object> segment = Map.of("abcTiers", List.of(), "membershipLevels", List.of(), "lifecycleStages", List.of(),
                "tags", List.of(tag), "regions", List.of());
        JsonPath marketing = rep.request().body(Map.of("category", "MARKETING", "segment", segment))
                .post("/api/v1/campaigns/segment-preview").then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of(ticked, grantedInLedger), Set.copyOf(marketing.getList("sample.contactId")));
        assertEquals(2, marketing.getLong("count"));
        assertEquals(2, marketing.getLong("leftOutForConsent"));
        // Service needs no consent (PIPL Art. 16: refusing never blocks service).
        JsonPath service = rep.request().body(Map.of("category", "SERVICE", "segment", segment))
                .post("/api/v1/campaigns/segment-preview").then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of(ticked, withdrew, grantedInLedger, never), Set.copyOf(service.getList("sample.contactId")));
        assertEquals(0, service.getLong("leftOutForConsent"));
    }

    @Test
    void careGreetingsGoOnlyToCustomersWithMarketingConsent() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        // 10 May 2031, 10:00 in Shanghai: no holiday in the next three days; birthdays on the 12th.
        Instant now = Instant.parse("2031-05-10T02:00:00Z");
        String withdrew = contact(rep, "撤回寿星", true, Map.of("birthday", "1990-05-12"));
        String granted = contact(rep, "登记寿星", false, Map.of("birthday", "1991-05-12"));
        record(rep, withdrew, "MARKETING", "WITHDRAWN");
        record(rep, granted, "MARKETING", "GRANTED");

        care.scan(now);

        JsonPath mine = rep.request().queryParam("size", 100).get("/api/v1/activities").then().statusCode(200).extract().jsonPath();
        assertEquals("CARE_GREETING", mine.getString("items.find { it.contactId == '" + granted + "' }.originRule"));
        assertEquals(List.of(), mine.getList("items.findAll { it.contactId == '" + withdrew + "' }"));
    }

    @Test
    void aSurveyInvitationNeedsTheSurveyPurpose() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String withdrew = contact(rep, "撤回调查", true, Map.of());
        String granted = contact(rep, "登记调查", false, Map.of());
        record(rep, withdrew, "SURVEY", "WITHDRAWN");
        record(rep, granted, "SURVEY", "GRANTED");
        rep.request().body(Map.of("template", "NPS")).post("/api/v1/contacts/" + withdrew + "/survey-invitations").then()
                .statusCode(409).body("type", equalTo("urn:guanxi:problem:survey-no-consent"));
        rep.request().body(Map.of("template", "NPS")).post("/api/v1/contacts/" + granted + "/survey-invitations").then()
                .statusCode(201);
        // Withdrawing marketing leaves surveys alone.
        String ticked = contact(rep, "勾选调查", true, Map.of());
        record(rep, ticked, "MARKETING", "WITHDRAWN");
        rep.request().body(Map.of("template", "CSAT")).post("/api/v1/contacts/" + ticked + "/survey-invitations").then()
                .statusCode(201);
    }

    @Test
    void anObjectionToProfilingTakesTheLeadOutOfScoringVisiblyAndWithdrawingItScoresAgain() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String contactId = contact(rep, "画像客", true, Map.of());
        String lead = rep.request().body(Map.of("contactId", contactId, "sourceChannel", "REFERRAL", "budget", 200000))
                .post("/api/v1/leads").then().statusCode(201).extract().path("id");
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "初访"))
                .post("/api/v1/contacts/" + contactId + "/interactions").then().statusCode(201);
        JsonPath scored = rep.request().get("/api/v1/leads/" + lead).then().statusCode(200)
                .body("scoring", equalTo("SCORED")).body("activityCount", equalTo(1)).extract().jsonPath();
        float score = scored.getFloat("score");
        assertTrue(score > 0, "the interaction counts: " + score);

        record(rep, contactId, "PROFILING", "WITHDRAWN");
        rep.request().get("/api/v1/leads/" + lead).then().statusCode(200)
                .body("scoring", equalTo("NOT_SCORED_AT_CUSTOMER_REQUEST")).body("score", equalTo(0.0f))
                .body("matchScore", equalTo(0)).body("activityCount", equalTo(0));
        rep.request().get("/api/v1/leads/" + lead + "/score").then().statusCode(200)
                .body("scoring", equalTo("NOT_SCORED_AT_CUSTOMER_REQUEST")).body("matchRules.size()", equalTo(0));
        rep.request().get("/api/v1/leads/" + lead + "/score-history").then().statusCode(200)
                .body("items[0].cause", equalTo("CONSENT_CHANGED"));
        // A new interaction does not bring the score back while the objection stands.
        rep.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "售后"))
                .post("/api/v1/contacts/" + contactId + "/interactions").then().statusCode(201);
        rep.request().get("/api/v1/leads/" + lead).then().body("score", equalTo(0.0f)).body("activityCount", equalTo(0));
        rep.request().get("/api/v1/contacts/" + contactId + "/score-explanation").then().statusCode(200)
                .body("profiling", equalTo("NOT_SCORED_AT_CUSTOMER_REQUEST"))
                .body("leads[0].breakdown.scoring", equalTo("NOT_SCORED_AT_CUSTOMER_REQUEST"));

        record(rep, contactId, "PROFILING", "GRANTED");
        rep.request().get("/api/v1/leads/" + lead).then().statusCode(200).body("scoring", equalTo("SCORED"))
                .body("activityCount", equalTo(2)).body("score", greaterThan(score));
    }

    @Test
    void anObjectionRemovesTheChurnRiskScoreAndSaysWhy() {
        TestUser rep = Api.newUser(Role.SALES_REP);
        String customer = contact(rep, "流失客", true, Map.of());
        rep.request().body(Map.of("contactId", customer, "amount", 800, "channel", "STORE",
                        "occurredAt", Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString()))
                .post("/api/v1/purchases").then().statusCode(201);
        rep.request().get("/api/v1/contacts/" + customer + "/churn-risk").then().statusCode(200)
                .body("scoring", equalTo("SCORED")).body("score", greaterThan(0));
        TestUser other = Api.newUser(Role.SALES_REP);

        record(rep, customer, "PROFILING", "WITHDRAWN");
        rep.request().get("/api/v1/contacts/" + customer + "/churn-risk").then().statusCode(200)
                .body("scoring", equalTo("NOT_SCORED_AT_CUSTOMER_REQUEST")).body("score", nullValue()).body("level", nullValue())
                .body("signals.size()", equalTo(0));
        other.request().get("/api/v1/contacts/" + customer + "/churn-risk").then().statusCode(404);
        List<String> atRisk = rep.request().queryParam("size", 200).get("/api/v1/churn/at-risk").then().statusCode(200)
                .extract().jsonPath().getList("items.contactId");
        assertTrue(!atRisk.contains(customer), "left out of the at-risk list");
        rep.request().get("/api/v1/contacts/" + customer + "/score-explanation").then().statusCode(200)
                .body("profiling", equalTo("NOT_SCORED_AT_CUSTOMER_REQUEST"))
                .body("churnRisk.scoring", equalTo("NOT_SCORED_AT_CUSTOMER_REQUEST"));
        // Service goes on: a purchase is recorded as ever.
        rep.request().body(Map.of("contactId", customer, "amount", 300, "channel", "STORE",
                        "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS).toString()))
                .post("/api/v1/purchases").then().statusCode(201);

        record(rep, customer, "PROFILING", "GRANTED");
        rep.request().get("/api/v1/contacts/" + customer + "/churn-risk").then().statusCode(200)
                .body("scoring", equalTo("SCORED"));
        rep.request().get("/api/v1/contacts/" + customer + "/score-explanation").then().statusCode(200)
                .body("profiling", equalTo("SCORED")).body("churnRisk.signals.size()", greaterThan(0));
    }
}
