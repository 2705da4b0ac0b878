package io.guanxi.crm.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.Api.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Many redemptions at once on one account: never the same points twice, never a duplicate effect. */
@QuarkusTest
class RedemptionConcurrencyTest {

    @Inject
    DataSource db;

    private record Attempt(String key, Response response) {
    }

    private static List<Attempt> fire(TestUser user, List<String> keys, Map<String, Object> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Attempt>> calls = new ArrayList<>();
            for (String key : keys) {
                calls.add(() -> new Attempt(key, user.request().header("Idempotency-Key", key).body(body).post("/api/v1/redemptions")));
            }
            List<Attempt> attempts = new ArrayList<>();
            for (Future<Attempt> f : pool.invokeAll(calls)) {
                attempts.add(f.get());
            }
            return attempts;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoHundredRedemptionsWithRepeatedKeysSpendExactlyWhatTheAccountHolds() throws Exception {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        String contactId = LoyaltyResourceTest.newContact(rep, null);
        LoyaltyResourceTest.sale(rep, contactId, 5000); // 5000 points: 50 redemptions of 100
        String reward = LoyaltyResourceTest.reward(manager, 100, null, Map.of());

        // 150 distinct requests, 50 of them sent twice: 200 requests in all.
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            keys.add(UUID.randomUUID().toString());
        }
        for (int i = 0; i < 50; i++) {
            keys.add(keys.get(i * 3));
        }
        java.util.Collections.shuffle(keys, new java.util.Random(7));
        List<Attempt> attempts = fire(rep, keys, Map.of("contactId", contactId, "rewardId", reward));

        Map<String, Set<String>> idsByKey = new HashMap<>();
        int insufficient = 0;
        int inFlight = 0;
        for (Attempt a : attempts) {
            int status = a.response().statusCode();
            if (status == 201) {
                idsByKey.computeIfAbsent(a.key(), k -> new HashSet<>()).add(a.response().jsonPath().getString("id"));
            } else if (status == 409 && a.response().asString().contains("insufficient-points")) {
                insufficient++;
            } else if (status == 409 && a.response().asString().contains("idempotency-key-in-flight")) {
                inFlight++;
            } else {
                throw new AssertionError("unexpected " + status + ": " + a.response().asString());
            }
        }
        idsByKey.forEach((key, ids) -> assertEquals(1, ids.size(), "one redemption per key " + key));
        assertEquals(50, idsByKey.size(), "exactly the affordable number succeeded");
        assertTrue(insufficient >= 100 - 50, "the rest were refused: " + insufficient + ", in flight " + inFlight);
        assertEquals(0, LedgerChecks.assertConsistent(db, contactId));
        assertEquals(50, LedgerChecks.count(db, "SELECT count(*) FROM redemption WHERE contact_id = ?", contactId));
        assertEquals(50, LedgerChecks.count(db, "SELECT count(*) FROM points_entry WHERE contact_id = ? AND kind = 'REDEEM'", contactId));
        rep.request().get("/api/v1/redemptions?contactId=" + contactId).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(50));
    }

    @Test
    void parallelRedemptionsNeverTakeMoreStockThanThereIs() throws Exception {
        TestUser rep = Api.newUser(Role.SALES_REP);
        TestUser manager = Api.newUser(Role.MANAGER);
        String contactId = LoyaltyResourceTest.newContact(rep, null);
        LoyaltyResourceTest.sale(rep, contactId, 10000);
        String reward = LoyaltyResourceTest.reward(manager, 10, 30, Map.of());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add(UUID.randomUUID().toString());
        }
        List<Attempt> attempts = fire(rep, keys, Map.of("contactId", contactId, "rewardId", reward));
        long ok = attempts.stream().filter(a -> a.response().statusCode() == 201).count();
        long outOfStock = attempts.stream().filter(a -> a.response().statusCode() == 409
                && a.response().asString().contains("out-of-stock")).count();
        assertEquals(30, ok);
        assertEquals(70, outOfStock);
        manager.request().get("/api/v1/rewards/" + reward).then().body("stock", org.hamcrest.Matchers.equalTo(0));
        assertEquals(10000 - 300, LedgerChecks.assertConsistent(db, contactId));
    }
}
