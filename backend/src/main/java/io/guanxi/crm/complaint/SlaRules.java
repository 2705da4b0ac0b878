package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.ComplaintResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SLA rules in one place: the due times a complaint gets from its severity's policy on intake,
 * on resolution and on reopening, and the status shown for it ({@link SlaStatus}). The scan that flags
 * breaches and warns ({@link ComplaintSla}) applies the same deadlines ({@link SlaDeadline}) and the same
 * warning time in SQL.
 */
@ApplicationScoped
public class SlaRules {

    @Inject
    SlaPolicyRepository policies;

    /** On intake: the first-response and resolution clocks start. */
    void start(Complaint c, Instant now) {
        SlaPolicy sla = policies.of(c.severity);
        c.acknowledgeDueAt = now.plus(Duration.ofMinutes(sla.acknowledgeMinutes));
        c.resolveDueAt = now.plus(Duration.ofMinutes(sla.resolveMinutes));
    }

    /** On resolution: the follow-up clock starts. */
    void startFollowUp(Complaint c, Instant now) {
        c.followUpDueAt = now.plus(Duration.ofMinutes(policies.of(c.severity).followUpMinutes));
        c.followUpBreachedAt = null;
    }

    /** On reopening: the resolution clock starts again and the follow-up clock stops. */
    void restartResolution(Complaint c, Instant now) {
        c.followUpDueAt = null;
        c.resolveDueAt = now.plus(Duration.ofMinutes(policies.of(c.severity).resolveMinutes));
        c.resolveBreachedAt = null;
        c.warnedAt = null;
    }

    /** Whether a deadline {@code due} counts as due soon at {@code now} for a policy warning {@code warnBeforeMinutes} ahead. */
    static boolean dueSoon(Instant due, int warnBeforeMinutes, Instant now) {
        return now.isBefore(due) && !due.minus(Duration.ofMinutes(warnBeforeMinutes)).isAfter(now);
    }

    static SlaStatus status(Complaint c, SlaPolicy policy, Instant now) {
        SlaDeadline current = SlaDeadline.current(c.state);
        if (current == null) {
            return breached(c).isEmpty() ? SlaStatus.MET : SlaStatus.MISSED;
        }
        Instant due = current.dueAt(c);
        if (current.breachedAt(c) != null || !now.isBefore(due)) {
            return SlaStatus.OVERDUE;
        }
        return dueSoon(due, policy.warnBeforeMinutes, now) ? SlaStatus.DUE_SOON : SlaStatus.ON_TRACK;
    }

    private static List<SlaDeadline> breached(Complaint c) {
        List<SlaDeadline> breached = new ArrayList<>();
        for (SlaDeadline deadline : SlaDeadline.values()) {
            if (deadline.breachedAt(c) != null) {
                breached.add(deadline);
            }
        }
        return breached;
    }

    /** The SLA clock of each complaint as of {@code now}, one policy read for the lot. */
    Map<Severity, SlaPolicy> policies() {
        return policies.bySeverity();
    }

    static ComplaintResponse.Sla view(Complaint c, Map<Severity, SlaPolicy> policies, Instant now) {
        SlaDeadline current = SlaDeadline.current(c.state);
        return new ComplaintResponse.Sla(status(c, policies.get(c.severity), now), c.receivedAt, c.acknowledgeDueAt, c.acknowledgedAt,
                c.resolveDueAt, c.resolvedAt, c.followUpDueAt, c.followedUpAt, current == null ? null : current.dueAt(c), breached(c),
                c.escalatedAt, c.escalatedTo);
    }
}
