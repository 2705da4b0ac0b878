package io.guanxi.crm.platform.jobs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Jobs on several replicas (issue 22): a job belongs to the process that runs it and stays RUNNING while that process's
 * heartbeat is fresh; only a stale one is failed, by any process, and its kind is then free. Other instances are
 * simulated by rows they would have written (another owner, their heartbeat).
 */
@QuarkusTest
class JobHeartbeatTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Jobs jobs;

    @Inject
    InstanceId instance;

    @Inject
    DataSource db;

    @Test
    void aRunningJobOfAnotherLiveInstanceSurvivesThisInstancesStartupSweepAndKeepsItsKind() throws Exception {
        String kind = uniqueKind("live");
        UUID theirs = insertRunning(kind, "replica-b-4242-0badcafe", "clock_timestamp() - interval '5 seconds'");

        // What onStart does before anything else (and every beat does again).
        jobs.failStale();

        Map<String, Object> row = job(theirs);
        assertEquals("RUNNING", row.get("state"));
        assertNull(row.get("error"));
        ProblemException refused = assertThrows(ProblemException.class, () -> jobs.start(kind, null, progress -> Map.of()));
        assertEquals(409, refused.status());
        assertEquals(theirs, refused.extensions().get("runningJobId"));
        finishByHand(theirs);
    }

    @Test
    void aStaleJobIsFailedAndANewJobOfItsKindCanStart() throws Exception {
        String kind = uniqueKind("stale");
        UUID lost = insertRunning(kind, "replica-c-77-deadbeef", "clock_timestamp() - interval '5 minutes'");
        String oldKind = uniqueKind("pre44");
        UUID beforeHeartbeats = insertRunning(oldKind, null, "NULL");

        // (The background beat may have swept them first; either way they are failed.)
        jobs.failStale();

        for (UUID id : new UUID[] {lost, beforeHeartbeats}) {
            Map<String, Object> row = job(id);
            assertEquals("FAILED", row.get("state"));
            assertEquals(Jobs.INTERRUPTED, row.get("error"));
            assertNotNull(row.get("finished_at"));
        }
        JobResponse next = jobs.start(kind, null, progress -> Map.of("ran", true));
        awaitState(next.id(), "SUCCEEDED");
        assertEquals(instance.value(), job(next.id()).get("owner"));
    }

    @Test
    void theHeartbeatOfARequestStartedJobAdvancesWhileItRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        JobResponse started = jobs.start(uniqueKind("beat"), null, progress -> {
            waitFor(release);
            return Map.of("done", true);
        });
        try {
            Map<String, Object> first = job(started.id());
            assertEquals(instance.value(), first.get("owner"));
            Timestamp firstBeat = (Timestamp) first.get("heartbeat_at");
            assertNotNull(firstBeat);
            await("the heartbeat of job " + started.id() + " to move").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> ((Timestamp) job(started.id()).get("heartbeat_at")).after(firstBeat));
            assertEquals("RUNNING", job(started.id()).get("state"));
        } finally {
            release.countDown();
        }
        awaitState(started.id(), "SUCCEEDED");
    }

    @Test
    void aScheduledJobKeepsItsHeartbeatAndAnOutcomeAfterAnotherInstanceFailedItIsNotRecorded() throws Exception {
        String kind = uniqueKind("sched");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        UUID[] id = new UUID[1];
        CompletableFuture<Boolean> scheduler = CompletableFuture.supplyAsync(() -> jobs.runNow(kind, progress -> {
            id[0] = progress.jobId();
            running.countDown();
            waitFor(release);
            return Map.of("late", true);
        }));
        try {
            assertTrue(running.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            Timestamp firstBeat = (Timestamp) job(id[0]).get("heartbeat_at");
            assertEquals(instance.value(), job(id[0]).get("owner"));
            await("the heartbeat of scheduled job " + id[0] + " to move").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> ((Timestamp) job(id[0]).get("heartbeat_at")).after(firstBeat));
            // Another replica found it stale (say this process stalled) and failed it.
            update("UPDATE job SET state = 'FAILED', error = ?, finished_at = clock_timestamp() WHERE id = ?", Jobs.INTERRUPTED, id[0]);
        } finally {
            release.countDown();
        }
        assertTrue(scheduler.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        Map<String, Object> row = job(id[0]);
        assertEquals("FAILED", row.get("state"));
        assertEquals(Jobs.INTERRUPTED, row.get("error"));
        assertNull(row.get("report"));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the job");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitState(UUID id, String state) {
        await("job " + id + " to be " + state).atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> state.equals(job(id).get("state")));
    }

    private static String uniqueKind(String what) {
        return ("t-" + what + "-" + UUID.randomUUID()).substring(0, 32);
    }

    private UUID insertRunning(String kind, String owner, String heartbeatSql) throws SQLException {
        UUID id = Ids.newId();
        update("INSERT INTO job (id, kind, state, phase, created_at, started_at, owner, heartbeat_at) "
                + "VALUES (?, ?, 'RUNNING', 'scheduled', clock_timestamp(), clock_timestamp(), ?, " + heartbeatSql + ")", id, kind, owner);
        return id;
    }

    private void finishByHand(UUID id) throws SQLException {
        update("UPDATE job SET state = 'FAILED', error = 'test over', finished_at = clock_timestamp() WHERE id = ?", id);
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private Map<String, Object> job(UUID id) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT state, error, owner, heartbeat_at, finished_at, report::text AS report FROM job WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next(), "job " + id + " exists");
                Map<String, Object> row = new HashMap<>();
                for (String column : new String[] {"state", "error", "owner", "heartbeat_at", "finished_at", "report"}) {
                    row.put(column, rs.getObject(column));
                }
                return row;
            }
        }
    }
}
