package io.guanxi.crm.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * V18 moves every reminder into an activity: migrated on a scratch database from just before it, with
 * reminders of each reason, open and done, the counts and what each row says are the same afterwards.
 */
@QuarkusTest
class ReminderMigrationTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    @Test
    void everyReminderBecomesAnActivityWithItsReasonAsRuleAndItsNoteAsParameters() throws Exception {
        String scratch = "reminder_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(url, user, password); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + scratch);
        }
        String scratchUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + scratch + "$1");
        try {
            // Up to the last migration before V18, whatever its number.
            Flyway probe = Flyway.configure().dataSource(scratchUrl, user, password).locations("classpath:db/migration").load();
            MigrationVersion before18 = Arrays.stream(probe.info().all()).map(MigrationInfo::getVersion)
                    .filter(v -> v.compareTo(MigrationVersion.fromVersion("18")) < 0).max(Comparator.naturalOrder()).orElseThrow();
            Flyway.configure().dataSource(scratchUrl, user, password).locations("classpath:db/migration").target(before18)
                    .load().migrate();
            try (Connection db = DriverManager.getConnection(scratchUrl, user, password); Statement st = db.createStatement()) {
                st.execute("""
                        INSERT INTO app_user (id, username, display_name, password_hash, created_at, updated_at)
                        VALUES ('00000000-0000-7000-8000-000000000001', 'migrator', '迁移', 'x', now(), now());
                        INSERT INTO contact (id, name, owner_id, created_at, updated_at)
                        VALUES ('00000000-0000-7000-8000-000000000002', '客户', '00000000-0000-7000-8000-000000000001', now(), now());
                        INSERT INTO lead (id, contact_id, source_channel, status, match_score, activity_count, activity_score, score,
                                          policy_version, scored_at, created_at, updated_at)
                        VALUES ('00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000002', 'WEBSITE', 'NEW',
                                0, 0, 0, 0, 1, now(), now(), now());
                        INSERT INTO complaint (id, contact_id, channel, category, severity, description, state, received_at,
                                               acknowledge_due_at, resolve_due_at, created_by, created_at, updated_at)
                        VALUES ('00000000-0000-7000-8000-000000000004', '00000000-0000-7000-8000-000000000002', 'HOTLINE',
                                'LOGISTICS', 'HIGH', '晚到', 'RESOLVED', now(), now(), now(),
                                '00000000-0000-7000-8000-000000000001', now(), now());
                        INSERT INTO reminder (id, owner_id, contact_id, lead_id, complaint_id, reason, note, due_at, done_at, created_at)
                        VALUES ('00000000-0000-7000-8000-0000000000a1', '00000000-0000-7000-8000-000000000001',
                                '00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000003', NULL,
                                'LEAD_NO_INTERACTION', 'No interaction for 3 days: follow up', '2026-11-01T00:00:00Z', NULL, '2026-11-01T00:00:00Z'),
                               ('00000000-0000-7000-8000-0000000000a2', '00000000-0000-7000-8000-000000000001',
                                '00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000003', NULL,
                                'LEAD_NO_INTERACTION', 'No interaction for 3 days: follow up', '2026-10-01T00:00:00Z',
                                '2026-10-02T00:00:00Z', '2026-10-01T00:00:00Z'),
                               ('00000000-0000-7000-8000-0000000000a3', '00000000-0000-7000-8000-000000000001',
                                '00000000-0000-7000-8000-000000000002', NULL, '00000000-0000-7000-8000-000000000004',
                                'COMPLAINT_FOLLOW_UP', 'Call back about the resolved complaint', '2026-11-02T00:00:00Z', NULL, '2026-11-01T00:00:00Z'),
                               ('00000000-0000-7000-8000-0000000000a4', '00000000-0000-7000-8000-000000000001',
                                '00000000-0000-7000-8000-000000000002', NULL, '00000000-0000-7000-8000-000000000004',
                                'COMPLAINT_ESCALATED', 'SLA missed: first response', '2026-11-01T00:00:00Z', NULL, '2026-11-01T00:00:00Z'),
                               ('00000000-0000-7000-8000-0000000000a5', '00000000-0000-7000-8000-000000000001',
                                '00000000-0000-7000-8000-000000000002', NULL, '00000000-0000-7000-8000-000000000004',
                                'COMPLAINT_SLA_WARNING', 'Resolution due soon', '2026-11-03T00:00:00Z', '2026-11-02T00:00:00Z',
                                '2026-11-01T00:00:00Z');
                        """);
                List<String> before = rows(st, """
                        SELECT id || ' ' || reason || ' ' || owner_id || ' ' || due_at || ' ' || (done_at IS NULL)
                        FROM reminder ORDER BY id""");

                Flyway.configure().dataSource(scratchUrl, user, password).locations("classpath:db/migration").target("18")
                        .load().migrate();

                List<String> after = rows(st, """
                        SELECT id || ' ' || origin_rule || ' ' || assignee_id || ' ' || due_at || ' ' || (status = 'OPEN')
                        FROM activity ORDER BY id""");
                assertEquals(before, after);
                assertEquals(List.of(
                        "a1 FOLLOW_UP NORMAL {\"days\": \"3\"}",
                        "a2 FOLLOW_UP NORMAL {\"days\": \"3\"}",
                        "a3 COMPLAINT_FOLLOW_UP NORMAL {}",
                        "a4 ESCALATION HIGH {\"missed\": \"ACKNOWLEDGE\"}",
                        "a5 COMPLAINT_FOLLOW_UP HIGH {}"), rows(st, """
                        SELECT right(id::text, 2) || ' ' || kind || ' ' || priority || ' ' || origin_params::text
                        FROM activity ORDER BY id"""));
                assertEquals(List.of("0"), rows(st, "SELECT count(*)::text FROM pg_tables WHERE tablename = 'reminder'"));
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(url, user, password); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
            }
        }
    }

    private static List<String> rows(Statement st, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
