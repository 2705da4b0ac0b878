package io.guanxi.crm.complaint;

import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.activity.RuleActivity;
import io.guanxi.crm.complaint.api.ComplaintResponse;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.notification.Notice;
import io.guanxi.crm.notification.NotificationKind;
import io.guanxi.crm.notification.Notifications;
import io.guanxi.crm.complaint.api.StepRequests;
import io.guanxi.crm.platform.error.FieldError;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The four steps (and close, reopen, assign) as guarded transitions, each recorded with who, when and what was
 * written. Every one is an edit of the complaint: it names the version it was based on in If-Match (428 without,
 * 412 when someone else changed the complaint since). The row lock taken for the transition is an implementation
 * detail that keeps the SLA scan out meanwhile; the scan's flags do not bump the version.
 */
@ApplicationScoped
public class ComplaintWorkflow {

    @Inject
    ComplaintRepository repository;

    @Inject
    ComplaintViews views;

    @Inject
    SlaRules slaRules;

    @Inject
    ComplaintCompensation compensation;

    @Inject
    Visibility visibility;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    Event<ComplaintChanged> changed;

    @Inject
    RuleActivities activities;

    @Inject
    Notifications notifications;

    @Inject
    ContactService contacts;

    @Inject
    GuanxiConfig config;

    @Inject
    Event<ComplaintClosed> closed;

    @Transactional
    public ComplaintResponse acknowledge(UUID id, String ifMatch, StepRequests.Acknowledge step) {
        return transition(id, ifMatch, ComplaintAction.ACKNOWLEDGE, step.message(), (c, now) -> {
            c.acknowledgement = step.message();
            c.acknowledgedAt = c.acknowledgedAt == null ? now : c.acknowledgedAt;
            return null;
        });
    }

    @Transactional
    public ComplaintResponse identifyCause(UUID id, String ifMatch, StepRequests.IdentifyCause step) {
        return transition(id, ifMatch, ComplaintAction.IDENTIFY_CAUSE, step.apology() + " — " + step.explanation(), (c, now) -> {
            c.apology = step.apology();
            c.attributedCause = step.cause();
            c.causeExplanation = step.explanation();
            return null;
        });
    }

    @Transactional
    public ComplaintResponse offerSolutions(UUID id, String ifMatch, StepRequests.OfferSolutions step) {
        if (!ComplaintStateMachine.validOptionCount(step.options().size())) {
            throw new ProblemException(400, ProblemTypes.VALIDATION, "Validation failed",
                    "Offer the customer two or three options", List.of(new FieldError("options", "must hold 2 or 3 options")), Map.of());
        }
        return transition(id, ifMatch, ComplaintAction.OFFER_SOLUTIONS, String.join(" / ", step.options()), (c, now) -> {
            c.options = List.copyOf(step.options());
            c.chosenOption = null;
            return null;
        });
    }

    @Transactional
    public ComplaintResponse resolve(UUID id, String ifMatch, StepRequests.Resolve step) {
        long points = step.compensationPoints() == null ? 0 : step.compensationPoints();
        return transition(id, ifMatch, ComplaintAction.RESOLVE, step.note(), (c, now) -> {
            if (step.chosenOption() > c.options.size()) {
                throw ProblemException.invalidField("chosenOption", "must be one of the " + c.options.size() + " options offered");
            }
            if (points > 0) {
                compensation.give(c, points, c.options.get(step.chosenOption() - 1));
            }
            c.chosenOption = step.chosenOption();
            c.resolutionNote = step.note();
            c.resolvedAt = now;
            slaRules.startFollowUp(c, now);
            UUID owner = c.assigneeId != null ? c.assigneeId : currentUser.id();
            activities.scheduleOrReschedule(ActivityRule.COMPLAINT_FOLLOW_UP,
                    RuleActivity.forComplaint(owner, c.contactId, c.id, c.followUpDueAt), now);
            return points > 0 ? points : null;
        });
    }

    @Transactional
    public ComplaintResponse followUp(UUID id, String ifMatch, StepRequests.FollowUp step) {
        return transition(id, ifMatch, ComplaintAction.FOLLOW_UP, step.comment(), (c, now) -> {
            c.satisfaction = step.satisfaction();
            c.satisfactionComment = step.comment();
            c.followedUpAt = now;
            activities.completeForComplaint(c.id, ActivityRule.COMPLAINT_FOLLOW_UP, now);
            return null;
        });
    }

    @Transactional
    public ComplaintResponse close(UUID id, String ifMatch) {
        return transition(id, ifMatch, ComplaintAction.CLOSE, null, (c, now) -> {
            c.closedAt = now;
            handToSales(c, now);
            closed.fire(new ComplaintClosed(c.id, c.contactId, now));
            return null;
        });
    }

    @Transactional
    public ComplaintResponse reopen(UUID id, String ifMatch, StepRequests.Reopen step) {
        return transition(id, ifMatch, ComplaintAction.REOPEN, step.reason(), (c, now) -> {
            c.reopenCount++;
            c.resolvedAt = c.followedUpAt = c.closedAt = null;
            c.options = null;
            c.chosenOption = null;
            slaRules.restartResolution(c, now);
            activities.completeForComplaint(c.id, null, now);
            return null;
        });
    }

    /**
     * Service hands the customer back to sales (001 §3.2): the sales owner asks a few days after the close
     * whether all is well. Not for a customer held by no one who sells (an integrator, a deactivated rep).
     */
    private void handToSales(Complaint c, Instant now) {
        int days = config.complaints().handoffAfterDays();
        ZoneId zone = ZoneId.of(config.zone());
        contacts.ownerOf(c.contactId).filter(users::mayOwnCustomers).ifPresent(owner -> activities.schedule(
                ActivityRule.SERVICE_HANDOFF, Map.of("days", Integer.toString(days)),
                List.of(RuleActivity.forComplaintOn(owner, c.contactId, c.id, LocalDate.ofInstant(now, zone).plusDays(days), zone)),
                null, now));
    }

    /** A manager (or an agent for themselves) assigns the complaint. */
    @Transactional
    public ComplaintResponse assign(UUID id, String ifMatch, UUID assigneeId) {
        long expected = IfMatch.requiredVersion(ifMatch);
        Complaint c = ComplaintService.requireVisible(repository, visibility, id, true);
        if (!currentUser.isManagerOrAdmin() && !currentUser.id().equals(assigneeId)) {
            throw ProblemException.forbidden("Only managers assign complaints to someone else");
        }
        if (c.version != expected) {
            throw IfMatch.stale();
        }
        c.assigneeId = ComplaintIntake.assignee(users, repository, assigneeId, "assigneeId");
        c.updatedAt = clock.instant();
        repository.flush();
        repository.insertEvent(c.id, "ASSIGN", c.state, c.state, users.displayNames(Set.of(c.assigneeId)).get(c.assigneeId), null,
                currentUser.id(), c.updatedAt);
        notifications.send(List.of(Notice.of(c.assigneeId, NotificationKind.COMPLAINT_ASSIGNED, currentUser.id())
                .aboutComplaint(c.id).aboutContact(c.contactId)));
        return views.one(c);
    }

    /** One step's change; returns the compensation points it gave, or null. */
    private interface Step {
        Long apply(Complaint complaint, Instant now);
    }

    /** Checks who may, locks the complaint, checks If-Match and that the transition is legal, applies it and records it. */
    private ComplaintResponse transition(UUID id, String ifMatch, ComplaintAction action, String text, Step step) {
        if (!currentUser.isManagerOrAdmin() && !currentUser.has(Role.SERVICE_AGENT)) {
            throw ProblemException.forbidden("Service agents and managers work complaints");
        }
        long expected = IfMatch.requiredVersion(ifMatch);
        Complaint c = ComplaintService.requireVisible(repository, visibility, id, true);
        if (c.version != expected) {
            throw IfMatch.stale();
        }
        ComplaintState from = c.state;
        ComplaintState to = ComplaintStateMachine.next(from, action);
        if (to == null) {
            throw new ProblemException(409, ProblemTypes.ILLEGAL_TRANSITION, "Illegal transition",
                    "A " + from + " complaint cannot " + action + "; allowed: " + ComplaintStateMachine.allowed(from), List.of(),
                    Map.of("state", from, "allowedActions", ComplaintStateMachine.allowed(from)));
        }
        Instant now = clock.instant();
        Long points = step.apply(c, now);
        c.state = to;
        c.updatedAt = now;
        if (c.assigneeId == null && currentUser.has(Role.SERVICE_AGENT)) {
            c.assigneeId = currentUser.id();
        }
        repository.flush();
        repository.insertEvent(c.id, action.name(), from, to, text, points, currentUser.id(), now);
        changed.fire(new ComplaintChanged(c.contactId, c.id, to));
        return views.one(c);
    }
}
