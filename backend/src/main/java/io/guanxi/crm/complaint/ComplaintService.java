package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.ComplaintResponse;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.visibility.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading complaints: one, a filtered page, a contact's, and whether a customer is at churn risk. A complaint is
 * visible with its customer (agents and managers see all, a rep the complaints of their own customers). Intake is
 * {@link ComplaintIntake}, the steps {@link ComplaintWorkflow}, the SLA rules {@link SlaRules}.
 */
@ApplicationScoped
public class ComplaintService {

    @Inject
    ComplaintRepository repository;

    @Inject
    ComplaintViews views;

    @Inject
    Visibility visibility;

    @Transactional
    public ComplaintResponse get(UUID id) {
        return views.one(requireVisible(repository, visibility, id, false));
    }

    @Transactional
    public PageResponse<ComplaintResponse> list(ComplaintState state, Severity severity, ComplaintCategory category, UUID assigneeId,
            UUID contactId, Boolean open, Boolean breached, Integer page, Integer size, String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, ComplaintRepository.SORTABLE, "receivedAt,desc");
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of(ComplaintRepository.visibleCustomers(visibility).into(params)));
        if (state != null) {
            where.add("c.state = :state");
            params.put("state", state.name());
        }
        if (severity != null) {
            where.add("c.severity = :severity");
            params.put("severity", severity.name());
        }
        if (category != null) {
            where.add("c.category = :category");
            params.put("category", category.name());
        }
        if (assigneeId != null) {
            where.add("c.assignee_id = :assignee");
            params.put("assignee", assigneeId);
        }
        if (contactId != null) {
            where.add("c.contact_id = :contact");
            params.put("contact", contactId);
        }
        if (open != null) {
            where.add("c.state " + (open ? "" : "NOT ") + "IN " + ComplaintState.OPEN_SQL);
        }
        if (breached != null) {
            where.add((breached ? "" : "NOT ")
                    + "(c.acknowledge_breached_at IS NOT NULL OR c.resolve_breached_at IS NOT NULL OR c.follow_up_breached_at IS NOT NULL)");
        }
        long total = repository.countWhere(where, params);
        List<Complaint> items = total == 0 ? List.of() : repository.page(where, params, paging);
        return new PageResponse<>(views.of(items, false), paging.page(), paging.size(), total);
    }

    /** Complaints of one contact for its 360 view (the caller may see the contact). */
    @Transactional
    public List<ComplaintResponse> ofContact(UUID contactId) {
        return views.of(repository.ofContact(contactId, 20), false);
    }

    /** An open HIGH or CRITICAL complaint puts the customer at churn risk (SPEC §7, §8). */
    @Transactional
    public boolean churnRisk(UUID contactId) {
        return repository.hasChurnRiskComplaint(contactId);
    }

    /** The complaint if the caller may see it (with its customer), else the same 404 as for a missing one. */
    static Complaint requireVisible(ComplaintRepository repository, Visibility visibility, UUID id, boolean forTransition) {
        Complaint c = forTransition ? repository.findForTransition(id) : repository.findById(id);
        if (c == null || !visibility.contactVisible(c.contactId)) {
            throw ProblemException.notFound("Complaint " + id);
        }
        return c;
    }
}
