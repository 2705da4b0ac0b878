package io.guanxi.crm.complaint;

import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.activity.RuleActivity;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.db.SqlValues;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The SLA scan (SPEC §7): flags every deadline that passed, once — the breach columns are only set
 * where they are empty, so a complaint breaches and escalates one time however often the scan runs —
 * escalates to a manager (an activity on their list) and warns the agent before a resolution is due.
 * Set-based statements; each reads a small partial index of what can still breach, never the table.
 */
@ApplicationScoped
public class ComplaintSla {

    private static final Logger LOG = Logger.getLogger(ComplaintSla.class);

    /** Active managers: the escalation goes to the one whose list holds the fewest open escalations. */
    private static final String MANAGERS = """
            SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'MANAGER' WHERE u.active""";

    private static final String BREACH = """
            WITH breached AS (
                UPDATE complaint c SET %1$s_breached_at = :now,
                       escalated_at = COALESCE(c.escalated_at, :now),
                       escalated_to = COALESCE(c.escalated_to, CAST(:manager AS uuid))
                WHERE %2$s AND c.%1$s_breached_at IS NULL AND c.%1$s_due_at <= :now
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, 'BREACH_%3$s', state, state, 'SLA missed: %4$s; escalated to a manager', :now FROM breached)
            SELECT id AS id, contact_id AS contact_id, escalated_to AS escalated_to FROM breached""";

    private static final String WARN = """
            UPDATE complaint c SET warned_at = :now
            FROM complaint_sla_policy p
            WHERE p.severity = c.severity
              AND c.state IN %s AND c.warned_at IS NULL
              AND c.resolve_due_at <= CAST(:horizon AS timestamptz) AND c.resolve_due_at > :now
              AND c.resolve_due_at - make_interval(mins => p.warn_before_minutes) <= :now
              AND c.assignee_id IS NOT NULL
            RETURNING c.id AS id, c.contact_id AS contact_id, c.assignee_id AS assignee_id, c.resolve_due_at AS resolve_due_at"""
            .formatted(ComplaintState.AWAITING_RESOLUTION_SQL);

    public record ScanResult(long acknowledgeBreaches, long resolveBreaches, long followUpBreaches, long warnings) {
        public long total() {
            return acknowledgeBreaches + resolveBreaches + followUpBreaches + warnings;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RuleActivities activities;

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
        List<RuleActivity> warned = Rows.list(em.createNativeQuery(WARN, Tuple.class).setParameter("now", now)
                .setParameter("horizon", now.plus(Duration.ofMinutes(maxWarn)))).stream()
                .map(r -> RuleActivity.forComplaint(Rows.uuid(r, "assignee_id"), Rows.uuid(r, "contact_id"), Rows.uuid(r, "id"),
                        Rows.instant(r, "resolve_due_at")))
                .toList();
        activities.schedule(ActivityRule.COMPLAINT_SLA_WARNING, Map.of(), warned, null, now);
        long warnings = warned.size();
        return new ScanResult(ack, resolve, followUp, warnings);
    }

    /** Flags one kind of breach and puts each escalation on the least busy manager's list of activities. */
    private long breach(String column, String stateCondition, String action, String what, Instant now) {
        List<UUID> managers = em.createNativeQuery(MANAGERS, UUID.class).getResultList();
        UUID manager = activities.leastBusy(managers, ActivityRule.COMPLAINT_ESCALATED);
        List<Tuple> breached = Rows.list(em.createNativeQuery(BREACH.formatted(column, stateCondition, action, what), Tuple.class)
                .setParameter("now", now).setParameter("manager", manager));
        activities.schedule(ActivityRule.COMPLAINT_ESCALATED, Map.of("missed", action),
                breached.stream().filter(r -> Rows.uuid(r, "escalated_to") != null)
                        .map(r -> RuleActivity.forComplaint(Rows.uuid(r, "escalated_to"), Rows.uuid(r, "contact_id"), Rows.uuid(r, "id"), now))
                        .toList(), null, now);
        return breached.size();
    }
}
