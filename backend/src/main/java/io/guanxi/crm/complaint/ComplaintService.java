package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.ComplaintEventResponse;
import io.guanxi.crm.complaint.api.ComplaintRequest;
import io.guanxi.crm.complaint.api.ComplaintResponse;
import io.guanxi.crm.complaint.api.StepRequests;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.loyalty.LoyaltyAccounts;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.activity.RuleActivity;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.SqlValues;
import io.guanxi.crm.platform.error.FieldError;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.User;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
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

/**
 * Complaints: intake with assignment, the four steps as guarded transitions (each recorded with who,
 * when and what was written), SLA due times, and visibility (agents and managers see all, a rep the
 * complaints of their own customers).
 */
@ApplicationScoped
public class ComplaintService {

    public static final Map<String, String> SORTABLE = Map.of("receivedAt", "c.received_at", "severity",
            "array_position(ARRAY['LOW','MEDIUM','HIGH','CRITICAL'], c.severity)", "resolveDueAt", "c.resolve_due_at");

    @Inject
    EntityManager em;

    @Inject
    ContactService contacts;

    @Inject
    Visibility visibility;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    LoyaltyAccounts loyalty;

    @Inject
    GuanxiConfig config;

    @Inject
    RuleActivities activities;

    @Transactional
    public ComplaintResponse create(ComplaintRequest request) {
        contacts.requireVisibleContact(request.contactId());
        if (request.relatedPurchaseId() != null) {
            Object owner = em.createNativeQuery("SELECT contact_id FROM purchase WHERE id = :id")
                    .setParameter("id", request.relatedPurchaseId()).getResultStream().findFirst().orElse(null);
            if (!request.contactId().equals(owner)) {
                throw ProblemException.invalidField("relatedPurchaseId", "is not a purchase of this contact");
            }
        }
        Instant now = clock.instant();
        SlaPolicy sla = sla(request.severity());
        Complaint c = new Complaint();
        c.id = Ids.newId();
        c.contactId = request.contactId();
        c.channel = request.channel();
        c.category = request.category();
        c.severity = request.severity();
        c.description = request.description().trim();
        c.relatedPurchaseId = request.relatedPurchaseId();
        c.state = ComplaintState.RECEIVED;
        c.assigneeId = assigneeFor(request.assigneeId());
        c.receivedAt = c.createdAt = c.updatedAt = now;
        c.acknowledgeDueAt = now.plus(Duration.ofMinutes(sla.acknowledgeMinutes));
        c.resolveDueAt = now.plus(Duration.ofMinutes(sla.resolveMinutes));
        c.createdBy = currentUser.id();
        em.persist(c);
        em.flush();
        event(c.id, "RECEIVE", null, ComplaintState.RECEIVED, c.description, now);
        return toResponse(c, true);
    }

    @Transactional
    public ComplaintResponse get(UUID id) {
        return toResponse(requireVisible(id, false), true);
    }

    @Transactional
    public PageResponse<ComplaintResponse> list(ComplaintState state, Severity severity, ComplaintCategory category, UUID assigneeId,
            UUID contactId, Boolean open, Boolean breached, Integer page, Integer size, String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, SORTABLE, "receivedAt,desc");
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of(visibility.contactSql("ct").into(params)));
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
        String from = " FROM complaint c JOIN contact ct ON ct.id = c.contact_id WHERE " + (where.isEmpty() ? "true" : String.join(" AND ", where));
        var count = em.createNativeQuery("SELECT count(*)" + from);
        params.forEach(count::setParameter);
        long total = SqlValues.longValue(count.getSingleResult());
        var select = em.createNativeQuery("SELECT c.*" + from + " ORDER BY " + paging.orderBySql() + ", c.id LIMIT :size OFFSET :offset",
                Complaint.class);
        params.forEach(select::setParameter);
        @SuppressWarnings("unchecked")
        List<Complaint> items = total == 0 ? List.of()
                : select.setParameter("size", paging.size()).setParameter("offset", paging.offset()).getResultList();
        return new PageResponse<>(toResponses(items, false), paging.page(), paging.size(), total);
    }

    /** Complaints of one contact for its 360 view (the caller may see the contact). */
    @Transactional
    public List<ComplaintResponse> ofContact(UUID contactId) {
        List<Complaint> items = em.createQuery("from Complaint c where c.contactId = :c order by c.receivedAt desc, c.id",
                Complaint.class).setParameter("c", contactId).setMaxResults(20).getResultList();
        return toResponses(items, false);
    }

    /** An open HIGH or CRITICAL complaint puts the customer at churn risk (SPEC §7, §8). */
    @Transactional
    public boolean churnRisk(UUID contactId) {
        return !em.createNativeQuery("""
                SELECT 1 FROM complaint WHERE contact_id = :c AND severity IN %s
                  AND state IN %s LIMIT 1""".formatted(Severity.CHURN_RISK_SQL, ComplaintState.AWAITING_RESOLUTION_SQL)).setParameter("c", contactId)
                .getResultList().isEmpty();
    }

    @Transactional
    public ComplaintResponse acknowledge(UUID id, StepRequests.Acknowledge step) {
        return transition(id, ComplaintAction.ACKNOWLEDGE, step.message(), (c, now) -> {
            c.acknowledgement = step.message();
            c.acknowledgedAt = c.acknowledgedAt == null ? now : c.acknowledgedAt;
        });
    }

    @Transactional
    public ComplaintResponse identifyCause(UUID id, StepRequests.IdentifyCause step) {
        return transition(id, ComplaintAction.IDENTIFY_CAUSE, step.apology() + " — " + step.explanation(), (c, now) -> {
            c.apology = step.apology();
            c.attributedCause = step.cause();
            c.causeExplanation = step.explanation();
        });
    }

    @Transactional
    public ComplaintResponse offerSolutions(UUID id, StepRequests.OfferSolutions step) {
        if (!ComplaintStateMachine.validOptionCount(step.options().size())) {
            throw new ProblemException(400, ProblemTypes.VALIDATION, "Validation failed",
                    "Offer the customer two or three options", List.of(new FieldError("options", "must hold 2 or 3 options")), Map.of());
        }
        return transition(id, ComplaintAction.OFFER_SOLUTIONS, String.join(" / ", step.options()), (c, now) -> {
            c.options = List.copyOf(step.options());
            c.chosenOption = null;
        });
    }

    @Transactional
    public ComplaintResponse resolve(UUID id, StepRequests.Resolve step) {
        int compensation = step.compensationPoints() == null ? 0 : step.compensationPoints();
        String text = compensation == 0 ? step.note() : step.note() + " (+" + compensation + " points)";
        return transition(id, ComplaintAction.RESOLVE, text, (c, now) -> {
            if (step.chosenOption() > c.options.size()) {
                throw ProblemException.invalidField("chosenOption", "must be one of the " + c.options.size() + " options offered");
            }
            if (compensation > 0) {
                if (compensation > config.loyalty().agentCompensationLimit() && !currentUser.isManagerOrAdmin()) {
                    throw ProblemException.forbidden("Compensation above " + config.loyalty().agentCompensationLimit()
                            + " points needs a manager");
                }
                loyalty.compensate(c.contactId, compensation, "Complaint compensation: " + c.options.get(step.chosenOption() - 1),
                        currentUser.id());
                c.compensationPoints += compensation;
            }
            c.chosenOption = step.chosenOption();
            c.resolutionNote = step.note();
            c.resolvedAt = now;
            c.followUpDueAt = now.plus(Duration.ofMinutes(sla(c.severity).followUpMinutes));
            c.followUpBreachedAt = null;
            followUpActivity(c, now);
        });
    }

    @Transactional
    public ComplaintResponse followUp(UUID id, StepRequests.FollowUp step) {
        return transition(id, ComplaintAction.FOLLOW_UP, step.comment(), (c, now) -> {
            c.satisfaction = step.satisfaction();
            c.satisfactionComment = step.comment();
            c.followedUpAt = now;
            activities.completeForComplaint(c.id, ActivityRule.COMPLAINT_FOLLOW_UP, now);
        });
    }

    @Transactional
    public ComplaintResponse close(UUID id) {
        return transition(id, ComplaintAction.CLOSE, null, (c, now) -> c.closedAt = now);
    }

    @Transactional
    public ComplaintResponse reopen(UUID id, StepRequests.Reopen step) {
        return transition(id, ComplaintAction.REOPEN, step.reason(), (c, now) -> {
            c.reopenCount++;
            c.resolvedAt = c.followedUpAt = c.closedAt = c.followUpDueAt = null;
            c.options = null;
            c.chosenOption = null;
            c.resolveDueAt = now.plus(Duration.ofMinutes(sla(c.severity).resolveMinutes));
            c.resolveBreachedAt = null;
            c.warnedAt = null;
            activities.completeForComplaint(c.id, null, now);
        });
    }

    /** A manager (or the agent for themselves) assigns the complaint. */
    @Transactional
    public ComplaintResponse assign(UUID id, UUID assigneeId) {
        Complaint c = requireVisible(id, true);
        if (!currentUser.isManagerOrAdmin() && !currentUser.id().equals(assigneeId)) {
            throw ProblemException.forbidden("Only managers assign complaints to someone else");
        }
        c.assigneeId = assigneeFor(assigneeId);
        c.updatedAt = clock.instant();
        event(c.id, "ASSIGN", c.state, c.state, users.displayNames(Set.of(c.assigneeId)).get(c.assigneeId), c.updatedAt);
        em.flush();
        return toResponse(c, true);
    }

    private interface Step {
        void apply(Complaint complaint, Instant now);
    }

    /** Locks the complaint, checks the transition is legal from its current state, applies it and records it. */
    private ComplaintResponse transition(UUID id, ComplaintAction action, String text, Step step) {
        if (!currentUser.isManagerOrAdmin() && !currentUser.has(Role.SERVICE_AGENT)) {
            throw ProblemException.forbidden("Service agents and managers work complaints");
        }
        Complaint c = requireVisible(id, true);
        ComplaintState from = c.state;
        ComplaintState to = ComplaintStateMachine.next(from, action);
        if (to == null) {
            throw new ProblemException(409, ProblemTypes.ILLEGAL_TRANSITION, "Illegal transition",
                    "A " + from + " complaint cannot " + action + "; allowed: " + ComplaintStateMachine.allowed(from), List.of(),
                    Map.of("state", from, "allowedActions", ComplaintStateMachine.allowed(from)));
        }
        Instant now = clock.instant();
        step.apply(c, now);
        c.state = to;
        c.updatedAt = now;
        if (c.assigneeId == null && currentUser.has(Role.SERVICE_AGENT)) {
            c.assigneeId = currentUser.id();
        }
        em.flush();
        event(c.id, action.name(), from, to, text, now);
        return toResponse(c, true);
    }

    private void followUpActivity(Complaint c, Instant now) {
        UUID owner = c.assigneeId != null ? c.assigneeId : currentUser.id();
        activities.scheduleOrReschedule(ActivityRule.COMPLAINT_FOLLOW_UP,
                RuleActivity.forComplaint(owner, c.contactId, c.id, c.followUpDueAt), now);
    }

    void event(UUID complaintId, String action, ComplaintState from, ComplaintState to, String text, Instant at) {
        em.createNativeQuery("""
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, actor_id, at)
                VALUES (:c, :action, CAST(:from AS varchar), :to, CAST(:text AS varchar), :actor, :at)""")
                .setParameter("c", complaintId).setParameter("action", action).setParameter("from", from == null ? null : from.name())
                .setParameter("to", to.name()).setParameter("text", text).setParameter("actor", currentUser.id())
                .setParameter("at", at).executeUpdate();
    }

    private UUID assigneeFor(UUID requested) {
        if (requested != null) {
            User user = users.find(requested);
            if (!user.active || !user.roles.contains(Role.SERVICE_AGENT)) {
                throw ProblemException.invalidField("assigneeId", "must be an active service agent");
            }
            return requested;
        }
        // The least-loaded active service agent (open complaints), so intake never waits for a dispatcher.
        List<?> agents = em.createNativeQuery("""
                SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'SERVICE_AGENT'
                WHERE u.active
                ORDER BY (SELECT count(*) FROM complaint c WHERE c.assignee_id = u.id AND c.state IN %s), u.id
                LIMIT 1""".formatted(ComplaintState.OPEN_SQL), UUID.class).getResultList();
        return agents.isEmpty() ? null : (UUID) agents.get(0);
    }

    SlaPolicy sla(Severity severity) {
        return em.find(SlaPolicy.class, severity);
    }

    private Complaint requireVisible(UUID id, boolean lock) {
        Complaint c = lock ? em.find(Complaint.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Complaint.class, id);
        // A complaint is visible with its customer.
        if (c == null || !visibility.contactVisible(c.contactId)) {
            throw ProblemException.notFound("Complaint " + id);
        }
        return c;
    }

    private ComplaintResponse toResponse(Complaint c, boolean withEvents) {
        return toResponses(List.of(c), withEvents).get(0);
    }

    private List<ComplaintResponse> toResponses(List<Complaint> items, boolean withEvents) {
        if (items.isEmpty()) {
            return List.of();
        }
        Set<UUID> people = new HashSet<>();
        items.forEach(c -> {
            people.add(c.assigneeId);
            people.add(c.escalatedTo);
        });
        List<Tuple> eventRows = List.of();
        if (withEvents) {
            List<Tuple> rows = Rows.list(em.createNativeQuery("""
                    SELECT complaint_id AS complaint_id, action AS action, from_state AS from_state, to_state AS to_state, text AS text,
                           actor_id AS actor_id, at AS at FROM complaint_event
                    WHERE complaint_id = ANY(:ids) ORDER BY at, id""", Tuple.class)
                    .setParameter("ids", items.stream().map(c -> c.id).toArray(UUID[]::new)));
            eventRows = rows;
            rows.forEach(r -> people.add(Rows.uuid(r, "actor_id")));
        }
        // One lookup for assignees, escalation managers and event authors alike.
        Map<UUID, String> names = users.displayNames(people.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<UUID, List<ComplaintEventResponse>> events = new HashMap<>();
        for (Tuple r : eventRows) {
            UUID actor = Rows.uuid(r, "actor_id");
            events.computeIfAbsent(Rows.uuid(r, "complaint_id"), k -> new ArrayList<>()).add(new ComplaintEventResponse(
                    Rows.string(r, "action"), Rows.enumValue(r, "from_state", ComplaintState.class),
                    Rows.enumValue(r, "to_state", ComplaintState.class), Rows.string(r, "text"), actor,
                    actor == null ? null : names.get(actor), Rows.instant(r, "at")));
        }
        Map<UUID, String> contactNames = contacts.names(items.stream().map(c -> c.contactId).collect(Collectors.toSet()));
        return items.stream().map(c -> new ComplaintResponse(c.id, c.contactId, contactNames.get(c.contactId), c.channel, c.category,
                c.severity, c.description, c.relatedPurchaseId, c.state, ComplaintStateMachine.allowed(c.state), c.assigneeId,
                c.assigneeId == null ? null : names.get(c.assigneeId), c.acknowledgement, c.apology, c.attributedCause,
                c.causeExplanation, c.options, c.chosenOption, c.resolutionNote, c.compensationPoints, c.satisfaction, c.satisfactionComment, sla(c),
                c.reopenCount, c.createdAt, c.updatedAt, c.version, withEvents ? events.getOrDefault(c.id, List.of()) : null)).toList();
    }

    static ComplaintResponse.Sla sla(Complaint c) {
        List<String> breached = new ArrayList<>();
        if (c.acknowledgeBreachedAt != null) {
            breached.add("ACKNOWLEDGE");
        }
        if (c.resolveBreachedAt != null) {
            breached.add("RESOLVE");
        }
        if (c.followUpBreachedAt != null) {
            breached.add("FOLLOW_UP");
        }
        Instant next = switch (c.state) {
            case RECEIVED -> c.acknowledgeDueAt;
            case ACKNOWLEDGED, CAUSE_IDENTIFIED, SOLUTIONS_OFFERED -> c.resolveDueAt;
            case RESOLVED -> c.followUpDueAt;
            case FOLLOWED_UP, CLOSED -> null;
        };
        return new ComplaintResponse.Sla(c.receivedAt, c.acknowledgeDueAt, c.acknowledgedAt, c.resolveDueAt, c.resolvedAt,
                c.followUpDueAt, c.followedUpAt, next, breached, c.escalatedAt, c.escalatedTo);
    }
}
