package io.guanxi.crm.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.quartz.impl.jdbcjobstore.JobStoreCMT;

/**
 * The schedule lives in PostgreSQL (V44's qrtz_* tables) under fixed identities, so every replica sees the same
 * triggers and each firing is taken by one of them; the database-writing jobs do not overlap across replicas.
 */
@QuarkusTest
class ClusteredSchedulingTest {

    /** The jobs the test profile keeps on (the nightly and monthly ones are "off" there, so they are not stored). */
    private static final List<String> ON_IN_TESTS = List.of("activity-overdue-scan", "session-purge", "lead-follow-ups",
            "lead-activity-window", "points-release", "points-expiry", "care-scan", "complaint-sla-scan");

    @Inject
    org.quartz.Scheduler quartz;

    @Inject
    Scheduler scheduler;

    @Inject
    DataSource db;

    @Test
    void quartzRunsClusteredOnTheJdbcStore() throws Exception {
        assertTrue(quartz.getMetaData().isJobStoreClustered());
        assertEquals(JobStoreCMT.class, quartz.getMetaData().getJobStoreClass());
        assertTrue(quartz.isStarted());
        // This instance has checked in with the cluster within the last minute (database time).
        assertEquals("1", one("SELECT count(*)::text FROM qrtz_scheduler_state WHERE instance_name = ? "
                + "AND last_checkin_time > (extract(epoch FROM clock_timestamp()) * 1000 - 60000)", quartz.getSchedulerInstanceId()));
    }

    @Test
    void eachScheduledJobsTriggerIsStoredUnderItsIdentityAndDoesNotRunConcurrently() throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT t.trigger_name, t.trigger_type, j.is_nonconcurrent, j.job_class_name
                        FROM qrtz_triggers t JOIN qrtz_job_details j
                          ON j.sched_name = t.sched_name AND j.job_name = t.job_name AND j.job_group = t.job_group""");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getString(2) + " nonconcurrent=" + rs.getBoolean(3) + " " + rs.getString(4));
            }
        }
        for (String identity : ON_IN_TESTS) {
            assertTrue(stored.containsKey(identity), identity + " is stored; stored: " + stored.keySet());
            assertTrue(stored.get(identity).contains("nonconcurrent=true"), identity + ": " + stored.get(identity));
        }
        assertTrue(stored.get("complaint-sla-scan").startsWith("SIMPLE"), stored.get("complaint-sla-scan"));
        assertTrue(stored.get("points-expiry").startsWith("CRON"), stored.get("points-expiry"));
        // Switched off by the test profile: no trigger at all, on no replica.
        assertFalse(stored.containsKey("tier-recompute"));
        // Local files: each replica cleans its own export directory, so this one is not in the shared store.
        assertFalse(stored.containsKey("export-file-cleanup"));
    }

    @Test
    void theExportCleanupRunsOnEveryReplicasInMemoryScheduler() {
        Set<String> identities = scheduler.getScheduledJobs().stream().map(Trigger::getId).collect(Collectors.toSet());
        assertTrue(identities.contains("export-file-cleanup"), identities.toString());
        assertTrue(identities.contains("complaint-sla-scan"), identities.toString());
    }

    private String one(String sql, String parameter) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
