package io.guanxi.crm.imports;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guanxi.crm.platform.db.Ids;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An import whose commit job died with its process (kill -9 of the replica) does not stay COMMITTING for ever: once the
 * job's heartbeat goes stale and a replica fails the job, the batch is FAILED and may be committed again.
 */
@QuarkusTest
class ImportJobRecoveryTest {

    @Inject
    DataSource db;

    @Test
    void aCommitWhoseProcessStoppedAnsweringLeavesItsBatchFailed() throws SQLException {
        UUID job = Ids.newId();
        UUID batch = Ids.newId();
        UUID untouched = Ids.newId();
        try (Connection connection = db.getConnection()) {
            execute(connection, "INSERT INTO job (id, kind, state, phase, created_at, started_at, owner, heartbeat_at) VALUES "
                    + "(?, 'contact-import', 'RUNNING', 'checking', clock_timestamp(), clock_timestamp(), 'replica-d-9-00ff00ff', "
                    + "clock_timestamp() - interval '10 minutes')", job);
            for (UUID id : new UUID[] {batch, untouched}) {
                execute(connection, "INSERT INTO import_batch (id, created_by, file_name, file_sha256, file_format, header_row, headers, "
                        + "mapping, state, job_id, created_at, updated_at) SELECT ?, id, 'lost.csv', repeat('0', 64), 'CSV', 1, '[]', "
                        + "'[]', 'COMMITTING', ?, clock_timestamp(), clock_timestamp() FROM app_user WHERE username = 'admin'",
                        id, id == batch ? job : null);
            }
        }
        // The background sweep (every guanxi.jobs.heartbeat-every) finds the stale job.
        await("the interrupted import to be FAILED").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "FAILED".equals(state("import_batch", batch)) && "FAILED".equals(state("job", job)));
        // A batch of no interrupted job is left as it is.
        assertEquals("COMMITTING", state("import_batch", untouched));
        try (Connection connection = db.getConnection()) {
            execute(connection, "DELETE FROM import_batch WHERE id IN (?, ?)", batch, untouched);
        }
    }

    private String state(String table, UUID id) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT state FROM " + table + " WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
