package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.UrgentComplaint;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.paging.Slice;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The complaints of a service agent's working day, published for the today page. */
@ApplicationScoped
public class ComplaintQueues {

    @Inject
    ComplaintQueueRepository queues;

    @Inject
    ContactService contacts;

    @Inject
    CurrentUser currentUser;

    /** The caller's open complaints and the unassigned ones, nearest deadline first. */
    @Transactional
    public Slice<UrgentComplaint> urgent(int limit) {
        if (!currentUser.has(Role.SERVICE_AGENT) && !currentUser.isManagerOrAdmin()) {
            throw ProblemException.forbidden("Only service agents, managers and admins work complaints");
        }
        List<Tuple> rows = queues.urgent(currentUser.id(), limit);
        Map<UUID, String> names = contacts.names(rows.stream().map(r -> Rows.uuid(r, "contact_id")).toList());
        return Slice.of(queues.count(currentUser.id()), rows.stream().map(r -> new UrgentComplaint(Rows.uuid(r, "id"),
                Rows.uuid(r, "contact_id"), names.get(Rows.uuid(r, "contact_id")), Rows.enumValue(r, "severity", Severity.class),
                Rows.enumValue(r, "state", ComplaintState.class), Rows.instant(r, "next_due_at"), Rows.bool(r, "breached"),
                Rows.bool(r, "unassigned"))).toList());
    }
}
