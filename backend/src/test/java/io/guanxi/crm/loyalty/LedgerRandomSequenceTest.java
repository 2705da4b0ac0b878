package io.guanxi.crm.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of sales, refunds, redemptions, cancellations, adjustments and expiry through the
 * real API and database; after every step the stored ledger must add up (balance = entries = lots,
 * balanceAfter chained) and the API's balance must equal a simple model of what was earned and spent.
 */
@QuarkusTest
class LedgerRandomSequenceTest {

    @Inject
    DataSource db;

    @Inject
    PointsExpiry expiry;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void anyMixOfOperationsKeepsTheLedgerExact(long seed) throws Exception {
        Random random = new Random(seed);
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        String contactId = LoyaltyResourceTest.newContact(rep, null);
        String reward = LoyaltyResourceTest.reward(manager, 50 + random.nextInt(200), null, Map.of());
        List<String[]> purchases = new ArrayList<>(); // {id, amount left to refund}
        List<String> redemptions = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            int op = random.nextInt(6);
            long before = balance(rep, contactId);
            switch (op) {
                case 0 -> {
                    int amount = 1 + random.nextInt(800);
                    purchases.add(new String[] {LoyaltyResourceTest.sale(rep, contactId, amount), Integer.toString(amount)});
                    assertEquals(before + amount, balance(rep, contactId), "a silver sale earns its amount");
                }
                case 1 -> {
                    if (purchases.isEmpty()) {
                        continue;
                    }
                    String[] purchase = purchases.get(random.nextInt(purchases.size()));
                    int left = Integer.parseInt(purchase[1]);
                    if (left == 0) {
                        continue;
                    }
                    int amount = 1 + random.nextInt(left);
                    rep.request().body(Map.of("amount", amount, "reason", "退货")).post("/api/v1/purchases/" + purchase[0] + "/refunds")
                            .then().statusCode(201);
                    purchase[1] = Integer.toString(left - amount);
                    assertTrue(balance(rep, contactId) <= before, "a refund never adds points");
                }
                case 2 -> {
                    Response r = rep.request().body(Map.of("contactId", contactId, "rewardId", reward, "quantity", 1 + random.nextInt(3)))
                            .post("/api/v1/redemptions");
                    if (r.statusCode() == 201) {
                        redemptions.add(r.jsonPath().getString("id"));
                        assertEquals(before - r.jsonPath().getLong("points"), balance(rep, contactId));
                    } else {
                        assertEquals(409, r.statusCode(), r.asString());
                        assertEquals(before, balance(rep, contactId), "a refused redemption changes nothing");
                    }
                }
                case 3 -> {
                    if (redemptions.isEmpty()) {
                        continue;
                    }
                    String id = redemptions.remove(random.nextInt(redemptions.size()));
                    long points = rep.request().body(Map.of("reason", "取消")).post("/api/v1/redemptions/" + id + "/cancel")
                            .then().statusCode(200).extract().jsonPath().getLong("points");
                    assertEquals(before + points, balance(rep, contactId));
                }
                case 4 -> {
                    int points = random.nextInt(600) - 300;
                    if (points == 0) {
                        continue;
                    }
                    int status = manager.request().body(Map.of("points", points, "reason", "随机调整"))
                            .post("/api/v1/loyalty/accounts/" + contactId + "/adjustments").statusCode();
                    assertEquals(before + points >= 0 ? 201 : 409, status);
                    assertEquals(before + points >= 0 ? before + points : before, balance(rep, contactId));
                }
                default -> {
                    if (random.nextInt(4) == 0) { // now and then: two and a half years pass for everyone's lots
                        expiry.expire(Instant.now().plus(900, ChronoUnit.DAYS), null);
                        assertEquals(0, balance(rep, contactId), "everything earned so far has expired");
                    }
                }
            }
            LedgerChecks.assertConsistent(db, contactId);
        }
    }

    private static long balance(TestUser user, String contactId) {
        return user.request().get("/api/v1/loyalty/accounts/" + contactId).then().statusCode(200).extract().jsonPath().getLong("balance");
    }
}
