package io.guanxi.crm.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * "Due soon" is decided in Java for the complaint's SLA status ({@link SlaRules#dueSoon}) and in SQL by the scan that
 * warns the agent ({@link ComplaintRepository#dueSoonSql}): the two must agree, on and around every boundary.
 */
@QuarkusTest
class SlaRulesConsistencyTest {

    @Inject
    EntityManager em;

    @Test
    void javaAndSqlAgreeOnWhatIsDueSoon() {
        Instant now = Instant.parse("2026-11-30T08:00:00Z");
        int cases = 0;
        for (int warn : new int[] {0, 1, 10, 30, 120}) {
            for (long offsetSeconds : new long[] {-3600, -60, -1, 0, 1, 59, 60, 61, 599, 600, 601, 1799, 1800, 1801, 7199, 7200, 7201,
                    86_400}) {
                Instant due = now.plus(Duration.ofSeconds(offsetSeconds));
                boolean java = SlaRules.dueSoon(due, warn, now);
                boolean sql = QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                        "SELECT " + ComplaintRepository.dueSoonSql("CAST(:due AS timestamptz)", "CAST(:warn AS int)"))
                        .setParameter("due", due).setParameter("now", now).setParameter("warn", warn).getSingleResult());
                assertEquals(java, sql, "due " + offsetSeconds + " s from now, warn " + warn + " min");
                cases++;
            }
        }
        assertEquals(90, cases);
    }
}
