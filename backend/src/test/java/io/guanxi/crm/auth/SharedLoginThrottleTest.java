package io.guanxi.crm.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.guanxi.crm.support.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The login throttle lives in PostgreSQL: what one replica counted, every replica sees; each failure is
 * one atomic upsert, and lockouts run on the database's clock. Another replica's writes are simulated
 * with SQL on the same table.
 */
@QuarkusTest
class SharedLoginThrottleTest {

    @Inject
    LoginThrottleRepository counters;

    @Inject
    LoginThrottle throttle;

    @Inject
    EntityManager em;

    @Inject
    MovableClock clock;

    private static int login(String username, String password, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").statusCode();
    }

    private static String freshAddress() {
        return "198.18." + Math.floorMod(UUID.randomUUID().hashCode(), 250) + "." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
    }

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    private Integer failures(String key) {
        java.util.List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT failures FROM login_throttle WHERE throttle_key = ?1").setParameter(1, key).getResultList());
        return rows.isEmpty() ? null : ((Number) rows.get(0)).intValue();
    }

    @Test
    void failuresCountedByAnotherReplicaLockTheUsernameHere() {
        var rep = Api.newUser(Role.SALES_REP);
        // Four failures counted elsewhere (another replica's rows are the same rows) …
        sql("INSERT INTO login_throttle (throttle_key, window_start, failures, last_failed_at) VALUES (?1, now(), 4, now())",
                LoginThrottle.userKey(rep.username()));
        // … and the fifth here locks the username, even for the right password, from any address.
        assertEquals(401, login(rep.username(), "wrong-password", freshAddress()));
        assertEquals(429, login(rep.username(), Api.PASSWORD, freshAddress()));
        assertEquals(5, failures(LoginThrottle.userKey(rep.username().toUpperCase())));
    }

    @Test
    void aLockSetByAnotherReplicaIsHonouredHereAndRunsOnTheDatabasesClock() {
        var rep = Api.newUser(Role.SALES_REP);
        sql("INSERT INTO login_throttle (throttle_key, window_start, failures, locked_until, last_failed_at)"
                + " VALUES (?1, now(), 5, now() + interval '10 minutes', now())", LoginThrottle.userKey(rep.username()));
        assertEquals(429, login(rep.username(), Api.PASSWORD, freshAddress()));
        clock.advance(Duration.ofHours(2));
        try {
            assertEquals(429, login(rep.username(), Api.PASSWORD, freshAddress()),
                    "a replica whose clock runs ahead does not end the lockout early");
        } finally {
            clock.reset();
        }
        sql("UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE throttle_key = ?1",
                LoginThrottle.userKey(rep.username()));
        assertEquals(200, login(rep.username(), Api.PASSWORD, freshAddress()), "the lock is over in database time");
        assertNull(failures(LoginThrottle.userKey(rep.username())), "and the right password cleared the count");
    }

    @Test
    void theRightPasswordClearsTheUsernameButNotTheAddress() {
        var rep = Api.newUser(Role.SALES_REP);
        String address = freshAddress();
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login(rep.username(), "wrong-" + i, address));
        }
        assertEquals(200, login(rep.username(), Api.PASSWORD, address));
        assertNull(failures(LoginThrottle.userKey(rep.username())));
        assertEquals(4, failures(LoginThrottle.addressKey(address)));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login(rep.username(), "wrong-again-" + i, freshAddress()));
        }
        assertEquals(200, login(rep.username(), Api.PASSWORD, freshAddress()), "four again: still under five");
    }

    @Test
    void concurrentFailuresEachCountOnceAndTheLockoutDoublesUpToItsCap() throws Exception {
        String key = "user:concurrent-" + UUID.randomUUID();
        int threads = 8;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        QuarkusTransaction.requiringNew().run(() -> counters.recordFailure(key, 5, null,
                                Duration.ofMinutes(1), Duration.ofMinutes(15)));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(threads * perThread, failures(key), "no failure lost to a race");
        Duration wait = QuarkusTransaction.requiringNew().call(() -> counters.lockedFor(key)).orElseThrow();
        assertTrue(wait.compareTo(Duration.ofMinutes(14)) > 0 && wait.compareTo(Duration.ofMinutes(15)) <= 0, wait.toString());
    }

    @Test
    void theLockoutStartsAtMaxFailuresAndDoubles() {
        String key = "user:doubling-" + UUID.randomUUID();
        List<Duration> locks = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            var counter = QuarkusTransaction.requiringNew().call(() -> counters.recordFailure(key, 3, null,
                    Duration.ofMinutes(1), Duration.ofMinutes(15)));
            assertEquals(i, counter.failures());
            if (i < 3) {
                assertNull(counter.lockedUntil());
            } else {
                assertNotNull(counter.lockedUntil());
                locks.add(QuarkusTransaction.requiringNew().call(() -> counters.lockedFor(key)).orElseThrow());
            }
        }
        // 1, 2, 4 minutes (read back a moment later, so a little under each).
        assertTrue(locks.get(0).compareTo(Duration.ofSeconds(50)) > 0 && locks.get(0).compareTo(Duration.ofMinutes(1)) <= 0);
        assertTrue(locks.get(1).compareTo(Duration.ofSeconds(110)) > 0 && locks.get(1).compareTo(Duration.ofMinutes(2)) <= 0);
        assertTrue(locks.get(2).compareTo(Duration.ofSeconds(230)) > 0 && locks.get(2).compareTo(Duration.ofMinutes(4)) <= 0);
    }

    @Test
    void anAddressCountStartsAgainAfterItsWindowUnlessLocked() {
        String open = "addr:window-open-" + UUID.randomUUID();
        String locked = "addr:window-locked-" + UUID.randomUUID();
        sql("INSERT INTO login_throttle (throttle_key, window_start, failures, last_failed_at)"
                + " VALUES (?1, now() - interval '1 hour', 19, now() - interval '1 hour')", open);
        sql("INSERT INTO login_throttle (throttle_key, window_start, failures, locked_until, last_failed_at)"
                + " VALUES (?1, now() - interval '1 hour', 20, now() + interval '1 minute', now() - interval '1 hour')", locked);
        var restarted = QuarkusTransaction.requiringNew().call(() -> counters.recordFailure(open, 20,
                Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15)));
        assertEquals(1, restarted.failures(), "the window was over: counting starts again");
        assertNull(restarted.lockedUntil());
        var stillCounting = QuarkusTransaction.requiringNew().call(() -> counters.recordFailure(locked, 20,
                Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15)));
        assertEquals(21, stillCounting.failures(), "a locked address keeps its count");
        assertNotNull(stillCounting.lockedUntil());
    }

    @Test
    void thePurgeForgetsIdleCountersButNeverALock() {
        String idle = "user:idle-" + UUID.randomUUID();
        String recent = "user:recent-" + UUID.randomUUID();
        String lockedLong = "user:locked-" + UUID.randomUUID();
        sql("INSERT INTO login_throttle (throttle_key, window_start, failures, last_failed_at)"
                + " VALUES (?1, now() - interval '3 days', 3, now() - interval '2 days')", idle);
        sql("INSERT INTO login_throttle (throttle_key, window_start, failures, last_failed_at)"
                + " VALUES (?1, now() - interval '3 days', 3, now() - interval '1 hour')", recent);
        sql("INSERT INTO login_throttle (throttle_key, window_start, failures, locked_until, last_failed_at)"
                + " VALUES (?1, now() - interval '3 days', 9, now() + interval '5 minutes', now() - interval '2 days')", lockedLong);
        int purged = QuarkusTransaction.requiringNew().call(() -> throttle.purgeIdle());
        assertTrue(purged >= 1);
        assertNull(failures(idle));
        assertEquals(3, failures(recent));
        assertEquals(9, failures(lockedLong));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> counters.lockedFor(lockedLong)).isEmpty());
    }
}
