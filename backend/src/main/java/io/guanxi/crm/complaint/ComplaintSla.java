package io.guanxi.crm.complaint;

import io.guanxi.crm.platform.db.SqlValues;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The SLA scan (SPEC §7): flags every deadline that passed, once — the breach columns are only set
 * where they are empty, so a complaint breaches and escalates one time however often the scan runs —
 * escalates to a manager (a reminder on their list) and warns the agent before a resolution is due.
 * Set-based statements; each reads a small partial index of what can still breach, never the table.
 */
@ApplicationScoped
public class ComplaintSla {

    private static final Logger LOG = Logger.getLogger(ComplaintSla.class);

    /** The active manager with the fewest open escalations: evaluated once per statement. */
    private static final String MANAGER = """
            manager AS (
                SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'MANAGER'
                WHERE u.active
                ORDER BY (SELECT count(*) FROM reminder m WHERE m.owner_id = u.id AND m.reason = 'COMPLAINT_ESCALATED'
                          AND m.done_at IS NULL), u.id
                LIMIT 1)""";

    private static final String BREACH = """
            WITH %1$s,
            breached AS (
                UPDATE complaint c SET %2$s_breached_at = :now,
                       escalated_at = COALESCE(c.escalated_at, :now),
                       escalated_to = COALESCE(c.escalated_to, (SELECT id FROM manager))
                WHERE %3$s AND c.%2$s_breached_at IS NULL AND c.%2$s_due_at <= :now
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, 'BREACH_%4$s', state, state, 'SLA missed: %5$s; escalated to a manager', :now FROM breached),
            reminders AS (
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), escalated_to, contact_id, id, 'COMPLAINT_ESCALATED', 'SLA missed: %5$s', :now, :now
                FROM breached WHERE escalated_to IS NOT NULL
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING)
            SELECT count(*) FROM breached""";

    private static final String WARN = """
            WITH warned AS (
                UPDATE complaint c SET warned_at = :now
                FROM complaint_sla_policy p
                WHERE p.severity = c.severity
                  AND c.state IN %s AND c.warned_at IS NULL
                  AND c.resolve_due_at <= CAST(:horizon AS timestamptz) AND c.resolve_due_at > :now
                  AND c.resolve_due_at - make_interval(mins => p.warn_before_minutes) <= :now
                  AND c.assignee_id IS NOT NULL
                RETURNING c.id, c.contact_id, c.assignee_id, c.resolve_due_at),
            reminders AS (
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), assignee_id, contact_id, id, 'COMPLAINT_SLA_WARNING',
                       'Resolution due soon', resolve_due_at, :now
                FROM warned
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING)
            SELECT count(*) FROM warned""".formatted(ComplaintState.AWAITING_RESOLUTION_SQL);

    public record ScanResult(long acknowledgeBreaches, long resolveBreaches, long followUpBreaches, long warnings) {
        public long total() {
            return acknowledgeBreaches + resolveBreaches + followUpBreaches + warnings;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Scheduled(every = "{guanxi.complaints.sla-scan-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "complaint-sla-scan")
    void scheduled() {
        ScanResult result = scan(clock.instant());
        if (result.total() > 0) {
            LOG.infof("Complaint SLA scan: %s", result);
        }
    }

    /** Flags, escalates and warns as of {@code now}; safe to run any number of times. */
    @Transactional
    public ScanResult scan(Instant now) {
        long ack = breach("acknowledge", "c.state = 'RECEIVED'", "ACKNOWLEDGE", "first response", now);
        long resolve = breach("resolve", "c.state IN " + ComplaintState.AWAITING_RESOLUTION_SQL,
                "RESOLVE", "resolution", now);
        long followUp = breach("follow_up", "c.state = 'RESOLVED'", "FOLLOW_UP", "24-hour follow-up", now);
        long maxWarn = SqlValues.longValue(em.createNativeQuery("SELECT COALESCE(max(warn_before_minutes), 0) FROM complaint_sla_policy")
                .getSingleResult());
        long warnings = SqlValues.longValue(em.createNativeQuery(WARN).setParameter("now", now)
                .setParameter("horizon", now.plus(Duration.ofMinutes(maxWarn))).getSingleResult());
        return new ScanResult(ack, resolve, followUp, warnings);
    }

    private long breach(String column, String stateCondition, String action, String what, Instant now) {
        return SqlValues.longValue(em.createNativeQuery(BREACH.formatted(MANAGER, column, stateCondition, action, what))
                .setParameter("now", now).getSingleResult());
    }
}
