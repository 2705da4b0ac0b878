package io.guanxi.crm.activity;

import io.guanxi.crm.activity.api.ActivityCompletion;
import io.guanxi.crm.activity.api.ActivityRequest;
import io.guanxi.crm.activity.api.ActivityResponse;
import io.guanxi.crm.activity.api.CompleteActivityRequest;
import io.guanxi.crm.activity.api.NextActivity;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.interaction.Direction;
import io.guanxi.crm.interaction.InteractionLogged;
import io.guanxi.crm.interaction.InteractionService;
import io.guanxi.crm.interaction.api.InteractionRequest;
import io.guanxi.crm.interaction.api.NextFollowUp;
import io.guanxi.crm.notification.Notice;
import io.guanxi.crm.notification.NotificationKind;
import io.guanxi.crm.notification.Notifications;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.UserService;
import io.guanxi.crm.user.api.UserResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Activities people plan, do and move (待办/跟进计划). Anyone sees and acts on what is assigned to
 * them; managers and admins on the team's. An activity is about a customer the caller may see.
 */
@ApplicationScoped
public class ActivityService {

    /** What the list filters mean, resolved against the business time zone. */
    public enum DueWindow {
        OVERDUE, TODAY, WEEK
    }

    @Inject
    ActivityRepository activities;

    @Inject
    ActivityMapper mapper;

    @Inject
    ContactService contacts;

    @Inject
    UserService users;

    @Inject
    InteractionService interactions;

    @Inject
    CurrentUser currentUser;

    @Inject
    Notifications notifications;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Transactional
    public ActivityResponse create(ActivityRequest request) {
        contacts.requireContactForWriting(request.contactId());
        UUID assignee = assigneeFor(request.assigneeId(), request.contactId());
        Instant now = clock.instant();
        Activity activity = planned(request.contactId(), assignee, currentUser.id(), request.kind(), now);
        apply(request, activity, now);
        activities.persist(activity);
        activities.flush();
        activities.resetOverdueAnnouncement(activity.id, now);
        notifyAssignee(activity);
        return toResponse(activity);
    }

    @Transactional
    public ActivityResponse get(UUID id) {
        return toResponse(require(id, false));
    }

    @Transactional
    public ActivityResponse update(UUID id, String ifMatch, ActivityRequest request) {
        Activity activity = requireOpenForChange(id, ifMatch);
        if (!activity.contactId.equals(request.contactId())) {
            throw ProblemException.invalidField("contactId", "cannot change; an activity stays with its customer");
        }
        UUID before = activity.assigneeId;
        activity.assigneeId = request.assigneeId() == null ? activity.assigneeId
                : assigneeFor(request.assigneeId(), activity.contactId);
        apply(request, activity, clock.instant());
        activities.flush();
        activities.resetOverdueAnnouncement(activity.id, clock.instant());
        if (!activity.assigneeId.equals(before)) {
            notifyAssignee(activity);
        }
        return toResponse(activity);
    }

    @Transactional
    public ActivityResponse reschedule(UUID id, String ifMatch, Instant dueAt, LocalDate dueDate) {
        Activity activity = requireOpenForChange(id, ifMatch);
        setDue(activity, dueAt, dueDate, "dueAt");
        activity.updatedAt = clock.instant();
        activities.flush();
        activities.resetOverdueAnnouncement(activity.id, activity.updatedAt);
        return toResponse(activity);
    }

    @Transactional
    public ActivityResponse cancel(UUID id, String ifMatch, String reason) {
        Activity activity = requireOpenForChange(id, ifMatch);
        close(activity, ActivityStatus.CANCELLED, reason);
        activities.flush();
        return toResponse(activity);
    }

    /**
     * Done, with what came of it; in the same transaction it may log the interaction (the customer's
     * lastContactedAt and lead scores follow) and schedule the next follow-up.
     */
    @Transactional
    public ActivityCompletion complete(UUID id, String ifMatch, CompleteActivityRequest request) {
        Activity activity = requireOpenForChange(id, ifMatch);
        String outcome = trimToNull(request.outcome());
        boolean log = Boolean.TRUE.equals(request.logInteraction());
        if (log && outcome == null) {
            throw ProblemException.invalidField("outcome", "is required to log the interaction: it becomes its summary");
        }
        close(activity, ActivityStatus.DONE, outcome);
        activities.flush();
        if (log) {
            interactions.log(activity.contactId, new InteractionRequest(
                    request.channel() == null ? activity.kind.usualChannel() : request.channel(),
                    request.direction() == null ? Direction.OUTBOUND : request.direction(), null, outcome, null));
        }
        ActivityResponse next = request.next() == null ? null : toResponse(scheduleNext(activity, request.next()));
        return new ActivityCompletion(toResponse(activity), next);
    }

    @Transactional
    public PageResponse<ActivityResponse> list(String assignee, DueWindow due, LocalDate from, LocalDate to,
            ActivityStatus status, List<ActivityKind> kinds, UUID contactId, UUID leadId, UUID complaintId,
            Integer page, Integer size, String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, ActivityRepository.SORTABLE, "dueAt,asc");
        ZoneId zone = zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Instant now = clock.instant();
        Instant overdueBy = null;
        Instant dueFrom = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant dueBefore = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        ActivityStatus wanted = status;
        if (due != null) {
            if (from != null || to != null) {
                throw ProblemException.invalidField("due", "give due or from/to, not both");
            }
            switch (due) {
                case OVERDUE -> {
                    overdueBy = now;
                    wanted = ActivityStatus.OPEN;
                }
                case TODAY -> {
                    dueFrom = today.atStartOfDay(zone).toInstant();
                    dueBefore = today.plusDays(1).atStartOfDay(zone).toInstant();
                }
                case WEEK -> {
                    dueFrom = today.atStartOfDay(zone).toInstant();
                    dueBefore = today.plusDays(7).atStartOfDay(zone).toInstant();
                }
            }
        }
        if (contactId != null) {
            contacts.requireVisibleContact(contactId);
        }
        ActivityRepository.Page result = activities.list(new ActivityQuery(assigneeFilter(assignee), wanted, overdueBy,
                dueFrom, dueBefore, kinds == null || kinds.isEmpty() ? null : kinds, contactId, leadId, complaintId), paging);
        return new PageResponse<>(toResponses(result.items()), paging.page(), paging.size(), result.total());
    }

    /** An interaction logged with a next follow-up plans it for its author, about the same customer. */
    void onInteractionLogged(@Observes InteractionLogged event) {
        NextFollowUp next = event.next();
        if (next == null) {
            return;
        }
        Activity activity = planned(event.contactId(), event.authorId(), event.authorId(),
                ActivityKind.of(next.channel() == null ? event.channel() : next.channel()), clock.instant());
        activity.note = trimToNull(next.note());
        setDue(activity, next.dueAt(), next.dueDate(), "nextFollowUp.dueAt");
        activities.persist(activity);
    }

    /** Someone who plans work for another person tells them (nobody is told about their own). */
    private void notifyAssignee(Activity activity) {
        notifications.send(List.of(Notice.of(activity.assigneeId, NotificationKind.ACTIVITY_ASSIGNED, currentUser.id())
                .aboutActivity(activity.id).aboutContact(activity.contactId)));
    }

    private Activity scheduleNext(Activity done, NextActivity next) {
        Activity activity = planned(done.contactId, currentUser.id(), currentUser.id(), next.kind(), clock.instant());
        activity.leadId = done.leadId;
        activity.complaintId = done.complaintId;
        activity.title = trimToNull(next.title());
        activity.note = trimToNull(next.note());
        setDue(activity, next.dueAt(), next.dueDate(), "next.dueAt");
        activities.persist(activity);
        return activity;
    }

    /** A new open activity a person planned (normal priority until said otherwise; the due time is set next). */
    private static Activity planned(UUID contactId, UUID assigneeId, UUID createdBy, ActivityKind kind, Instant now) {
        Activity activity = new Activity();
        activity.id = Ids.newId();
        activity.contactId = contactId;
        activity.assigneeId = assigneeId;
        activity.kind = kind;
        activity.priority = ActivityPriority.NORMAL;
        activity.status = ActivityStatus.OPEN;
        activity.createdBy = createdBy;
        activity.createdAt = now;
        activity.updatedAt = now;
        return activity;
    }

    private void apply(ActivityRequest request, Activity activity, Instant now) {
        activity.kind = request.kind();
        activity.title = trimToNull(request.title());
        activity.note = trimToNull(request.note());
        activity.priority = request.priority() == null ? ActivityPriority.NORMAL : request.priority();
        setDue(activity, request.dueAt(), request.dueDate(), "dueAt");
        activity.updatedAt = now;
    }

    /** A due time, or a due day that falls overdue at its end; one of the two. */
    private void setDue(Activity activity, Instant dueAt, LocalDate dueDate, String field) {
        if ((dueAt == null) == (dueDate == null)) {
            throw ProblemException.invalidField(field, "give a due time (dueAt) or a due day (dueDate), one of them");
        }
        if (dueDate != null) {
            activity.dueAt = dueDate.atStartOfDay(zone()).toInstant();
            activity.overdueAt = dueDate.plusDays(1).atStartOfDay(zone()).toInstant();
            activity.allDay = true;
        } else {
            activity.dueAt = dueAt;
            activity.overdueAt = dueAt;
            activity.allDay = false;
        }
    }

    private void close(Activity activity, ActivityStatus status, String outcome) {
        Instant now = clock.instant();
        activity.status = status;
        activity.outcome = trimToNull(outcome);
        activity.completedBy = currentUser.id();
        activity.completedAt = now;
        activity.updatedAt = now;
    }

    private Activity require(UUID id, boolean forUpdate) {
        return activities.findVisible(id, forUpdate).orElseThrow(() -> ProblemException.notFound("Activity " + id));
    }

    /** Locked, at the version the client read, and still open (a closed one is a 409). */
    private Activity requireOpenForChange(UUID id, String ifMatch) {
        long expected = IfMatch.requiredVersion(ifMatch);
        Activity activity = require(id, true);
        if (activity.version != expected) {
            throw IfMatch.stale();
        }
        if (activity.status != ActivityStatus.OPEN) {
            throw new ProblemException(409, ProblemTypes.ILLEGAL_TRANSITION,
                    "Activity closed", "This activity is already " + activity.status);
        }
        return activity;
    }

    /**
     * Who does it: the caller when not given. Only managers and admins give someone else, who must be
     * active, able to work on customers, and able to see this one (a rep: its owner).
     */
    private UUID assigneeFor(UUID requested, UUID contactId) {
        UUID me = currentUser.id();
        if (requested == null || requested.equals(me)) {
            return me;
        }
        if (!currentUser.isManagerOrAdmin()) {
            throw ProblemException.forbidden("Only managers and admins give activities to someone else");
        }
        UserResponse user;
        try {
            user = users.get(requested);
        } catch (ProblemException e) {
            throw ProblemException.invalidField("assigneeId", "is not an active user");
        }
        if (!user.active()) {
            throw ProblemException.invalidField("assigneeId", "is not an active user");
        }
        Set<Role> roles = user.roles();
        boolean seesAll = roles.contains(Role.MANAGER) || roles.contains(Role.ADMIN) || roles.contains(Role.SERVICE_AGENT);
        if (!seesAll && !roles.contains(Role.SALES_REP)) {
            throw ProblemException.invalidField("assigneeId", "must be a sales rep, service agent or manager");
        }
        if (!seesAll && !requested.equals(contacts.get(contactId).ownerId())) {
            throw ProblemException.invalidField("assigneeId", "cannot see this customer: a rep works on the customers they own");
        }
        return requested;
    }

    /** "me" (the default), a user id (managers and admins), or "all" (everyone the caller may see). */
    private UUID assigneeFilter(String assignee) {
        if (assignee == null || assignee.isBlank() || assignee.equals("me")) {
            return currentUser.id();
        }
        if (assignee.equals("all")) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(assignee);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("assignee", "must be me, all or a user id");
        }
        return id;
    }

    private ActivityResponse toResponse(Activity activity) {
        return toResponses(List.of(activity)).get(0);
    }

    List<ActivityResponse> toResponses(List<Activity> items) {
        Set<UUID> contactIds = new HashSet<>();
        Set<UUID> userIds = new HashSet<>();
        items.forEach(a -> {
            contactIds.add(a.contactId);
            userIds.add(a.assigneeId);
        });
        Map<UUID, String> contactNames = contacts.names(contactIds);
        Map<UUID, String> userNames = users.displayNames(userIds);
        Instant now = clock.instant();
        ZoneId zone = zone();
        return items.stream().map(a -> mapper.toResponse(a, contactNames.get(a.contactId), userNames.get(a.assigneeId),
                a.allDay ? LocalDate.ofInstant(a.dueAt, zone) : null,
                a.status == ActivityStatus.OPEN && !a.overdueAt.isAfter(now))).toList();
    }

    private ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
