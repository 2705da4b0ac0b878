package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.ComplaintEventResponse;
import io.guanxi.crm.complaint.api.ComplaintResponse;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Complaints as responses: names of customers and people, the SLA clock as of now and, for one complaint, its events. */
@ApplicationScoped
public class ComplaintViews {

    @Inject
    ComplaintRepository repository;

    @Inject
    SlaRules slaRules;

    @Inject
    ContactService contacts;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    ComplaintResponse one(Complaint c) {
        return of(List.of(c), true).get(0);
    }

    List<ComplaintResponse> of(List<Complaint> items, boolean withEvents) {
        if (items.isEmpty()) {
            return List.of();
        }
        Set<UUID> people = new HashSet<>();
        items.forEach(c -> {
            people.add(c.assigneeId);
            people.add(c.escalatedTo);
        });
        List<ComplaintRepository.EventRow> eventRows = withEvents ? repository.events(items.stream().map(c -> c.id).toList()) : List.of();
        eventRows.forEach(e -> people.add(e.actorId()));
        // One lookup for assignees, escalation managers and event authors alike.
        Map<UUID, String> names = users.displayNames(people.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<UUID, List<ComplaintEventResponse>> events = new HashMap<>();
        for (ComplaintRepository.EventRow e : eventRows) {
            events.computeIfAbsent(e.complaintId(), k -> new ArrayList<>()).add(new ComplaintEventResponse(e.action(), e.from(), e.to(),
                    e.text(), e.points(), e.actorId(), e.actorId() == null ? null : names.get(e.actorId()), e.at()));
        }
        Map<UUID, String> contactNames = contacts.names(items.stream().map(c -> c.contactId).collect(Collectors.toSet()));
        Map<Severity, SlaPolicy> policies = slaRules.policies();
        Instant now = clock.instant();
        return items.stream().map(c -> new ComplaintResponse(c.id, c.contactId, contactNames.get(c.contactId), c.channel, c.category,
                c.severity, c.description, c.relatedPurchaseId, c.state, ComplaintStateMachine.allowed(c.state), c.assigneeId,
                c.assigneeId == null ? null : names.get(c.assigneeId), c.acknowledgement, c.apology, c.attributedCause,
                c.causeExplanation, c.options, c.chosenOption, c.resolutionNote, c.compensationPoints, c.satisfaction, c.satisfactionComment,
                SlaRules.view(c, policies, now), c.reopenCount, c.createdAt, c.updatedAt, c.version,
                withEvents ? events.getOrDefault(c.id, List.of()) : null)).toList();
    }
}
