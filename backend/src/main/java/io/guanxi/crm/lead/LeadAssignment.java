package io.guanxi.crm.lead;

import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.user.Seniority;
import io.guanxi.crm.user.UserService;
import io.guanxi.crm.notification.Notice;
import io.guanxi.crm.notification.NotificationKind;
import io.guanxi.crm.notification.Notifications;
import io.guanxi.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides who works a lead nobody owns (SPEC §3): the first active rule whose region, industry and
 * minimum score match picks from its pool; without one, a HIGH_VALUE lead goes to the least-loaded
 * senior rep, and the rest wait in the priority or potential queue. The decision is recorded.
 */
@ApplicationScoped
public class LeadAssignment {

    @Inject
    AssignmentRuleRepository rules;

    @Inject
    LeadRepository leads;

    @Inject
    UserService users;

    @Inject
    ContactService contacts;

    @Inject
    ScoringPolicyService policies;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    @Inject
    CurrentUser currentUser;

    public void assign(Lead lead) {
        Set<UUID> activeReps = new HashSet<>(users.activeSalesReps(null));
        for (AssignmentRule rule : rules.active()) {
            if (!rule.matches(lead)) {
                continue;
            }
            List<UUID> pool = rule.assigneeIds.stream().filter(activeReps::contains).toList();
            if (pool.isEmpty()) {
                continue;
            }
            UUID owner = rule.strategy == AssignmentStrategy.ROUND_ROBIN ? nextInTurn(rule, pool) : leastLoaded(pool);
            record(lead, owner, rule.id, AssignmentKind.RULE, rule.name);
            return;
        }
        LeadScoringPolicy policy = policies.current();
        switch (LeadScoring.level(lead.score, policy)) {
            case HIGH_VALUE -> {
                List<UUID> seniors = users.activeSalesReps(Seniority.SENIOR);
                if (seniors.isEmpty()) {
                    record(lead, null, null, AssignmentKind.PRIORITY_QUEUE, null);
                } else {
                    record(lead, leastLoaded(seniors), null, AssignmentKind.HIGH_VALUE, null);
                }
            }
            case PRIORITY -> record(lead, null, null, AssignmentKind.PRIORITY_QUEUE, null);
            case STANDARD -> record(lead, null, null, AssignmentKind.POTENTIAL_QUEUE, null);
        }
    }

    /** A manager's choice, recorded as such. */
    public void assignManually(Lead lead, UUID owner, String managerName) {
        record(lead, owner, null, AssignmentKind.MANAGER, managerName);
    }

    /**
     * The kind says what decided (the web app words it in the reader's language); the reason is only
     * the name it refers to — the rule's, the manager's — never a sentence.
     */
    private void record(Lead lead, UUID owner, UUID ruleId, AssignmentKind kind, String reason) {
        lead.ownerId = owner;
        lead.assignmentKind = kind;
        lead.assignedByRule = ruleId;
        lead.assignmentReason = reason;
        lead.assignedAt = owner == null ? null : clock.instant();
        if (owner != null) {
            contacts.handOverCaptured(lead.contactId, owner);
            // A rule's choice has no actor; a manager's is theirs.
            notifications.send(List.of(Notice.of(owner, NotificationKind.LEAD_ASSIGNED,
                    kind == AssignmentKind.MANAGER ? currentUser.id() : null).aboutLead(lead.id).aboutContact(lead.contactId)));
        }
    }

    /** Takes the rule's turn counter atomically, so parallel captures do not pick the same rep twice in a row. */
    private UUID nextInTurn(AssignmentRule rule, List<UUID> pool) {
        long turn = rules.takeTurn(rule.id);
        return pool.get(Math.floorMod(turn, pool.size()));
    }

    private UUID leastLoaded(List<UUID> pool) {
        Map<UUID, Long> load = leads.openLeadsOwnedBy(pool);
        return pool.stream().min((a, b) -> Long.compare(load.getOrDefault(a, 0L), load.getOrDefault(b, 0L)))
                .orElseThrow();
    }
}
