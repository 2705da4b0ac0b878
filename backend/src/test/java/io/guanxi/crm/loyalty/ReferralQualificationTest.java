package io.guanxi.crm.loyalty;

import static org.hamcrest.Matchers.equalTo;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.guanxi.crm.support.Policies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 finding 2: a referral bonus needs a qualifying purchase (policy minimum, 100 CNY by
 * default), waits out the pending window like earned points, and a refund below the minimum takes it back.
 */
@QuarkusTest
class ReferralQualificationTest {

    private static final String POLICY = "/api/v1/loyalty/policy";

    @Inject
    DataSource db;

    @Inject
    PointsEarning earning;

    private TestUser rep;
    private TestUser manager;
    private String referrer;
    private String friend;

    @BeforeEach
    void setUp() {
        rep = Api.newUser(Role.SALES_REP);
        manager = Api.newUser(Role.MANAGER);
        referrer = LoyaltyResourceTest.newContact(rep, null);
        friend = LoyaltyResourceTest.newContact(rep, referrer);
    }

    private void withPolicy(Consumer<Map<String, Object>> change, Runnable body) {
        TestUser admin = Policies.admin();
        @SuppressWarnings("unchecked")
        Map<String, Object> current = admin.request().get(POLICY).then().statusCode(200).extract().as(Map.class);
        List.of("version", "createdAt", "createdBy").forEach(current::remove);
        Map<String, Object> changed = new HashMap<>(current);
        change.accept(changed);
        Policies.put(admin, POLICY, changed).then().statusCode(200);
        try {
            body.run();
        } finally {
            Policies.put(admin, POLICY, current).then().statusCode(200);
        }
    }

    private ValidatableResponse account(String contactId) {
        return rep.request().get("/api/v1/loyalty/accounts/" + contactId).then().statusCode(200);
    }

    private void refund(String purchase, double amount) {
        rep.request().body(Map.of("amount", amount, "reason", "退货")).post("/api/v1/purchases/" + purchase + "/refunds")
                .then().statusCode(201);
    }

    @Test
    void theDefaultMinimumIsAHundredYuanAndATokenPurchaseMintsNothing() throws SQLException {
        Policies.admin().request().get(POLICY).then().body("referralMinPurchase", equalTo(100.0f));
        String token = LoyaltyResourceTest.sale(rep, friend, 0.01);
        LoyaltyResourceTest.sale(rep, friend, 99.99);
        refund(token, 0.01);
        account(referrer).body("balance", equalTo(0)).body("pending", equalTo(0));
        rep.request().get("/api/v1/loyalty/accounts/" + referrer + "/entries").then().body("total", equalTo(0));
        // The first purchase that reaches the minimum earns it, once.
        LoyaltyResourceTest.sale(rep, friend, 100);
        LoyaltyResourceTest.sale(rep, friend, 300);
        account(referrer).body("balance", equalTo(500));
        LedgerChecks.assertConsistent(db, referrer);
    }

    @Test
    void theBonusWaitsOutThePendingWindowAndARefundInsideItVoidsIt() {
        withPolicy(p -> p.put("pendingDays", 7), () -> {
            String qualifying = LoyaltyResourceTest.sale(rep, friend, 120);
            account(referrer).body("balance", equalTo(0)).body("pending", equalTo(500));
            earning.releaseDue(Instant.now().plus(8, ChronoUnit.DAYS));
            account(referrer).body("balance", equalTo(500)).body("pending", equalTo(0));
            rep.request().get("/api/v1/loyalty/accounts/" + referrer + "/entries").then()
                    .body("items[0].kind", equalTo("REFERRAL_BONUS")).body("items[0].purchaseId", equalTo(qualifying));

            String other = LoyaltyResourceTest.newContact(rep, referrer);
            String second = LoyaltyResourceTest.sale(rep, other, 100);
            account(referrer).body("pending", equalTo(500));
            refund(second, 1); // 99 left: below the minimum, the bonus is never given
            account(referrer).body("pending", equalTo(0));
            earning.releaseDue(Instant.now().plus(8, ChronoUnit.DAYS));
            account(referrer).body("balance", equalTo(500));
        });
    }

    @Test
    void aRefundBelowTheMinimumReversesAPostedBonus() throws SQLException {
        String purchase = LoyaltyResourceTest.sale(rep, friend, 150);
        account(referrer).body("balance", equalTo(500));
        refund(purchase, 40); // 110 left: still qualifies
        account(referrer).body("balance", equalTo(500));
        refund(purchase, 20); // 90 left: the bonus goes
        account(referrer).body("balance", equalTo(0)).body("writtenOff", equalTo(0));
        rep.request().get("/api/v1/loyalty/accounts/" + referrer + "/entries").then().body("total", equalTo(2))
                .body("items[0].kind", equalTo("REVERSE")).body("items[0].points", equalTo(-500))
                .body("items[0].cause", equalTo("REFERRAL_REVERSED")).body("items[0].balanceAfter", equalTo(0));
        refund(purchase, 90); // nothing more to take
        account(referrer).body("balance", equalTo(0));
        LedgerChecks.assertConsistent(db, referrer);
        LedgerChecks.assertConsistent(db, friend);
    }

    @Test
    void aSpentBonusBecomesDebtNeverANegativeBalance() {
        withPolicy(p -> p.put("refundShortfall", "OFFSET_FUTURE_EARNINGS"), () -> {
            String purchase = LoyaltyResourceTest.sale(rep, friend, 100);
            String gift = LoyaltyResourceTest.reward(manager, 400, null, Map.of());
            rep.request().body(Map.of("contactId", referrer, "rewardId", gift)).post("/api/v1/redemptions").then().statusCode(201);
            account(referrer).body("balance", equalTo(100));
            refund(purchase, 100);
            account(referrer).body("balance", equalTo(0)).body("debt", equalTo(400));
            try {
                LedgerChecks.assertConsistent(db, referrer);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
