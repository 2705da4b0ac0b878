package io.guanxi.crm.platform.security;

import static io.guanxi.crm.platform.security.Role.ADMIN;
import static io.guanxi.crm.platform.security.Role.INTEGRATOR;
import static io.guanxi.crm.platform.security.Role.MANAGER;
import static io.guanxi.crm.platform.security.Role.SALES_REP;
import static io.guanxi.crm.platform.security.Role.SERVICE_AGENT;
import static io.guanxi.crm.support.Contacts.aContact;
import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.ContractConformance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the contract (openapi/openapi.json), called without a token, with a forged, an
 * expired and an {@code alg:none} token, as each role, and as a rep with another rep's records: the
 * answers must be 401 (with {@code WWW-Authenticate: Bearer}), 403 for a role not in {@link #WHO_MAY_CALL},
 * and 404 for another rep's record. An operation missing from the table fails the test.
 *
 * <p>To add an operation: one line in {@link #WHO_MAY_CALL}, keyed by its operationId, with the roles of its
 * {@code @RolesAllowed} ({@link #PUBLIC} for an endpoint without a token); add {@code .hidden(param, kind)}
 * when a path parameter names a rep-owned record (another rep must get 404; {@code .hiddenAlsoFrom(role)} for
 * other roles that must not see it), with {@code .body(json)} (and {@code .ifMatch()}) when the request needs a
 * valid body to reach the visibility check. A new kind of record needs a fixture in {@link #repsRecords}.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final Set<Role> STAFF = EnumSet.of(ADMIN, MANAGER, SALES_REP, SERVICE_AGENT);
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Access PUBLIC = new Access(true, EnumSet.noneOf(Role.class), Map.of(), EnumSet.of(SALES_REP), null, false);

    /** Rep-owned records a path parameter can name; another rep gets 404 for each. */
    enum Owned { CONTACT, INTERACTION, LEAD, PURCHASE, COMPLAINT, REDEMPTION, ACTIVITY, VIEW }

    /** Who may call each operation (by operationId), from the resources' @RolesAllowed, checked against SPEC "Who uses it". */
    private static final Map<String, Access> WHO_MAY_CALL = Map.ofEntries(
            entry("signIn", PUBLIC),
            entry("startSession", PUBLIC),
            entry("refreshSession", PUBLIC),
            entry("endSession", PUBLIC),
            entry("listMySessions", roles(EVERYONE)),
            entry("revokeMySession", roles(EVERYONE)),
            entry("listUserSessions", roles(ADMIN)),
            entry("revokeUserSessions", roles(ADMIN)),
            entry("revokeUserSession", roles(ADMIN)),
            entry("getCurrentUser", roles(EVERYONE)),
            // Users (admins; managers read them to assign work).
            entry("listUsers", roles(ADMIN, MANAGER)),
            entry("getUser", roles(ADMIN, MANAGER)),
            entry("createUser", roles(ADMIN)),
            entry("updateUser", roles(ADMIN)),
            entry("resetUserPassword", roles(ADMIN)),
            // Contacts: reps see their own; agents read and log interactions but do not edit.
            entry("listContacts", roles(STAFF)),
            entry("getContact", roles(STAFF).hidden("id", Owned.CONTACT)),
            entry("createContact", roles(SALES_REP, MANAGER, ADMIN)),
            entry("updateContact", roles(SALES_REP, MANAGER, ADMIN).hidden("id", Owned.CONTACT)
                    .body("{\"name\":\"改名\",\"mobile\":\"" + Api.uniqueMobile() + "\"}").ifMatch()),
            entry("archiveContact", roles(SALES_REP, MANAGER, ADMIN).hidden("id", Owned.CONTACT)),
            entry("restoreContact", roles(SALES_REP, MANAGER, ADMIN).hidden("id", Owned.CONTACT)),
            entry("getContactStageHistory", roles(STAFF).hidden("id", Owned.CONTACT)),
            entry("getContactOverview", roles(STAFF).hidden("id", Owned.CONTACT)),
            entry("getCustomerValue", roles(STAFF).hidden("id", Owned.CONTACT)),
            entry("getTierHistory", roles(STAFF).hidden("id", Owned.CONTACT)),
            entry("listInteractions", roles(STAFF).hidden("contactId", Owned.CONTACT)),
            entry("getInteraction", roles(STAFF).hidden("contactId", Owned.CONTACT).hidden("id", Owned.INTERACTION)),
            entry("logInteraction", roles(STAFF).hidden("contactId", Owned.CONTACT)
                    .body("{\"channel\":\"PHONE\",\"direction\":\"OUTBOUND\",\"summary\":\"回访\"}")),
            // Leads.
            entry("listLeads", roles(SALES_REP, MANAGER, ADMIN)),
            entry("getLead", roles(SALES_REP, MANAGER, ADMIN).hidden("id", Owned.LEAD)),
            entry("createLead", roles(SALES_REP, MANAGER, ADMIN)),
            entry("captureLead", roles(INTEGRATOR, ADMIN)),
            entry("claimLead", roles(SALES_REP).hidden("id", Owned.LEAD)),
            entry("updateLead", roles(SALES_REP, MANAGER, ADMIN).hidden("id", Owned.LEAD)
                    .body("{\"sourceChannel\":\"REFERRAL\"}").ifMatch()),
            entry("assignLead", roles(MANAGER, ADMIN)),
            entry("moveLead", roles(SALES_REP, MANAGER, ADMIN).hidden("id", Owned.LEAD).body("{\"status\":\"CONTACTED\"}").ifMatch()),
            entry("reassignLeads", roles(MANAGER, ADMIN)),
            entry("convertLead", roles(SALES_REP, MANAGER, ADMIN).hidden("id", Owned.LEAD)),
            entry("getLeadScore", roles(SALES_REP, MANAGER, ADMIN).hidden("id", Owned.LEAD)),
            entry("getLeadScoreHistory", roles(SALES_REP, MANAGER, ADMIN).hidden("id", Owned.LEAD)),
            entry("listAssignmentRules", roles(MANAGER, ADMIN)),
            entry("getAssignmentRule", roles(MANAGER, ADMIN)),
            entry("createAssignmentRule", roles(MANAGER, ADMIN)),
            entry("updateAssignmentRule", roles(MANAGER, ADMIN)),
            entry("deleteAssignmentRule", roles(MANAGER, ADMIN)),
            entry("getScoringPolicy", roles(ADMIN, MANAGER, SALES_REP)),
            entry("getScoringPolicyVersion", roles(ADMIN, MANAGER, SALES_REP)),
            entry("changeScoringPolicy", roles(ADMIN)),
            entry("previewScoringPolicy", roles(ADMIN)),
            entry("rescoreLeads", roles(ADMIN)),
            // Purchases: integrators record sales and refunds but read nothing back.
            entry("recordPurchase", roles(SALES_REP, MANAGER, ADMIN, INTEGRATOR)),
            entry("listPurchases", roles(STAFF)),
            entry("getPurchase", roles(STAFF).hidden("id", Owned.PURCHASE)),
            entry("refundPurchase", roles(SALES_REP, MANAGER, ADMIN, INTEGRATOR).hidden("id", Owned.PURCHASE).hiddenAlsoFrom(INTEGRATOR)
                    .body("{\"amount\":1.00,\"reason\":\"退回\"}")),
            // Value tiers.
            entry("getTierPolicy", roles(ADMIN, MANAGER)),
            entry("changeTierPolicy", roles(ADMIN)),
            entry("recomputeTiers", roles(ADMIN, MANAGER)),
            entry("getTierReport", roles(ADMIN, MANAGER)),
            entry("getJob", roles(MANAGER, ADMIN)),
            // Complaints: agents work them; reps file and follow their customers' complaints.
            entry("listComplaints", roles(STAFF)),
            entry("createComplaint", roles(STAFF)),
            entry("getComplaint", roles(STAFF).hidden("id", Owned.COMPLAINT)),
            entry("acknowledgeComplaint", roles(SERVICE_AGENT, MANAGER, ADMIN).ifMatch()),
            entry("identifyComplaintCause", roles(SERVICE_AGENT, MANAGER, ADMIN).ifMatch()),
            entry("offerComplaintSolutions", roles(SERVICE_AGENT, MANAGER, ADMIN).ifMatch()),
            entry("resolveComplaint", roles(SERVICE_AGENT, MANAGER, ADMIN).ifMatch()),
            entry("followUpComplaint", roles(SERVICE_AGENT, MANAGER, ADMIN).ifMatch()),
            entry("closeComplaint", roles(SERVICE_AGENT, MANAGER, ADMIN).ifMatch()),
            entry("reopenComplaint", roles(SERVICE_AGENT, MANAGER, ADMIN).ifMatch()),
            entry("assignComplaint", roles(SERVICE_AGENT, MANAGER, ADMIN).ifMatch()),
            entry("getComplaintStats", roles(SERVICE_AGENT, MANAGER, ADMIN)),
            entry("getComplaintSlaPolicy", roles(SERVICE_AGENT, MANAGER, ADMIN)),
            entry("changeComplaintSlaPolicy", roles(ADMIN).ifMatch()),
            // Activities: everyone who works on customers has their own; managers and admins the team's.
            entry("listActivities", roles(STAFF)),
            entry("getActivity", roles(STAFF).hidden("id", Owned.ACTIVITY)),
            entry("createActivity", roles(STAFF)),
            entry("updateActivity", roles(STAFF).hidden("id", Owned.ACTIVITY).body("{\"contactId\":\"00000000-0000-7000-8000-000000000000\",\"kind\":\"CALL\",\"dueDate\":\"2026-12-01\"}").ifMatch()),
            entry("completeActivity", roles(STAFF).hidden("id", Owned.ACTIVITY).body("{}").ifMatch()),
            entry("cancelActivity", roles(STAFF).hidden("id", Owned.ACTIVITY).body("{}").ifMatch()),
            entry("getToday", roles(STAFF)),
            // Search: each kind within its own list's visibility (SearchResourceTest checks what each role finds).
            entry("search", roles(STAFF)),
            // Saved views: a private view is its owner's alone, whatever the caller's role.
            entry("listSavedViews", roles(STAFF)),
            entry("createSavedView", roles(STAFF)),
            entry("getSavedView", roles(STAFF).hidden("id", Owned.VIEW).hiddenAlsoFrom(MANAGER)),
            entry("updateSavedView", roles(STAFF).hidden("id", Owned.VIEW).hiddenAlsoFrom(MANAGER)
                    .body("{\"list\":\"CONTACTS\",\"name\":\"改名\",\"query\":{}}").ifMatch()),
            entry("deleteSavedView", roles(STAFF).hidden("id", Owned.VIEW).hiddenAlsoFrom(MANAGER).ifMatch()),
            entry("setDefaultSavedView", roles(STAFF).hidden("id", Owned.VIEW).hiddenAlsoFrom(MANAGER)),
            entry("clearDefaultSavedView", roles(STAFF).hidden("id", Owned.VIEW).hiddenAlsoFrom(MANAGER)),
            entry("listNotifications", roles(STAFF)),
            entry("countUnreadNotifications", roles(STAFF)),
            entry("markNotificationRead", roles(STAFF)),
            entry("markAllNotificationsRead", roles(STAFF)),
            entry("rescheduleActivity", roles(STAFF).hidden("id", Owned.ACTIVITY).body("{\"dueDate\":\"2026-12-01\"}").ifMatch()),
            // Loyalty: member apps (integrators) read the catalogue, redeem and cancel what they redeemed.
            entry("getPointsAccount", roles(STAFF).hidden("contactId", Owned.CONTACT)),
            entry("listPointsEntries", roles(STAFF).hidden("contactId", Owned.CONTACT)),
            entry("adjustPoints", roles(MANAGER, ADMIN)),
            entry("getPointsLiability", roles(MANAGER, ADMIN)),
            entry("getLoyaltyPolicy", roles(ADMIN, MANAGER)),
            entry("changeLoyaltyPolicy", roles(ADMIN).ifMatch()),
            entry("expirePoints", roles(ADMIN)),
            // Care: the holiday calendar is no one's personal data.
            entry("listHolidays", roles(EVERYONE)),
            entry("getCarePolicy", roles(ADMIN, MANAGER)),
            entry("changeCarePolicy", roles(ADMIN).ifMatch()),
            entry("runCareScan", roles(ADMIN)),
            // Win-back plans: managers plan; reps see the plans that reach their customers and record outcomes
            // (WinbackPlanTest: a rep with no customer in a plan gets 404, another rep's target 404).
            entry("listWinbackPlans", roles(SALES_REP, MANAGER, ADMIN)),
            entry("createWinbackPlan", roles(MANAGER, ADMIN)),
            entry("getWinbackPlan", roles(SALES_REP, MANAGER, ADMIN)),
            entry("updateWinbackPlan", roles(SALES_REP, MANAGER, ADMIN).ifMatch()),
            entry("startWinbackPlan", roles(SALES_REP, MANAGER, ADMIN).ifMatch()),
            entry("checkWinbackPlan", roles(SALES_REP, MANAGER, ADMIN).ifMatch()),
            entry("actOnWinbackPlan", roles(SALES_REP, MANAGER, ADMIN).ifMatch()),
            entry("cancelWinbackPlan", roles(SALES_REP, MANAGER, ADMIN).ifMatch()),
            entry("listWinbackTargets", roles(SALES_REP, MANAGER, ADMIN)),
            entry("recordWinbackOutcome", roles(SALES_REP, MANAGER, ADMIN).ifMatch()),
            entry("listWinbackEvents", roles(SALES_REP, MANAGER, ADMIN)),
            // Analytics: a rep's figures cover their own book (AnalyticsScopeTest); integrators have none.
            entry("getAnalytics", roles(STAFF)),
            entry("exportAnalytics", roles(STAFF)),
            entry("drillAnalytics", roles(STAFF)),
            entry("exportDrillAnalytics", roles(STAFF)),
            // Surveys: the public pair is answered by anyone with the link, no token; a gateway (integrator) delivers.
            entry("getPublicSurvey", PUBLIC),
            entry("answerPublicSurvey", PUBLIC),
            entry("getSurveyPolicy", roles(ADMIN, MANAGER)),
            entry("changeSurveyPolicy", roles(ADMIN).ifMatch()),
            entry("runPeriodicSurveys", roles(ADMIN)),
            entry("getNps", roles(STAFF)),
            entry("listSurveyAnswers", roles(STAFF)),
            entry("listSurveyInvitations", roles(STAFF).hidden("id", Owned.CONTACT)),
            entry("createSurveyInvitation", roles(SALES_REP, MANAGER, ADMIN).hidden("id", Owned.CONTACT).body("{\"template\":\"NPS\"}")),
            entry("listPendingSurveyInvitations", roles(INTEGRATOR, ADMIN)),
            entry("markSurveyInvitationSent", roles(INTEGRATOR, ADMIN).body("{\"channel\":\"SMS\"}")),
            // Churn risk: reps see their own customers' scores; the policy is read by managers, changed by admins.
            entry("getChurnRisk", roles(STAFF).hidden("id", Owned.CONTACT)),
            entry("listAtRiskCustomers", roles(SALES_REP, MANAGER, ADMIN)),
            entry("getChurnRiskPolicy", roles(ADMIN, MANAGER)),
            entry("changeChurnRiskPolicy", roles(ADMIN).ifMatch()),
            entry("recomputeChurnRisk", roles(ADMIN)),
            // Campaigns: the team's (reps read them and their scripts); targets follow their customers (CampaignTest).
            entry("listCampaigns", roles(SALES_REP, MANAGER, ADMIN)),
            entry("createCampaign", roles(SALES_REP, MANAGER, ADMIN)),
            entry("previewCampaignSegment", roles(SALES_REP, MANAGER, ADMIN)),
            entry("getCampaign", roles(SALES_REP, MANAGER, ADMIN)),
            entry("updateCampaign", roles(SALES_REP, MANAGER, ADMIN).ifMatch()),
            entry("launchCampaign", roles(SALES_REP, MANAGER, ADMIN).ifMatch()),
            entry("closeCampaign", roles(SALES_REP, MANAGER, ADMIN).ifMatch()),
            entry("cancelCampaign", roles(SALES_REP, MANAGER, ADMIN).ifMatch()),
            entry("listCampaignTargets", roles(SALES_REP, MANAGER, ADMIN)),
            entry("recordCampaignOutcome", roles(SALES_REP, MANAGER, ADMIN).ifMatch()),
            entry("getCampaignReport", roles(SALES_REP, MANAGER, ADMIN)),
            // Churn: the owner rep, managers and admins churn and investigate; agents read a customer's churns; reviews are
            // read by reps (their own customers' entries) and closed by managers.
            entry("listContactChurns", roles(STAFF).hidden("id", Owned.CONTACT)),
            entry("churnContact", roles(SALES_REP, MANAGER, ADMIN).hidden("id", Owned.CONTACT).body("{}")),
            entry("getChurnRecord", roles(SALES_REP, MANAGER, ADMIN)),
            // Rights requests and retention (issue 19).
            // Admins handle requests; managers and agents register those they receive and follow them (PrivacyRequestTest).
            entry("listPrivacyRequests", roles(ADMIN, MANAGER, SERVICE_AGENT)),
            entry("createPrivacyRequest", roles(ADMIN, MANAGER, SERVICE_AGENT)),
            entry("getPrivacyRequest", roles(ADMIN, MANAGER, SERVICE_AGENT)),
            entry("verifyPrivacyRequest", roles(ADMIN).ifMatch()),
            entry("fulfilPrivacyRequest", roles(ADMIN).ifMatch()),
            entry("refusePrivacyRequest", roles(ADMIN).body("{\"reason\":\"无法核实\"}").ifMatch()),
            entry("exportPrivacyRequest", roles(ADMIN)),
            entry("listRetentionReviews", roles(ADMIN)),
            entry("runRetentionReview", roles(ADMIN)),
            entry("getRetentionReview", roles(ADMIN)),
            entry("approveRetentionReview", roles(ADMIN).body("{\"reason\":\"五年未联系\"}").ifMatch()),
            entry("keepRetentionReview", roles(ADMIN).body("{\"reason\":\"仍有合同\"}").ifMatch()),
            entry("investigateChurn", roles(SALES_REP, MANAGER, ADMIN).body("{\"cause\":\"PRICE\",\"analysis\":\"价格\"}").ifMatch()),
            entry("getChurnPolicy", roles(ADMIN, MANAGER)),
            entry("changeChurnPolicy", roles(ADMIN).ifMatch()),
            entry("runChurnRule", roles(ADMIN)),
            entry("listChurnReviews", roles(SALES_REP, MANAGER, ADMIN)),
            entry("produceChurnReview", roles(ADMIN)),
            entry("getChurnReview", roles(SALES_REP, MANAGER, ADMIN)),
            entry("closeChurnReview", roles(MANAGER, ADMIN).ifMatch()),
            // Audit trail and masking (issue 19).
            entry("listAuditEntries", roles(ADMIN)),
            entry("verifyAuditTrail", roles(ADMIN)),
            entry("revealContact", roles(STAFF).hidden("id", Owned.CONTACT)),
            entry("listRewards", roles(EVERYONE)),
            entry("getReward", roles(EVERYONE)),
            entry("createReward", roles(MANAGER, ADMIN)),
            entry("updateReward", roles(MANAGER, ADMIN).ifMatch()),
            entry("archiveReward", roles(MANAGER, ADMIN)),
            entry("restoreReward", roles(MANAGER, ADMIN)),
            entry("redeemPoints", roles(EVERYONE)),
            // Consent and profiling objections (issue 19).
            entry("listConsentPurposes", roles(STAFF)),
            entry("getConsentPurpose", roles(STAFF)),
            entry("createConsentPurpose", roles(ADMIN)),
            entry("updateConsentPurpose", roles(ADMIN).ifMatch()),
            entry("getContactConsents", roles(STAFF).hidden("id", Owned.CONTACT)),
            entry("getConsentEntry", roles(STAFF).hidden("id", Owned.CONTACT)),
            entry("recordConsent", roles(STAFF).hidden("id", Owned.CONTACT)
                    .body("{\"purpose\":\"MARKETING\",\"decision\":\"WITHDRAWN\",\"channel\":\"PHONE\"}")),
            entry("getScoreExplanation", roles(STAFF).hidden("id", Owned.CONTACT)),
            // issue 20: imports (anchor: add import operations below this line)
            // Reps import into their own book, managers and admins too; an import is its importer's alone (ImportTest).
            entry("uploadImport", roles(SALES_REP, MANAGER, ADMIN)),
            entry("getImport", roles(SALES_REP, MANAGER, ADMIN)),
            entry("mapImport", roles(SALES_REP, MANAGER, ADMIN).body("{\"fields\":[\"NAME\"]}").ifMatch()),
            entry("decideImport", roles(SALES_REP, MANAGER, ADMIN).body("{\"all\":\"SKIP\"}").ifMatch()),
            entry("commitImport", roles(SALES_REP, MANAGER, ADMIN)),
            entry("importErrors", roles(SALES_REP, MANAGER, ADMIN)),
            entry("undoImport", roles(SALES_REP, MANAGER, ADMIN)),
            // issue 20: list exports (anchor)
            entry("exportContacts", roles(STAFF)),
            entry("exportLeads", roles(SALES_REP, MANAGER, ADMIN)),
            entry("exportPurchases", roles(STAFF)),
            entry("exportComplaints", roles(STAFF)),
            entry("exportActivities", roles(STAFF)),
            entry("getExportJob", roles(STAFF)),
            entry("downloadExportFile", roles(STAFF)),
            // issue 20: duplicates and merge (anchor)
            entry("listDuplicates", roles(ADMIN, MANAGER)),
            entry("mergeContacts", roles(ADMIN, MANAGER)),
            entry("getMerge", roles(ADMIN, MANAGER)),
            entry("undoMerge", roles(ADMIN, MANAGER)),
            // issue 20: bulk actions (anchor)
            entry("bulkContacts", roles(SALES_REP, MANAGER, ADMIN).body("{\"action\":\"ADD_TAGS\",\"tags\":[\"矩阵\"],"
                    + "\"selection\":{\"ids\":[{\"id\":\"5d1c7a2e-3b9f-4e61-8c0d-7f2a9b4e6d13\"}]}}")),
            entry("getContactBulkJob", roles(SALES_REP, MANAGER, ADMIN)),
            entry("listRedemptions", roles(STAFF)),
            // An integrator sees only the redemptions it made (issue 13 finding 3).
            entry("getRedemption", roles(EVERYONE).hidden("id", Owned.REDEMPTION).hiddenAlsoFrom(INTEGRATOR)),
            entry("cancelRedemption", roles(EVERYONE).hidden("id", Owned.REDEMPTION).hiddenAlsoFrom(INTEGRATOR)
                    .body("{\"reason\":\"改选\"}")));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() throws Exception {
        List<Operation> operations = operations();
        List<String> unknown = operations.stream().map(Operation::id).filter(id -> !WHO_MAY_CALL.containsKey(id)).toList();
        assertEquals(List.of(), unknown, "Say who may call these operations in AuthorizationMatrixTest.WHO_MAY_CALL");
        Set<String> stale = new TreeSet<>(WHO_MAY_CALL.keySet());
        operations.forEach(op -> stale.remove(op.id()));
        assertEquals(Set.of(), stale, "The table names operations the contract no longer has");

        Map<Role, TestUser> users = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            users.put(role, Api.newUser(role));
        }
        Map<Owned, String> repARecords = repsRecords(users.get(MANAGER));
        TestUser repB = Api.newUser(SALES_REP);
        Map<String, String> badTokens = badTokens();

        int roleChecks = 0;
        int hiddenChecks = 0;
        for (Operation op : operations) {
            Access access = WHO_MAY_CALL.get(op.id());
            if (!access.isPublic()) {
                expectUnauthorized(op, "no token", null);
                badTokens.forEach((kind, token) -> expectUnauthorized(op, kind, token));
            }
            for (Role role : Role.values()) {
                roleChecks++;
                Response response = call(op, access, users.get(role).token(), Map.of());
                if (response == null) {
                    continue;
                }
                boolean allowed = access.isPublic() || access.roles().contains(role);
                // A public operation may refuse a caller for its own reasons (a wrong password, no refresh cookie).
                boolean refused = response.statusCode() == 403 || (response.statusCode() == 401 && !access.isPublic());
                if (allowed && (refused || response.statusCode() >= 500)) {
                    fail(op, role + " may call it but got " + response.statusCode() + " " + response.asString());
                } else if (!allowed && response.statusCode() != 403) {
                    fail(op, role + " may not call it but got " + response.statusCode());
                }
            }
            Map<String, String> theirs = new HashMap<>();
            access.hidden().forEach((param, kind) -> theirs.put(param, repARecords.get(kind)));
            for (Role stranger : access.strangers()) {
                if (access.hidden().isEmpty() || !access.roles().contains(stranger)) {
                    continue;
                }
                hiddenChecks++;
                Response response = call(op, access, (stranger == SALES_REP ? repB : users.get(stranger)).token(), theirs);
                if (response != null && response.statusCode() != 404) {
                    fail(op, stranger + " with a rep's " + access.hidden().values() + " got " + response.statusCode() + ", not 404");
                }
            }
        }
        System.out.printf("Authorization matrix: %d operations × %d roles (%d role checks, %d other-rep checks), %d requests sent, "
                + "%d failures%n", operations.size(), Role.values().length, roleChecks, hiddenChecks, requests.get(), failures.size());
        assertEquals(List.of(), failures, failures.size() + " answers differ from the table");
        assertTrue(requests.get() > operations.size() * 9, "the matrix sent too few requests: " + requests.get());
    }

    private void expectUnauthorized(Operation op, String kind, String token) {
        Response response = call(op, WHO_MAY_CALL.get(op.id()), token, Map.of());
        if (response == null) {
            return;
        }
        if (response.statusCode() != 401) {
            fail(op, kind + " answered " + response.statusCode() + ", not 401");
        } else if (response.header("WWW-Authenticate") == null || !response.header("WWW-Authenticate").startsWith("Bearer")) {
            fail(op, kind + ": 401 without WWW-Authenticate: Bearer");
        }
    }

    /** The response, or null when the contract check refused it (recorded as a failure). */
    private Response call(Operation op, Access access, String token, Map<String, String> pathValues) {
        // The web app's anti-CSRF header, as the SPA sends it: the session endpoints refuse a call without it
        // (SessionResourceTest checks that); every other operation ignores it.
        RequestSpecification request = given().redirects().follow(false).header("X-Requested-With", "XMLHttpRequest");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (op.hasBody()) {
            request.contentType(ContentType.JSON).body(access.body() == null ? "{}" : access.body());
        }
        if (access.sendsIfMatch()) {
            request.header("If-Match", "\"0\"");
        }
        String path = op.path();
        for (Map.Entry<String, String> param : op.pathParams().entrySet()) {
            String value = pathValues.getOrDefault(param.getKey(), "integer".equals(param.getValue()) ? "1" : UUID.randomUUID().toString());
            path = path.replace("{" + param.getKey() + "}", value);
        }
        requests.incrementAndGet();
        try {
            return request.request(op.method(), path);
        } catch (AssertionError contractViolation) {
            fail(op, contractViolation.getMessage());
            return null;
        }
    }

    private void fail(Operation op, String what) {
        failures.add(op.method() + " " + op.path() + " (" + op.id() + "): " + what);
    }

    /** A contact with an interaction, a lead, purchase, complaint and redemption of one rep ("rep A"). */
    private static Map<Owned, String> repsRecords(TestUser manager) {
        TestUser repA = Api.newUser(SALES_REP);
        Map<Owned, String> records = new EnumMap<>(Owned.class);
        String contactId = repA.request().body(aContact().build()).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        records.put(Owned.CONTACT, contactId);
        records.put(Owned.INTERACTION, repA.request().body(Map.of("channel", "PHONE", "direction", "OUTBOUND", "summary", "初访"))
                .post("/api/v1/contacts/" + contactId + "/interactions").then().statusCode(201).extract().path("id"));
        records.put(Owned.LEAD, repA.request().body(Map.of("contactId", contactId, "sourceChannel", "REFERRAL"))
                .post("/api/v1/leads").then().statusCode(201).extract().path("id"));
        records.put(Owned.ACTIVITY, repA.request().body(Map.of("contactId", contactId, "kind", "CALL", "dueDate", "2026-12-01"))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id"));
        records.put(Owned.PURCHASE, repA.request().body(Map.of("contactId", contactId, "amount", 100, "channel", "STORE",
                        "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()))
                .post("/api/v1/purchases").then().statusCode(201).extract().path("id"));
        records.put(Owned.COMPLAINT, repA.request().body(Map.of("contactId", contactId, "channel", "HOTLINE", "category", "LOGISTICS",
                        "severity", "LOW", "description", "教材晚到"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id"));
        records.put(Owned.VIEW, repA.request().body(Map.of("list", "CONTACTS", "name", "我的视图", "query", Map.of("region", List.of("EAST"))))
                .post("/api/v1/views").then().statusCode(201).extract().path("id"));
        manager.request().body(Map.of("points", 100, "reason", "矩阵测试"))
                .post("/api/v1/loyalty/accounts/" + contactId + "/adjustments").then().statusCode(201);
        String rewardId = manager.request().body(Map.of("name", "礼品 " + UUID.randomUUID().toString().substring(0, 6),
                "kind", "PRODUCT", "pointsCost", 10)).post("/api/v1/rewards").then().statusCode(201).extract().path("id");
        records.put(Owned.REDEMPTION, repA.request().body(Map.of("contactId", contactId, "rewardId", rewardId))
                .post("/api/v1/redemptions").then().statusCode(201).extract().path("id"));
        return records;
    }

    /**
     * The admin's own claims re-signed three ways: by a key the service does not know, with an expiry in the
     * past (by the service's own dev key), and unsigned ({@code alg:none}). The same claims signed by the dev
     * key and not expired must work, so each refusal is about the one thing changed.
     */
    private static Map<String, String> badTokens() throws Exception {
        String real = Api.adminToken();
        Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(real.split("\\.")[1]),
                new TypeReference<Map<String, Object>>() {
                });
        long now = Instant.now().getEpochSecond();
        Map<String, Object> fresh = new HashMap<>(claims);
        fresh.put("iat", now);
        fresh.put("exp", now + 600);
        given().auth().oauth2(Jwt.claims(fresh).sign()).get("/api/v1/me").then().statusCode(200);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreignKey = generator.generateKeyPair().getPrivate();
        Map<String, Object> expired = new HashMap<>(claims);
        expired.put("iat", now - 7200);
        expired.put("exp", now - 3600);
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(fresh));
        return Map.of(
                "a forged token (another RSA key)", Jwt.claims(fresh).sign(foreignKey),
                "an expired token", Jwt.claims(expired).sign(),
                "an alg:none token", header + "." + payload + ".");
    }

    private static List<Operation> operations() throws Exception {
        JsonNode contract = JSON.readTree(Files.readString(ContractConformance.CONTRACT));
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                Map<String, String> pathParams = new HashMap<>();
                for (JsonNode parameters : List.of(path.getValue().path("parameters"), op.path("parameters"))) {
                    for (JsonNode parameter : parameters) {
                        if ("path".equals(parameter.path("in").asText())) {
                            pathParams.put(parameter.path("name").asText(), parameter.path("schema").path("type").asText("string"));
                        }
                    }
                }
                operations.add(new Operation(op.path("operationId").asText(method.getKey() + " " + path.getKey()),
                        method.getKey().toUpperCase(), path.getKey(), pathParams, op.has("requestBody")));
            }
        }
        return operations;
    }

    private record Operation(String id, String method, String path, Map<String, String> pathParams, boolean hasBody) {
    }

    /**
     * @param hidden path parameters naming a rep-owned record
     * @param strangers roles whose callers (not the owner) must get 404 for those records: another rep by default
     */
    private record Access(boolean isPublic, Set<Role> roles, Map<String, Owned> hidden, Set<Role> strangers, String body,
            boolean sendsIfMatch) {
        Access hidden(String pathParam, Owned kind) {
            Map<String, Owned> more = new HashMap<>(hidden);
            more.put(pathParam, kind);
            return new Access(isPublic, roles, more, strangers, body, sendsIfMatch);
        }

        Access hiddenAlsoFrom(Role role) {
            Set<Role> more = EnumSet.copyOf(strangers);
            more.add(role);
            return new Access(isPublic, roles, hidden, more, body, sendsIfMatch);
        }

        Access body(String json) {
            return new Access(isPublic, roles, hidden, strangers, json, sendsIfMatch);
        }

        Access ifMatch() {
            return new Access(isPublic, roles, hidden, strangers, body, true);
        }
    }

    private static Access roles(Role... roles) {
        return roles(EnumSet.copyOf(List.of(roles)));
    }

    private static Access roles(Set<Role> roles) {
        return new Access(false, EnumSet.copyOf(roles), Map.of(), EnumSet.of(SALES_REP), null, false);
    }
}
