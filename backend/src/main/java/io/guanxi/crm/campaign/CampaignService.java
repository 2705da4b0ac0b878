package io.guanxi.crm.campaign;

import io.guanxi.crm.activity.ActivityRule;
import io.guanxi.crm.activity.RuleActivities;
import io.guanxi.crm.activity.RuleActivities.PlannedActivity;
import io.guanxi.crm.activity.RuleActivity;
import io.guanxi.crm.campaign.api.CampaignCounts;
import io.guanxi.crm.campaign.api.CampaignReport;
import io.guanxi.crm.campaign.api.CampaignRequest;
import io.guanxi.crm.campaign.api.CampaignResponse;
import io.guanxi.crm.campaign.api.CampaignTargetResponse;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Care campaigns (000 ch.3): a draft is edited and its segment previewed; launching it (once: the state moves
 * under a row lock, and each customer is a target at most once) puts one CAMPAIGN activity per target on the
 * customer's owner's list, due in the window. A rep launches to their own customers, managers and admins to
 * everyone's (the caller's {@link Visibility}). Marketing and mixed campaigns reach only customers with marketing
 * consent; keeping in touch and service are care from the customer's own owner and need none. Archived customers
 * are never targets. Outcomes are recorded per target by whoever sees the customer.
 */
@ApplicationScoped
public class CampaignService {

    static final int DEFAULT_PURCHASE_WINDOW_DAYS = 30;

    @Inject
    CampaignRepository campaigns;

    @Inject
    Segments segments;

    @Inject
    RuleActivities activities;

    @Inject
    UserService users;

    @Inject
    Visibility visibility;

    @Inject
    ContactService contacts;

    @Inject
    CurrentUser currentUser;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Transactional
    public PageResponse<CampaignResponse> list(CampaignState state, Integer page, Integer size, String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, CampaignRepository.SORTABLE, "startsOn,desc");
        long total = campaigns.countAll(state);
        List<Campaign> found = total == 0 ? List.of() : campaigns.page(state, paging);
        return new PageResponse<>(toResponses(found), paging.page(), paging.size(), total);
    }

    @Transactional
    public CampaignResponse get(UUID id) {
        return toResponses(List.of(require(id))).get(0);
    }

    @Transactional
    public CampaignResponse create(CampaignRequest request) {
        Campaign campaign = new Campaign();
        campaign.id = Ids.newId();
        campaign.state = CampaignState.DRAFT;
        campaign.createdBy = currentUser.id();
        campaign.createdAt = campaign.updatedAt = clock.instant();
        apply(request, campaign);
        campaigns.persist(campaign);
        campaigns.flush();
        return toResponses(List.of(campaign)).get(0);
    }

    @Transactional
    public CampaignResponse update(UUID id, String ifMatch, CampaignRequest request) {
        IfMatch.requiredVersion(ifMatch);
        Campaign campaign = requireMine(id);
        IfMatch.check(ifMatch, campaign.version);
        requireState(campaign, CampaignState.DRAFT, "Only a draft campaign is edited");
        apply(request, campaign);
        campaign.updatedAt = clock.instant();
        campaigns.flush();
        return toResponses(List.of(campaign)).get(0);
    }

    /**
     * Launches a draft: claims the targets the segment reaches for the caller now and puts their activities on
     * their owners' lists, due from the later of the first day and today, overdue after the last day.
     */
    @Transactional
    public CampaignResponse launch(UUID id, String ifMatch) {
        IfMatch.requiredVersion(ifMatch);
        Campaign campaign = requireMine(id);
        IfMatch.check(ifMatch, campaign.version);
        requireState(campaign, CampaignState.DRAFT, "The campaign was launched already");
        Instant now = clock.instant();
        ZoneId zone = ZoneId.of(config.zone());
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (campaign.endsOn.isBefore(today)) {
            throw ProblemException.conflict("The campaign's window has ended; move it before launching");
        }
        LocalDate dueDay = campaign.startsOn.isAfter(today) ? campaign.startsOn : today;
        Instant dueAt = dueDay.atStartOfDay(zone).toInstant();
        Instant overdueAt = campaign.endsOn.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, String> params = Map.of("campaignId", campaign.id.toString(), "campaign", campaign.name);
        List<PlannedActivity> planned = new ArrayList<>();
        for (Tuple row : campaigns.claimTargets(campaign.id,
                segments.visibleMatching(campaign.segment, campaign.category.needsMarketingConsent(), now))) {
            planned.add(new PlannedActivity(Rows.uuid(row, "activity_id"),
                    new RuleActivity(Rows.uuid(row, "assignee_id"), Rows.uuid(row, "contact_id"), null, null, dueAt, overdueAt), params));
        }
        activities.scheduleEach(ActivityRule.CAMPAIGN, planned, now);
        campaign.state = CampaignState.LAUNCHED;
        campaign.launchedAt = now;
        campaign.launchedBy = currentUser.id();
        campaign.updatedAt = now;
        campaigns.flush();
        return toResponses(List.of(campaign)).get(0);
    }

    /** LAUNCHED → CLOSED: the report is final; activities still open stay on their lists until done or cancelled. */
    @Transactional
    public CampaignResponse close(UUID id, String ifMatch) {
        return move(id, ifMatch, CampaignState.LAUNCHED, CampaignState.CLOSED, "Only a launched campaign is closed");
    }

    /** DRAFT → CANCELLED: it never reaches anyone. */
    @Transactional
    public CampaignResponse cancel(UUID id, String ifMatch) {
        return move(id, ifMatch, CampaignState.DRAFT, CampaignState.CANCELLED, "Only a draft campaign is cancelled; close a launched one");
    }

    private CampaignResponse move(UUID id, String ifMatch, CampaignState from, CampaignState to, String refusal) {
        IfMatch.requiredVersion(ifMatch);
        Campaign campaign = requireMine(id);
        IfMatch.check(ifMatch, campaign.version);
        requireState(campaign, from, refusal);
        campaign.state = to;
        campaign.updatedAt = clock.instant();
        if (to == CampaignState.CLOSED) {
            campaign.closedAt = campaign.updatedAt;
        }
        campaigns.flush();
        return toResponses(List.of(campaign)).get(0);
    }

    @Transactional
    public PageResponse<CampaignTargetResponse> targets(UUID id, CampaignOutcome outcome, boolean pendingOnly, Integer page,
            Integer size) {
        require(id);
        PageRequest paging = PageRequest.of(page, size, null, Map.of("name", "vc.name"), "name,asc");
        Visibility.Predicate visible = visibility.contactSql("vc");
        long total = campaigns.countTargets(id, outcome, pendingOnly, visible);
        List<CampaignTargetResponse> items = total == 0 ? List.of()
                : campaigns.targets(id, outcome, pendingOnly, visible, paging).stream().map(CampaignService::toTarget).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    /**
     * Records what came of one target (a customer the caller may see; 404 otherwise) while the campaign runs;
     * the target's activity is done with it.
     */
    @Transactional
    public CampaignTargetResponse recordOutcome(UUID id, UUID contactId, String ifMatch, CampaignOutcome outcome) {
        IfMatch.requiredVersion(ifMatch);
        Campaign campaign = require(id);
        // A merged customer's target stays only when the campaign targets the survivor too: record it there (410).
        contacts.requireContactForWriting(contactId);
        Tuple target = campaigns.targetForUpdate(id, contactId, visibility.contactSql("vc"))
                .orElseThrow(() -> ProblemException.notFound("Campaign target " + contactId));
        IfMatch.check(ifMatch, Rows.longValue(target, "version"));
        requireState(campaign, CampaignState.LAUNCHED, "Outcomes are recorded while the campaign runs");
        Instant now = clock.instant();
        campaigns.recordOutcome(id, contactId, outcome, currentUser.id(), now);
        activities.completePlanned(Rows.uuid(target, "activity_id"), currentUser.id(), now);
        return toTarget(campaigns.targetForUpdate(id, contactId, visibility.contactSql("vc")).orElseThrow());
    }

    /** The campaign's figures over the targets the caller may see: in total and per rep. */
    @Transactional
    public CampaignReport report(UUID id) {
        Campaign campaign = require(id);
        List<Tuple> rows = campaigns.reportByRep(id, visibility.contactSql("vc"));
        Map<UUID, String> names = users.displayNames(rows.stream().map(r -> Rows.uuid(r, "assignee_id")).toList());
        List<CampaignCounts> reps = rows.stream().map(r -> counts(Rows.uuid(r, "assignee_id"), names.get(Rows.uuid(r, "assignee_id")),
                Rows.longValue(r, "targets"), Rows.longValue(r, "reached"), Rows.longValue(r, "outcome_reached"),
                Rows.longValue(r, "no_answer"), Rows.longValue(r, "declined"), Rows.longValue(r, "booked"), Rows.longValue(r, "pending"),
                Rows.longValue(r, "purchased"))).toList();
        CampaignCounts total = counts(null, null, sum(reps, CampaignCounts::targets), sum(reps, CampaignCounts::reached),
                sum(reps, CampaignCounts::outcomeReached), sum(reps, CampaignCounts::noAnswer), sum(reps, CampaignCounts::declined),
                sum(reps, CampaignCounts::booked), sum(reps, CampaignCounts::pending), sum(reps, CampaignCounts::purchased));
        return new CampaignReport(id, campaign.purchaseWindowDays, total, reps);
    }

    static CampaignCounts counts(UUID assignee, String name, long targets, long reached, long outcomeReached, long noAnswer,
            long declined, long booked, long pending, long purchased) {
        return new CampaignCounts(assignee, name, targets, reached, outcomeReached, noAnswer, declined, booked, pending, purchased,
                conversion(purchased, targets));
    }

    /** purchased ÷ targets to 4 decimals (half up); 0 without targets. */
    static BigDecimal conversion(long purchased, long targets) {
        return targets == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(purchased).divide(BigDecimal.valueOf(targets), 4, RoundingMode.HALF_UP);
    }

    private static long sum(List<CampaignCounts> rows, java.util.function.ToLongFunction<CampaignCounts> field) {
        return rows.stream().mapToLong(field).sum();
    }

    private Campaign require(UUID id) {
        return campaigns.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Campaign " + id));
    }

    /** The campaign, locked, when the caller may change it: its owner, who made it, managers and admins (403 otherwise). */
    private Campaign requireMine(UUID id) {
        Campaign campaign = campaigns.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Campaign " + id));
        UUID me = currentUser.id();
        if (!currentUser.isManagerOrAdmin() && !me.equals(campaign.ownerId) && !me.equals(campaign.createdBy)) {
            throw ProblemException.forbidden("Only the campaign's owner, its author, managers and admins change it");
        }
        return campaign;
    }

    private static void requireState(Campaign campaign, CampaignState state, String refusal) {
        if (campaign.state != state) {
            throw ProblemException.conflict(refusal);
        }
    }

    private void apply(CampaignRequest request, Campaign campaign) {
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.invalidField("endsOn", "must not be before startsOn");
        }
        UUID owner = request.ownerId() == null ? currentUser.id() : request.ownerId();
        if (!owner.equals(currentUser.id())) {
            if (!currentUser.isManagerOrAdmin()) {
                throw ProblemException.forbidden("A rep's campaign is their own");
            }
            if (!users.displayNames(List.of(owner)).containsKey(owner)) {
                throw ProblemException.invalidField("ownerId", "no such user");
            }
        }
        campaign.name = request.name().trim();
        campaign.category = request.category();
        campaign.segment = request.segment().normalised();
        campaign.script = request.script().trim();
        campaign.startsOn = request.startsOn();
        campaign.endsOn = request.endsOn();
        campaign.ownerId = owner;
        campaign.purchaseWindowDays = request.purchaseWindowDays() == null ? DEFAULT_PURCHASE_WINDOW_DAYS : request.purchaseWindowDays();
    }

    private List<CampaignResponse> toResponses(List<Campaign> found) {
        Set<UUID> people = new HashSet<>();
        found.forEach(c -> people.add(c.ownerId));
        Map<UUID, String> names = users.displayNames(people);
        Map<UUID, Long> targets = campaigns.visibleTargetCounts(found.stream().filter(c -> c.launchedAt != null).map(c -> c.id).toList(),
                visibility.contactSql("vc"));
        return found.stream().map(c -> new CampaignResponse(c.id, c.name, c.category, c.segment, c.script, c.startsOn, c.endsOn,
                c.ownerId, names.get(c.ownerId), c.purchaseWindowDays, c.state, c.category.needsMarketingConsent(),
                targets.getOrDefault(c.id, 0L), c.createdBy, c.createdAt, c.updatedAt, c.launchedAt, c.launchedBy, c.closedAt,
                c.version)).toList();
    }

    private static CampaignTargetResponse toTarget(Tuple r) {
        String outcome = Rows.string(r, "outcome");
        return new CampaignTargetResponse(Rows.uuid(r, "campaign_id"), Rows.uuid(r, "contact_id"), Rows.string(r, "contact_name"),
                Rows.uuid(r, "assignee_id"), Rows.uuid(r, "activity_id"), outcome == null ? null : CampaignOutcome.valueOf(outcome),
                Rows.instant(r, "outcome_at"), Rows.uuid(r, "outcome_by"), Boolean.TRUE.equals(r.get("purchased", Boolean.class)),
                Rows.longValue(r, "version"));
    }
}
