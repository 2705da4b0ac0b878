package io.guanxi.crm.auth;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.cluster.ClusterNotifier;
import io.guanxi.crm.platform.cluster.InvalidationListener;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Another replica is simulated by a JDBC connection of the test's own: it changes rows and notifies
 * exactly as a replica's transaction does. This instance must refuse the changed user's or session's
 * cached tokens well within the caches' 30 s time to live, so only the notification can explain it.
 */
@QuarkusTest
class CrossReplicaInvalidationTest {

    /** Far below the caches' TTL (30 s): passing within it proves the notification, not the expiry, did it. */
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Inject
    ClusterNotifier notifier;

    @Inject
    InvalidationListener listener;

    private static Connection otherReplica() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** The first request fills the caches, the second is answered from them. */
    private static void warm(String token) {
        assertEquals(200, SessionResourceTest.me(token));
        assertEquals(200, SessionResourceTest.me(token));
    }

    /** Deactivates the user in the database without telling anyone: only the cache still says active. */
    private static void deactivateSilently(Connection db, UUID userId) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE app_user SET active = false WHERE id = ?")) {
            update.setObject(1, userId);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static void notify(Connection db, String payload) throws SQLException {
        try (PreparedStatement notify = db.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, ClusterNotifier.CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    private static void awaitRefused(String token) {
        await().atMost(DEADLINE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> SessionResourceTest.me(token) == 401);
    }

    @Test
    void aUserDeactivatedOnAnotherReplicaIsRefusedHereWithinTheDeadline() throws SQLException {
        var rep = Api.newUser(Role.SALES_REP);
        warm(rep.token());
        try (Connection db = otherReplica()) {
            deactivateSilently(db, rep.id());
            assertEquals(200, SessionResourceTest.me(rep.token()), "without a notification the cache still answers");
            db.setAutoCommit(false);
            notify(db, "user:" + rep.id());
            db.commit();
        }
        long committed = System.nanoTime();
        awaitRefused(rep.token());
        // A figure for docs/operations-security.md (the assertion is the deadline above).
        System.out.printf("cross-replica deactivation refused %d ms after commit%n", (System.nanoTime() - committed) / 1_000_000);
    }

    @Test
    void aSessionRevokedOnAnotherReplicaIsRefusedHereWithinTheDeadline() throws SQLException {
        var rep = Api.newUser(Role.SALES_REP);
        SessionResourceTest.Signed web = SessionResourceTest.signIn(rep.username(), "Replica test");
        warm(web.accessToken());
        String sessionId = CrossReplicaInvalidationTest.sessionOf(web.accessToken());
        try (Connection db = otherReplica()) {
            db.setAutoCommit(false);
            try (PreparedStatement revoke = db.prepareStatement("UPDATE auth_session SET revoked_at = now() WHERE id = ?")) {
                revoke.setObject(1, UUID.fromString(sessionId));
                assertEquals(1, revoke.executeUpdate());
            }
            notify(db, "session:" + sessionId);
            db.commit();
        }
        awaitRefused(web.accessToken());
        assertEquals(200, SessionResourceTest.me(rep.token()), "the user's bearer token has no session: it goes on");
    }

    @Test
    void aRolledBackTransactionNotifiesNobody() throws SQLException {
        var rolledBack = Api.newUser(Role.SALES_REP);
        var committed = Api.newUser(Role.SALES_REP);
        warm(rolledBack.token());
        warm(committed.token());
        try (Connection db = otherReplica()) {
            deactivateSilently(db, rolledBack.id());
            deactivateSilently(db, committed.id());
            db.setAutoCommit(false);
            notify(db, "user:" + rolledBack.id());
            db.rollback();
            notify(db, "user:" + committed.id());
            db.commit();
        }
        // Notifications arrive in commit order: once the later one is seen, the rolled-back one would have been too.
        awaitRefused(committed.token());
        assertEquals(200, SessionResourceTest.me(rolledBack.token()), "the rolled-back notification never arrived");
    }

    @Test
    void theServiceNotifiesInsideItsTransactionSoOnlyACommitIsHeard() throws SQLException {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        try (Connection db = otherReplica(); Statement listen = db.createStatement()) {
            listen.execute("LISTEN " + ClusterNotifier.CHANNEL);
            assertThrows(TransactionalException.class, () -> notifier.publish("user", List.of(committed)),
                    "a notification outside a transaction could precede its change: refused");
            assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                notifier.publish("user", List.of(rolledBack));
                throw new IllegalStateException("roll back");
            }));
            QuarkusTransaction.requiringNew().run(() -> notifier.publish("user", List.of(committed)));

            List<String> heard = awaitPayload(db, "user:" + committed);
            assertTrue(heard.stream().noneMatch(p -> p.contains(rolledBack.toString())), heard.toString());
        }
    }

    @Test
    void aDeactivationThroughTheApiIsNotifiedForTheUserAndEachOfItsSessions() throws SQLException {
        var rep = Api.newUser(Role.SALES_REP);
        String sessionId = sessionOf(SessionResourceTest.signIn(rep.username(), "Replica test").accessToken());
        try (Connection db = otherReplica(); Statement listen = db.createStatement()) {
            listen.execute("LISTEN " + ClusterNotifier.CHANNEL);
            String etag = io.restassured.RestAssured.given().auth().oauth2(Api.adminToken())
                    .get("/api/v1/users/" + rep.id()).then().statusCode(200).extract().header("ETag");
            io.restassured.RestAssured.given().auth().oauth2(Api.adminToken()).contentType(ContentType.JSON)
                    .header("If-Match", etag)
                    .body(Map.of("displayName", "gone", "roles", Set.of("SALES_REP"), "active", false))
                    .put("/api/v1/users/" + rep.id()).then().statusCode(200);
            List<String> heard = awaitPayload(db, "user:" + rep.id());
            heard.addAll(awaitPayload(db, null));
            assertTrue(heard.contains("session:" + sessionId) || heard.stream().anyMatch(p -> p.startsWith("session:")
                    && p.contains(sessionId)), heard.toString());
        }
    }

    @Test
    void afterItsConnectionIsKilledTheListenerReconnectsAndClearsTheCaches() throws SQLException {
        var rep = Api.newUser(Role.SALES_REP);
        warm(rep.token());
        long connectsBefore = listener.connects();
        try (Connection db = otherReplica()) {
            deactivateSilently(db, rep.id());
            assertEquals(200, SessionResourceTest.me(rep.token()), "without a notification the cache still answers");
            try (PreparedStatement kill = db.prepareStatement("SELECT count(pg_terminate_backend(pid)) AS killed"
                    + " FROM pg_stat_activity WHERE application_name = ?")) {
                kill.setString(1, InvalidationListener.APPLICATION_NAME);
                try (ResultSet killed = kill.executeQuery()) {
                    killed.next();
                    assertEquals(1, killed.getInt("killed"), "one listener connection");
                }
            }
        }
        // Nobody notified the deactivation: only the full clear on reconnect can refuse the token.
        awaitRefused(rep.token());
        assertTrue(listener.connects() > connectsBefore, "reconnected");

        // And it listens again.
        var next = Api.newUser(Role.SALES_REP);
        warm(next.token());
        try (Connection db = otherReplica()) {
            deactivateSilently(db, next.id());
            notify(db, "user:" + next.id());
        }
        awaitRefused(next.token());
    }

    /** The payloads heard until one equals {@code expected} (or, with null, until a wait brings nothing new). */
    private static List<String> awaitPayload(Connection db, String expected) throws SQLException {
        PGConnection pg = db.unwrap(PGConnection.class);
        List<String> heard = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            PGNotification[] received = pg.getNotifications(200);
            if (received == null || received.length == 0) {
                if (expected == null) {
                    return heard;
                }
                continue;
            }
            for (PGNotification notification : received) {
                heard.add(notification.getParameter());
            }
            if (expected != null && heard.contains(expected)) {
                return heard;
            }
        }
        throw new AssertionError("not heard within " + DEADLINE + ": " + expected + "; heard " + heard);
    }

    private static String sessionOf(String accessToken) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        var matcher = java.util.regex.Pattern.compile("\"sid\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(payload);
        assertTrue(matcher.find(), payload);
        return matcher.group(1);
    }
}
