package io.guanxi.crm.complaint;

import io.guanxi.crm.notification.Notice;
import io.guanxi.crm.notification.NotificationKind;
import io.guanxi.crm.notification.Notifications;
import io.guanxi.crm.complaint.api.ComplaintRequest;
import io.guanxi.crm.complaint.api.ComplaintResponse;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.User;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Taking in a complaint: checks, the SLA clocks started, and an assignee (the one asked for, or the least-loaded agent). */
@ApplicationScoped
public class ComplaintIntake {

    @Inject
    Notifications notifications;

    @Inject
    ComplaintRepository repository;

    @Inject
    SlaRules slaRules;

    @Inject
    ComplaintViews views;

    @Inject
    ContactService contacts;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    Event<ComplaintChanged> changed;

    @Transactional
    public ComplaintResponse create(ComplaintRequest request) {
        contacts.requireContactForWriting(request.contactId());
        if (request.relatedPurchaseId() != null
                && !repository.customerOfPurchase(request.relatedPurchaseId()).map(request.contactId()::equals).orElse(false)) {
            throw ProblemException.invalidField("relatedPurchaseId", "is not a purchase of this contact");
        }
        Instant now = clock.instant();
        Complaint c = new Complaint();
        c.id = Ids.newId();
        c.contactId = request.contactId();
        c.channel = request.channel();
        c.category = request.category();
        c.severity = request.severity();
        c.description = request.description().trim();
        c.relatedPurchaseId = request.relatedPurchaseId();
        c.state = ComplaintState.RECEIVED;
        c.assigneeId = assignee(users, repository, request.assigneeId(), "assigneeId");
        c.receivedAt = c.createdAt = c.updatedAt = now;
        slaRules.start(c, now);
        c.createdBy = currentUser.id();
        repository.persistAndFlush(c);
        repository.insertEvent(c.id, "RECEIVE", null, ComplaintState.RECEIVED, c.description, null, currentUser.id(), now);
        changed.fire(new ComplaintChanged(c.contactId, c.id, c.state));
        if (c.assigneeId != null) {
            notifications.send(java.util.List.of(Notice.of(c.assigneeId, NotificationKind.COMPLAINT_ASSIGNED, currentUser.id())
                    .aboutComplaint(c.id).aboutContact(c.contactId)));
        }
        return views.one(c);
    }

    /** The requested assignee if an active service agent (else 400), or without one the least-loaded agent. */
    static UUID assignee(UserService users, ComplaintRepository repository, UUID requested, String field) {
        if (requested != null) {
            User user = users.find(requested);
            if (!user.active || !user.roles.contains(Role.SERVICE_AGENT)) {
                throw ProblemException.invalidField(field, "must be an active service agent");
            }
            return requested;
        }
        return repository.leastLoadedAgent().orElse(null);
    }
}
