package io.guanxi.crm.lead;

import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.lead.api.LeadReach;
import io.guanxi.crm.lead.api.WaitingLead;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.paging.Slice;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The lead queues of a working day, published for the today page: the caller's own new leads, and for
 * managers the unassigned ones and how fast the team reaches new leads.
 */
@ApplicationScoped
public class LeadQueues {

    @Inject
    LeadQueueRepository queues;

    @Inject
    ScoringPolicyService policies;

    @Inject
    ContactService contacts;

    @Inject
    CurrentUser currentUser;

    /** The caller's leads nobody has contacted yet, highest score first. */
    @Transactional
    public Slice<WaitingLead> myNewLeads(int limit) {
        return Slice.of(queues.countNewLeadsOf(currentUser.id()), toWaiting(queues.newLeadsOf(currentUser.id(), limit)));
    }

    /** Managers and admins: open leads nobody owns, highest score first. */
    @Transactional
    public Slice<WaitingLead> unassigned(int limit) {
        if (!currentUser.isManagerOrAdmin()) {
            throw ProblemException.forbidden("Only managers and admins see the unassigned leads here");
        }
        return Slice.of(queues.countUnassigned(), toWaiting(queues.unassigned(limit)));
    }

    /** Managers: of the leads assigned since then, how many were reached within 24 hours. */
    @Transactional
    public LeadReach reachSince(Instant since) {
        if (!currentUser.has(Role.MANAGER) && !currentUser.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only managers and admins see team figures");
        }
        Tuple row = queues.contactedWithinADay(since);
        return new LeadReach(Rows.longValue(row, "assigned"), Rows.longValue(row, "contacted"));
    }

    private List<WaitingLead> toWaiting(List<Tuple> rows) {
        LeadScoringPolicy policy = policies.current();
        Map<java.util.UUID, String> names = contacts.namesOfVisibleLeads(rows.stream().map(r -> Rows.uuid(r, "contact_id")).toList());
        return rows.stream().map(r -> {
            BigDecimal score = Rows.decimal(r, "score");
            return new WaitingLead(Rows.uuid(r, "id"), Rows.uuid(r, "contact_id"), names.get(Rows.uuid(r, "contact_id")), score,
                    LeadScoring.level(score, policy), Rows.instant(r, "since"));
        }).toList();
    }
}
