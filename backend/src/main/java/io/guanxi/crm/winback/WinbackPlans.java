package io.guanxi.crm.winback;

import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.activity.RuleActivities.PlannedActivity;
import io.guanxi.crm.activity.RuleActivity;
import io.guanxi.crm.campaign.Segments;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.user.UserService;
import io.guanxi.crm.winback.api.WinbackActRequest;
import io.guanxi.crm.winback.api.WinbackEventResponse;
import io.guanxi.crm.winback.api.WinbackOutcomeRequest;
import io.guanxi.crm.winback.api.WinbackPlanRequest;
import io.guanxi.crm.winback.api.WinbackPlanResponse;
import io.guanxi.crm.winback.api.WinbackProgress;
import io.guanxi.crm.winback.api.WinbackTargetResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * PDCA win-back plans (000: Plan → Do → Check → Act). Managers make plans; a plan's owner and managers move it on;
 * the owners of its customers record what their approach came to. A customer counts as won back when they buy (and
 * keep it) after the plan started and within its goal's days: measured from purchases, never said by hand.
 */
@ApplicationScoped
public class WinbackPlans {

    /** DO makes each owner's activity due within this many days (or by the check date, if sooner). */
    static final int ACTION_DAYS = 7;

    /** A plan reaches at most this many customers: more is a campaign, not a plan each owner works through. */
    static final int MAX_TARGETS = 500;

    @Inject
    Segments segments;

    @Inject
    WinbackRepository repository;

    @Inject
    Visibility visibility;

    @Inject
    CurrentUser currentUser;

    @Inject
    UserService users;

    @Inject
    ContactService contacts;

    @Inject
    RuleActivities activities;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Transactional
    public PageResponse<WinbackPlanResponse> list(WinbackState state, UUID ownerId, Integer page, Integer size, String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, WinbackRepository.SORTABLE, "checkDate,asc");
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of(WinbackRepository.visiblePlans(visibility, currentUser.id(), params)));
        if (state != null) {
            where.add("p.state = :state");
            params.put("state", state.name());
        }
        if (ownerId != null) {
            where.add("p.owner_id = :owner");
            params.put("owner", ownerId);
        }
        String condition = String.join(" AND ", where);
        List<WinbackPlan> plans = repository.page(condition, params, paging);
        return new PageResponse<>(views(plans), paging.page(), paging.size(), repository.countWhere(condition, params));
    }

    @Transactional
    public WinbackPlanResponse get(UUID id) {
        return view(requireVisible(id));
    }

    @Transactional
    public WinbackPlanResponse create(WinbackPlanRequest request) {
        Instant now = clock.instant();
        WinbackPlan plan = new WinbackPlan();
        plan.id = Ids.newId();
        plan.state = WinbackState.PLAN;
        plan.cycle = 1;
        plan.createdBy = currentUser.id();
        plan.createdAt = now;
        Targets targets = targets(request, now);
        apply(plan, request, targets, now);
        repository.persist(plan);
        repository.insertTargets(plan.id, targets.contactIds());
        repository.insertEvent(plan.id, null, WinbackState.PLAN, currentUser.id(), now);
        repository.flush();
        return view(plan);
    }

    @Transactional
    public WinbackPlanResponse update(UUID id, String ifMatch, WinbackPlanRequest request) {
        WinbackPlan plan = lockForChange(id, ifMatch);
        if (!WinbackStateMachine.editable(plan.state)) {
            throw illegal(plan.state, "edited");
        }
        Instant now = clock.instant();
        Targets targets = targets(request, now);
        // The plan's own changes come after this SQL: each flush of a changed plan would bump its version once more.
        if (!new HashSet<>(targets.contactIds()).equals(new HashSet<>(repository.targetContacts(plan.id)))) {
            repository.deleteTargets(plan.id);
            repository.insertTargets(plan.id, targets.contactIds());
        }
        apply(plan, request, targets, now);
        repository.flush();
        return view(plan);
    }

    /** DO: each customer's owner gets a WINBACK activity (the plan's owner when the customer's is no one who sells). */
    @Transactional
    public WinbackPlanResponse start(UUID id, String ifMatch) {
        return transition(id, ifMatch, WinbackAction.START, (plan, now) -> {
            List<WinbackRepository.TargetOwner> targets = repository.activeTargetsWithOwner(plan.id);
            if (targets.isEmpty()) {
                throw ProblemException.conflict("The plan has no customer left to win back");
            }
            ZoneId zone = ZoneId.of(config.zone());
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalDate due = today.plusDays(ACTION_DAYS).isBefore(plan.checkDate) ? today.plusDays(ACTION_DAYS)
                    : plan.checkDate.isBefore(today) ? today : plan.checkDate;
            Map<UUID, Boolean> sells = new HashMap<>();
            List<PlannedActivity> planned = new ArrayList<>();
            Map<String, String> params = Map.of("planId", plan.id.toString(), "plan", plan.name);
            for (WinbackRepository.TargetOwner target : targets) {
                UUID owner = target.ownerId() != null && sells.computeIfAbsent(target.ownerId(), users::mayOwnCustomers)
                        ? target.ownerId() : plan.ownerId;
                UUID activityId = Ids.newId();
                planned.add(new PlannedActivity(activityId, RuleActivity.forContactOn(owner, target.contactId(), due, zone), params));
                repository.linkActivity(target.targetId(), activityId);
            }
            activities.scheduleEach(ActivityRule.WINBACK, planned, now);
            plan.startedAt = now;
        });
    }

    /** CHECK: who bought again after the start, within the goal's days, against the goal; kept as measured. */
    @Transactional
    public WinbackPlanResponse check(UUID id, String ifMatch) {
        return transition(id, ifMatch, WinbackAction.CHECK, (plan, now) -> {
            WinbackRepository.Checked checked = repository.freezeWonBack(plan.id);
            plan.checkedAt = now;
            plan.checkedTargets = checked.targets();
            plan.checkedWonBack = checked.wonBack();
        });
    }

    /** ACT: what changes (policy, script, training) and, perhaps, the next cycle for the customers not won back. */
    @Transactional
    public WinbackPlanResponse act(UUID id, String ifMatch, WinbackActRequest request) {
        if (blank(request.policyChange()) && blank(request.scriptChange()) && blank(request.trainingChange())) {
            throw ProblemException.invalidField("policyChange", "say what changes: a policy, the script or training");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of(config.zone()));
        if (request.nextCycle() && (request.nextCheckDate() == null || !request.nextCheckDate().isAfter(today))) {
            throw ProblemException.invalidField("nextCheckDate", "the next cycle needs a check date after today");
        }
        return transition(id, ifMatch, WinbackAction.ACT, (plan, now) -> {
            if (request.nextCycle()) {
                openNextCycle(plan, request.nextCheckDate(), now);
            }
            plan.actedAt = now;
            plan.changePolicy = trimmed(request.policyChange());
            plan.changeScript = trimmed(request.scriptChange());
            plan.changeTraining = trimmed(request.trainingChange());
        });
    }

    @Transactional
    public WinbackPlanResponse cancel(UUID id, String ifMatch) {
        return transition(id, ifMatch, WinbackAction.CANCEL, (plan, now) -> {
        });
    }

    @Transactional
    public PageResponse<WinbackTargetResponse> targets(UUID id, Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, null, Map.of("id", "t.id"), "id");
        requireVisible(id);
        List<Tuple> rows = repository.targetPage(id, visibility, paging.size(), paging.offset());
        return new PageResponse<>(targetViews(rows), paging.page(), paging.size(), repository.countVisibleTargets(id, visibility));
    }

    /** The owner of a customer (or a manager) records what approaching them came to, while the plan is being done. */
    @Transactional
    public WinbackTargetResponse recordOutcome(UUID planId, UUID targetId, String ifMatch, WinbackOutcomeRequest request) {
        long expected = IfMatch.requiredVersion(ifMatch);
        WinbackPlan plan = requireVisible(planId);
        WinbackTarget target = repository.findTargetForUpdate(planId, targetId, visibility);
        if (target == null) {
            throw ProblemException.notFound("Target " + targetId);
        }
        if (target.version != expected) {
            throw IfMatch.stale();
        }
        if (!WinbackStateMachine.recordsOutcomes(plan.state)) {
            throw illegal(plan.state, "given outcomes");
        }
        Instant now = clock.instant();
        // The owner has made the approach: its WINBACK activity leaves their list, as a campaign target's does.
        if (target.activityId != null) {
            activities.completePlanned(target.activityId, currentUser.id(), now);
        }
        target.outcome = request.outcome();
        target.outcomeNote = trimmed(request.note());
        target.outcomeBy = currentUser.id();
        target.outcomeAt = now;
        repository.flush();
        return targetViews(repository.target(planId, targetId, visibility)).get(0);
    }

    @Transactional
    public List<WinbackEventResponse> events(UUID id) {
        requireVisible(id);
        List<WinbackRepository.EventRow> rows = repository.events(id);
        Map<UUID, String> names = users.displayNames(rows.stream().map(WinbackRepository.EventRow::actorId).toList());
        return rows.stream().map(e -> new WinbackEventResponse(e.from(), e.to(), e.actorId(), names.get(e.actorId()), e.at())).toList();
    }

    /**
     * What a transition does to the plan, besides moving its state. Its SQL comes first and its changes to the plan
     * last: SQL flushes pending changes, and each flush of a changed plan would bump its version once more.
     */
    private interface Step {
        void apply(WinbackPlan plan, Instant now);
    }

    /** Checks who may, locks the plan, checks If-Match and the move, applies it, records who and when. */
    private WinbackPlanResponse transition(UUID id, String ifMatch, WinbackAction action, Step step) {
        WinbackPlan plan = lockForChange(id, ifMatch);
        WinbackState from = plan.state;
        WinbackState to = WinbackStateMachine.next(from, action);
        if (to == null) {
            throw new ProblemException(409, ProblemTypes.ILLEGAL_TRANSITION, "Illegal transition",
                    "A plan in " + from + " cannot " + action + "; allowed: " + WinbackStateMachine.allowed(from), List.of(),
                    Map.of("state", from, "allowedActions", WinbackStateMachine.allowed(from)));
        }
        Instant now = clock.instant();
        step.apply(plan, now);
        plan.state = to;
        plan.updatedAt = now;
        repository.insertEvent(plan.id, from, to, currentUser.id(), now);
        repository.flush();
        return view(plan);
    }

    private void openNextCycle(WinbackPlan plan, LocalDate checkDate, Instant now) {
        List<UUID> remaining = repository.notWonBack(plan.id);
        if (remaining.isEmpty()) {
            throw ProblemException.conflict("Every customer of the plan was won back: there is no next cycle to open");
        }
        WinbackPlan next = new WinbackPlan();
        next.id = Ids.newId();
        next.name = plan.name;
        next.state = WinbackState.PLAN;
        next.cycle = plan.cycle + 1;
        next.previousPlanId = plan.id;
        next.source = WinbackSource.PREVIOUS_CYCLE;
        next.goalPercent = plan.goalPercent;
        next.goalDays = plan.goalDays;
        next.actions = plan.actions;
        next.script = plan.script;
        next.ownerId = plan.ownerId;
        next.checkDate = checkDate;
        next.createdBy = currentUser.id();
        next.createdAt = now;
        next.updatedAt = now;
        repository.persist(next);
        repository.insertTargets(next.id, remaining);
        repository.insertEvent(next.id, null, WinbackState.PLAN, currentUser.id(), now);
    }

    private void apply(WinbackPlan plan, WinbackPlanRequest request, Targets targets, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of(config.zone()));
        if (request.checkDate().isBefore(today)) {
            throw ProblemException.invalidField("checkDate", "must be today or later");
        }
        users.requireAssignableOwner(request.ownerId());
        plan.source = targets.source();
        plan.sourceRef = targets.sourceRef();
        plan.name = request.name().trim();
        plan.goalPercent = request.goalPercent();
        plan.goalDays = request.goalDays();
        plan.actions = request.actions().trim();
        plan.script = trimmed(request.script());
        plan.ownerId = request.ownerId();
        plan.checkDate = request.checkDate();
        plan.updatedAt = now;
    }

    /**
     * The plan's customers from the one source the request names: customers by hand, a churn review's month (those
     * still churned) or a segment; each one the caller may see, never archived, at most {@link #MAX_TARGETS}.
     */
    private Targets targets(WinbackPlanRequest request, Instant now) {
        int sources = (request.contactIds() != null ? 1 : 0) + (request.churnReviewMonth() != null ? 1 : 0) + (request.segment() != null ? 1 : 0);
        if (sources != 1) {
            throw ProblemException.invalidField("contactIds", "give the customers, a churn review's month or a segment: one of them");
        }
        if (request.contactIds() != null) {
            return new Targets(WinbackSource.HAND, null, checkedTargets(request.contactIds()));
        }
        List<UUID> found = request.churnReviewMonth() != null
                ? repository.stillChurnedIn(YearMonth.parse(request.churnReviewMonth()).atDay(1), visibility, MAX_TARGETS + 1)
                : repository.matching(segments.visibleMatching(request.segment(), false, now), MAX_TARGETS + 1);
        String field = request.churnReviewMonth() != null ? "churnReviewMonth" : "segment";
        if (found.isEmpty()) {
            throw ProblemException.invalidField(field, "matches no customer you may see");
        }
        if (found.size() > MAX_TARGETS) {
            throw ProblemException.invalidField(field, "matches more than " + MAX_TARGETS + " customers: narrow it");
        }
        return request.churnReviewMonth() != null ? new Targets(WinbackSource.CHURN_REVIEW, request.churnReviewMonth(), found)
                : new Targets(WinbackSource.SEGMENT, null, found);
    }

    /** Where a plan's customers came from, and who they are. */
    private record Targets(WinbackSource source, String sourceRef, Collection<UUID> contactIds) {
    }

    /** The customers, each one the caller may see and not archived; otherwise the same 400 as for an unknown id. */
    private Collection<UUID> checkedTargets(Collection<UUID> contactIds) {
        Set<UUID> usable = repository.visibleActive(contactIds, visibility);
        if (usable.size() != new HashSet<>(contactIds).size()) {
            throw ProblemException.invalidField("contactIds", "names a customer that does not exist, is archived or is not yours");
        }
        return new LinkedHashSet<>(contactIds);
    }

    private WinbackPlan requireVisible(UUID id) {
        Map<String, Object> params = new HashMap<>();
        String visible = WinbackRepository.visiblePlans(visibility, currentUser.id(), params);
        params.put("id", id);
        List<WinbackPlan> found = repository.page("p.id = :id AND " + visible, params, PageRequest.of(0, 1, null, Map.of("id", "p.id"), "id"));
        if (found.isEmpty()) {
            throw ProblemException.notFound("Win-back plan " + id);
        }
        return found.get(0);
    }

    /** 404 unless visible; 403 unless the caller may move it (a manager, an admin or its owner); 428/412 from If-Match. */
    private WinbackPlan lockForChange(UUID id, String ifMatch) {
        long expected = IfMatch.requiredVersion(ifMatch);
        requireVisible(id);
        WinbackPlan plan = repository.findForTransition(id);
        if (!mayDrive(plan)) {
            throw ProblemException.forbidden("Managers and the plan's owner move a win-back plan on");
        }
        if (plan.version != expected) {
            throw IfMatch.stale();
        }
        return plan;
    }

    private boolean mayDrive(WinbackPlan plan) {
        return currentUser.isManagerOrAdmin() || currentUser.id().equals(plan.ownerId);
    }

    private static ProblemException illegal(WinbackState state, String what) {
        return new ProblemException(409, ProblemTypes.ILLEGAL_TRANSITION, "Illegal transition",
                "A plan in " + state + " cannot be " + what, List.of(),
                Map.of("state", state, "allowedActions", WinbackStateMachine.allowed(state)));
    }

    private WinbackPlanResponse view(WinbackPlan plan) {
        return views(List.of(plan)).get(0);
    }

    private List<WinbackPlanResponse> views(List<WinbackPlan> plans) {
        Map<UUID, WinbackRepository.Figures> figures = repository.figures(plans.stream().map(p -> p.id).toList());
        Map<UUID, String> owners = users.displayNames(plans.stream().map(p -> p.ownerId).toList());
        return plans.stream().map(p -> {
            WinbackRepository.Figures f = figures.getOrDefault(p.id, new WinbackRepository.Figures(0, Map.of(), 0));
            int targets = p.checkedTargets != null ? p.checkedTargets : f.targets();
            int wonBack = p.checkedWonBack != null ? p.checkedWonBack : f.wonBack();
            int reached = f.outcomes().getOrDefault(WinbackOutcome.REACHED, 0);
            int noAnswer = f.outcomes().getOrDefault(WinbackOutcome.NO_ANSWER, 0);
            int declined = f.outcomes().getOrDefault(WinbackOutcome.DECLINED, 0);
            int booked = f.outcomes().getOrDefault(WinbackOutcome.BOOKED, 0);
            double percent = targets == 0 ? 0 : Math.round(wonBack * 1000.0 / targets) / 10.0;
            WinbackProgress progress = new WinbackProgress(targets, reached, noAnswer, declined, booked,
                    f.targets() - reached - noAnswer - declined - booked, wonBack, percent,
                    WinbackStateMachine.goalMet(targets, wonBack, p.goalPercent));
            return new WinbackPlanResponse(p.id, p.name, p.state, p.cycle, p.previousPlanId, repository.nextPlanOf(p.id), p.source,
                    p.sourceRef, p.goalPercent, p.goalDays, p.actions, p.script, p.ownerId, owners.get(p.ownerId), p.checkDate,
                    p.startedAt, p.checkedAt, p.actedAt, p.changePolicy, p.changeScript, p.changeTraining, progress,
                    mayDrive(p) ? WinbackStateMachine.allowed(p.state) : List.of(), p.version, p.createdBy, p.createdAt);
        }).toList();
    }

    private List<WinbackTargetResponse> targetViews(List<Tuple> rows) {
        Map<UUID, String> names = contacts.names(rows.stream().map(r -> Rows.uuid(r, "contact_id")).toList());
        Map<UUID, String> owners = users.displayNames(rows.stream().map(r -> Rows.uuid(r, "owner_id")).filter(Objects::nonNull).toList());
        return rows.stream().map(r -> new WinbackTargetResponse(Rows.uuid(r, "id"), Rows.uuid(r, "contact_id"),
                names.get(Rows.uuid(r, "contact_id")), Rows.uuid(r, "owner_id"), owners.get(Rows.uuid(r, "owner_id")),
                Rows.uuid(r, "activity_id"), Rows.enumValue(r, "outcome", WinbackOutcome.class), Rows.string(r, "outcome_note"),
                Rows.uuid(r, "outcome_by"), Rows.instant(r, "outcome_at"), Rows.instant(r, "won_back_at"), Rows.longValue(r, "version")))
                .toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }
}
