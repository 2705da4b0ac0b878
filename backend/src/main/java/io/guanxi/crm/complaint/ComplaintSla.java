package io.guanxi.crm.complaint;

import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.activity.RuleActivity;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The SLA scan (SPEC §7): flags every deadline that passed, once — the breach columns are only set
 * where they are empty, so a complaint breaches and escalates one time however often the scan runs —
 * escalates to a manager (an activity on their list, and a notification) and warns the agent before a resolution is due.
 * Set-based statements ({@link ComplaintRepository#flagBreaches}, {@link ComplaintRepository#markWarned}); each
 * reads a small partial index of what can still breach, never the table. The deadlines and the warning time are
 * those of {@link SlaRules}.
 */
@ApplicationScoped
public class ComplaintSla {

    private static final Logger LOG = Logger.getLogger(ComplaintSla.class);

    public record ScanResult(long acknowledgeBreaches, long resolveBreaches, long followUpBreaches, long warnings) {
        public long total() {
            return acknowledgeBreaches + resolveBreaches + followUpBreaches + warnings;
        }
    }

    @Inject
    ComplaintRepository repository;

    @Inject
    Clock clock;

    @Inject
    RuleActivities activities;

    @Scheduled(every = "{guanxi.complaints.sla-scan-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "complaint-sla-scan")
    @Nonconcurrent
    void scheduled() {
        ScanResult result = scan(clock.instant());
        if (result.total() > 0) {
            LOG.infof("Complaint SLA scan: %s", result);
        }
    }

    /** Flags, escalates and warns as of {@code now}; safe to run any number of times. */
    @Transactional
    public ScanResult scan(Instant now) {
        long ack = breach(SlaDeadline.ACKNOWLEDGE, now);
        long resolve = breach(SlaDeadline.RESOLVE, now);
        long followUp = breach(SlaDeadline.FOLLOW_UP, now);
        List<RuleActivity> warned = repository.markWarned(now).stream()
                .map(r -> RuleActivity.forComplaint(r.person(), r.contactId(), r.id(), r.dueAt())).toList();
        activities.schedule(ActivityRule.COMPLAINT_SLA_WARNING, Map.of(), warned, null, now);
        return new ScanResult(ack, resolve, followUp, warned.size());
    }

    /**
     * Flags one kind of breach and puts each escalation on the least busy manager's list; the activity
     * says which deadline was missed as a parameter ({@code missed}: ACKNOWLEDGE, RESOLVE or FOLLOW_UP).
     */
    private long breach(SlaDeadline deadline, Instant now) {
        UUID manager = activities.leastBusy(repository.activeManagers(), ActivityRule.COMPLAINT_ESCALATED);
        List<ComplaintRepository.ScanRow> breached = repository.flagBreaches(deadline, manager, now);
        activities.schedule(ActivityRule.COMPLAINT_ESCALATED, Map.of("missed", deadline.name()),
                breached.stream().filter(r -> r.person() != null)
                        .map(r -> RuleActivity.forComplaint(r.person(), r.contactId(), r.id(), now)).toList(), null, now);
        return breached.size();
    }
}
