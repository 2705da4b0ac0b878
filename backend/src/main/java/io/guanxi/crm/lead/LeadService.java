package io.guanxi.crm.lead;

import io.guanxi.crm.consent.ConsentChanged;
import io.guanxi.crm.consent.ConsentPurposes;
import io.guanxi.crm.consent.ConsentService;
import io.guanxi.crm.consent.ScoringState;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.contact.LifecycleStage;
import io.guanxi.crm.contact.api.ContactRequest;
import io.guanxi.crm.interaction.InteractionLogged;
import io.guanxi.crm.lead.api.LeadRequest;
import io.guanxi.crm.notification.Notice;
import io.guanxi.crm.notification.NotificationKind;
import io.guanxi.crm.notification.Notifications;
import io.guanxi.crm.lead.api.MoveLeadRequest;
import io.guanxi.crm.lead.api.ReassignLeadsRequest;
import io.guanxi.crm.lead.api.LeadResponse;
import io.guanxi.crm.lead.api.ScoreBreakdown;
import io.guanxi.crm.lead.api.ScoreChange;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Leads: capture, edit, visibility, and keeping their scores true. */
@ApplicationScoped
public class LeadService {

    @Inject
    LeadRepository leads;

    @Inject
    LeadRescoring rescoring;

    @Inject
    ScoringPolicyService policies;

    @Inject
    ContactService contacts;

    @Inject
    UserService users;

    @Inject
    LeadAssignment assignment;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    @Inject
    ConsentService consents;

    @Transactional
    public PageResponse<LeadResponse> list(LeadQueue queue, LeadStatus status, Integer page, Integer size, String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, LeadRepository.SORTABLE, "score,desc");
        LeadScoringPolicy policy = policies.current();
        LeadRepository.Page result = leads.list(queue, status, policy.priorityThreshold, paging);
        return new PageResponse<>(toResponses(result.items()), paging.page(), paging.size(), result.total());
    }

    /** Leads about a contact, for its 360° view (reps see their own; managers all). */
    @Transactional
    public List<LeadResponse> ofContact(UUID contactId) {
        return toResponses(leads.visibleOfContact(contactId));
    }

    @Transactional
    public LeadResponse get(UUID id) {
        return toResponses(List.of(require(id))).get(0);
    }

    @Transactional
    public LeadResponse create(LeadRequest request, boolean confirmDuplicate) {
        UUID contactId = contactFor(request, confirmDuplicate);
        UUID ownerId = ownerFor(request.ownerId(), null);
        AssignmentKind kind = null;
        String reason = null;
        if (ownerId != null) {
            boolean own = ownerId.equals(currentUser.id());
            kind = own ? AssignmentKind.OWNER : AssignmentKind.MANAGER;
            reason = own ? null : currentUser.username();
        }
        return toResponses(List.of(newLead(contactId, request, ownerId, kind, reason))).get(0);
    }

    /**
     * Persists and scores a lead; with no owner given, the assignment rules decide. The status comes
     * from the request (NEW when omitted), never CONVERTED: only /convert wins a lead.
     */
    Lead newLead(UUID contactId, LeadRequest request, UUID ownerId, AssignmentKind kind, String reason) {
        Lead lead = new Lead();
        lead.id = Ids.newId();
        lead.contactId = contactId;
        apply(request, lead);
        if (request.status() == LeadStatus.CONVERTED) {
            throw ProblemException.invalidField("status", "a lead is converted with POST /api/v1/leads/{id}/convert");
        }
        Instant now = clock.instant();
        lead.reach(request.status() == null ? LeadStatus.NEW : request.status(), now);
        requireLostReason(lead);
        lead.ownerId = ownerId;
        LeadScoringPolicy policy = policies.current();
        lead.policyVersion = policy.version;
        lead.score = BigDecimal.ZERO;
        lead.scoredAt = lead.createdAt = lead.updatedAt = now;
        if (ownerId != null) {
            lead.assignedAt = now;
            lead.assignmentKind = kind;
            lead.assignmentReason = reason;
        }
        leads.persist(lead);
        rescoring.rescore(List.of(lead.id), policy.version, ScoreCause.CREATED, now);
        leads.refresh(lead);
        if (lead.ownerId == null) {
            assignment.assign(lead);
            leads.flush();
        }
        return lead;
    }

    /** A rep takes an unassigned lead from the queue of their seniority; the first of two at once wins. */
    @Transactional
    public LeadResponse claim(UUID id) {
        if (!currentUser.has(Role.SALES_REP)) {
            throw ProblemException.forbidden("Only sales reps claim leads; managers assign them");
        }
        Lead lead = require(id);
        UUID me = currentUser.id();
        if (me.equals(lead.ownerId)) {
            return toResponses(List.of(lead)).get(0);
        }
        if (lead.ownerId != null || !lead.status.isOpen()
                || leads.claim(id, me, currentUser.username(), clock.instant()) == 0) {
            throw ProblemException.conflict("This lead is no longer in the queue: someone else owns it or it is closed");
        }
        contacts.handOverCaptured(lead.contactId, me);
        // Managers watch the queues: they hear who took what.
        notifications.send(users.activeWithRole(Role.MANAGER).stream()
                .map(manager -> Notice.of(manager, NotificationKind.LEAD_CLAIMED, me).aboutLead(id).aboutContact(lead.contactId))
                .toList());
        leads.refresh(lead);
        return toResponses(List.of(lead)).get(0);
    }

    @Transactional
    public LeadResponse update(UUID id, String ifMatch, LeadRequest request) {
        Lead lead = require(id);
        IfMatch.check(ifMatch, lead.version);
        if (request.contactId() != null && !request.contactId().equals(lead.contactId) || request.newContact() != null) {
            throw ProblemException.invalidField("contactId", "cannot change; a lead stays with its contact");
        }
        lead.ownerId = ownerFor(request.ownerId(), lead.ownerId);
        apply(request, lead);
        Instant now = clock.instant();
        if (request.status() != null && request.status() != lead.status) {
            requireEditableStatus(lead.status, request.status());
            lead.reach(request.status(), now, policies.current());
        }
        requireLostReason(lead);
        lead.updatedAt = now;
        leads.flush();
        rescoring.rescore(List.of(lead.id), policies.current().version, ScoreCause.LEAD_EDITED, now);
        leads.refresh(lead);
        return toResponses(List.of(lead)).get(0);
    }

    /** A manager assigns a lead to someone, or (no owner given) lets the rules decide. */
    @Transactional
    public LeadResponse assign(UUID id, UUID ownerId) {
        if (!currentUser.isManagerOrAdmin()) {
            throw ProblemException.forbidden("Only managers and admins assign leads");
        }
        Lead lead = require(id);
        if (!lead.status.isOpen()) {
            throw ProblemException.conflict("A " + lead.status + " lead is closed and keeps its owner");
        }
        if (ownerId == null) {
            assignment.assign(lead);
        } else {
            users.requireAssignableOwner(ownerId);
            assignment.assignManually(lead, ownerId, currentUser.username());
        }
        lead.updatedAt = clock.instant();
        leads.flush();
        return toResponses(List.of(lead)).get(0);
    }

    /**
     * The lead moves on in its pipeline (NEW, CONTACTED, QUALIFIED, or LOST with a reason from the
     * taxonomy), with If-Match; winning it is /convert, and a converted lead keeps its status.
     */
    @Transactional
    public LeadResponse move(UUID id, String ifMatch, MoveLeadRequest request) {
        Lead lead = require(id);
        if (!currentUser.isManagerOrAdmin() && !currentUser.id().equals(lead.ownerId)) {
            throw ProblemException.forbidden("Claim the lead first: a rep moves the leads they own");
        }
        IfMatch.check(ifMatch, lead.version);
        requireEditableStatus(lead.status, request.status());
        if (request.status() == LeadStatus.LOST && request.lostReason() == null) {
            throw ProblemException.invalidField("lostReason", "is required when a lead is LOST");
        }
        Instant now = clock.instant();
        lead.reach(request.status(), now, policies.current());
        lead.lostReasonCode = request.lostReason();
        lead.lostReason = blankToNull(request.lostNote());
        requireLostReason(lead);
        lead.updatedAt = now;
        leads.flush();
        leads.refresh(lead);
        return toResponses(List.of(lead)).get(0);
    }

    /**
     * A manager hands open leads to a rep with a reason: each lead's customer changes hands, and its
     * open leads and activities go with it (recorded with the manager's name and the reason, notified).
     * All or nothing: a closed or unknown lead among them is a 409 / 404 and nothing moves.
     */
    @Transactional
    public List<LeadResponse> reassign(ReassignLeadsRequest request) {
        if (!currentUser.isManagerOrAdmin()) {
            throw ProblemException.forbidden("Only managers and admins reassign leads");
        }
        users.requireAssignableOwner(request.ownerId());
        List<Lead> chosen = request.leadIds().stream().distinct().map(this::require).toList();
        for (Lead lead : chosen) {
            if (!lead.status.isOpen()) {
                throw ProblemException.conflict("A " + lead.status + " lead is closed and keeps its owner");
            }
        }
        String reason = request.reason().trim();
        chosen.stream().map(l -> l.contactId).distinct().forEach(contact -> contacts.handOver(contact, request.ownerId(), reason));
        chosen.forEach(leads::refresh);
        return toResponses(chosen);
    }

    /** A QUALIFIED lead is won: it is CONVERTED and its contact becomes a customer (stage PURCHASE). */
    @Transactional
    public LeadResponse convert(UUID id) {
        Lead lead = require(id);
        if (lead.status != LeadStatus.QUALIFIED) {
            throw ProblemException.conflict("Only a QUALIFIED lead can be converted; this one is " + lead.status);
        }
        Instant now = clock.instant();
        lead.reach(LeadStatus.CONVERTED, now, policies.current());
        lead.updatedAt = now;
        leads.flush();
        contacts.markPurchased(lead.contactId, currentUser.id(), "LEAD_CONVERTED");
        return toResponses(List.of(lead)).get(0);
    }

    @Transactional
    public ScoreBreakdown breakdown(UUID id) {
        Lead lead = require(id);
        LeadScoringPolicy inForce = policies.current();
        int version = lead.scoredUnder(inForce);
        LeadScoringPolicy policy = version == inForce.version ? inForce : policies.version(version);
        LeadScoring.Result result = LeadScoring.score(inputs(lead), policy, lead.activityCount);
        boolean objected = consents.objectsToProfiling(lead.contactId);
        return new ScoreBreakdown(lead.score, scoring(objected), LeadScoring.level(lead.score, policy), policy.version,
                objected ? List.of() : result.rules().stream().map(r -> new ScoreBreakdown.RuleLine(r.rule(), r.fired())).toList(),
                lead.matchScore, policy.matchWeight, lead.activityCount, policy.activityWindowDays,
                policy.pointsPerInteraction, policy.activityCap, lead.activityScore, policy.activityWeight,
                policy.priorityThreshold, policy.highValueThreshold, lead.scoredAt(inForce));
    }

    @Transactional
    public PageResponse<ScoreChange> history(UUID id, Integer page, Integer size) {
        require(id);
        PageRequest paging = PageRequest.of(page, size, null, Map.of("changedAt", "changed_at"), "changedAt,desc");
        List<ScoreChange> items = leads.history(id, paging.offset(), paging.size()).stream()
                .map(r -> new ScoreChange(Rows.decimal(r, "score"), Rows.intValue(r, "match_score"), Rows.intValue(r, "activity_count"),
                        Rows.intValue(r, "policy_version"), Rows.enumValue(r, "cause", ScoreCause.class), Rows.instant(r, "changed_at")))
                .toList();
        return new PageResponse<>(items, paging.page(), paging.size(), leads.historyCount(id));
    }

    /**
     * The customer objected to profiling or withdrew the objection: their open leads are rescored at once
     * (to 0 and shown as not scored, or back to their score).
     */
    void onConsentChanged(@Observes ConsentChanged event) {
        if (ConsentPurposes.PROFILING.equals(event.purposeCode())) {
            rescoring.rescore(leads.openLeadIdsOfContact(event.contactId()), policies.current().version, ScoreCause.CONSENT_CHANGED,
                    clock.instant());
        }
    }

    private static ScoringState scoring(boolean objected) {
        return objected ? ScoringState.NOT_SCORED_AT_CUSTOMER_REQUEST : ScoringState.SCORED;
    }

    /** A logged interaction moves the activity of every open lead about that contact, in the same transaction. */
    void onInteractionLogged(@Observes InteractionLogged event) {
        List<UUID> ids = leads.openLeadIdsOfContact(event.contactId());
        rescoring.rescore(ids, policies.current().version, ScoreCause.INTERACTION_LOGGED, clock.instant());
    }

    /** Keeps the sliding activity window true: interactions that aged out stop counting. */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "guanxi.leads.rescore-timeout")
    public int slideWindow(Instant now) {
        return rescoring.rescoreAllOpen(policies.current().version, ScoreCause.WINDOW_SLID, now);
    }

    private Lead require(UUID id) {
        return leads.findVisible(id).orElseThrow(() -> ProblemException.notFound("Lead " + id));
    }

    private UUID contactFor(LeadRequest request, boolean confirmDuplicate) {
        if (request.contactId() != null && request.newContact() != null) {
            throw ProblemException.invalidField("newContact", "give either contactId or newContact, not both");
        }
        if (request.contactId() != null) {
            contacts.requireContactForWriting(request.contactId());
            return request.contactId();
        }
        if (request.newContact() == null) {
            throw ProblemException.invalidField("contactId", "name an existing contact or describe newContact");
        }
        ContactRequest person = request.newContact();
        ContactRequest prospect = new ContactRequest(person.name(), person.mobile(), person.email(), person.wechatId(),
                person.company(), person.industry() != null ? person.industry() : request.industry(),
                person.region() != null ? person.region() : request.region(), person.city(), person.birthday(),
                request.sourceChannel(), person.preferredChannel(), person.tags(), person.hiddenNeeds(),
                person.personalityType(), LifecycleStage.POTENTIAL, request.ownerId(), person.marketingConsent(), person.referredById(),
                person.birthMonthDay());
        return contacts.create(prospect, confirmDuplicate).id();
    }

    private UUID ownerFor(UUID requested, UUID current) {
        UUID me = currentUser.id();
        if (currentUser.isManagerOrAdmin()) {
            if (requested != null && !requested.equals(current)) {
                users.requireAssignableOwner(requested);
            }
            return requested;
        }
        if (requested != null && !requested.equals(me)) {
            throw ProblemException.forbidden("Only managers and admins assign leads to someone else");
        }
        return me;
    }

    private static void apply(LeadRequest request, Lead lead) {
        lead.sourceChannel = request.sourceChannel();
        lead.productInterest = blankToNull(request.productInterest());
        lead.industry = blankToNull(request.industry());
        lead.region = request.region();
        lead.budget = request.budget();
        lead.notes = blankToNull(request.notes());
        lead.lostReason = blankToNull(request.lostReason());
        lead.lostReasonCode = request.lostReasonCode();
    }

    /**
     * A lead is won only through /convert (which also makes its contact a customer), and a won lead
     * stays won: an edit may neither set CONVERTED nor leave it.
     */
    private static void requireEditableStatus(LeadStatus from, LeadStatus to) {
        if (to == LeadStatus.CONVERTED || from == LeadStatus.CONVERTED) {
            throw new ProblemException(409, ProblemTypes.ILLEGAL_TRANSITION, "Illegal transition",
                    from == LeadStatus.CONVERTED ? "A converted lead keeps its status"
                            : "A lead is converted with POST /api/v1/leads/{id}/convert, not by editing its status",
                    List.of(), Map.of());
        }
    }

    /** A LOST lead says why: a reason from the taxonomy, or (older clients) a note, which counts as OTHER. */
    private static void requireLostReason(Lead lead) {
        if (lead.status == LeadStatus.LOST && lead.lostReasonCode == null) {
            if (lead.lostReason == null) {
                throw ProblemException.invalidField("lostReason", "is required when a lead is LOST");
            }
            lead.lostReasonCode = LostReason.OTHER;
        }
        if (lead.status != LeadStatus.LOST) {
            lead.lostReason = null;
            lead.lostReasonCode = null;
        }
    }

    static LeadScoring.Inputs inputs(Lead lead) {
        return new LeadScoring.Inputs(lead.sourceChannel.name(), lead.region == null ? null : lead.region.name(),
                lead.industry, lead.productInterest, lead.budget);
    }

    private List<LeadResponse> toResponses(List<Lead> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        LeadScoringPolicy policy = policies.current();
        Map<UUID, String> owners = users.displayNames(items.stream().map(l -> l.ownerId).filter(o -> o != null)
                .collect(Collectors.toSet()));
        Map<UUID, String> names = contacts.namesOfVisibleLeads(items.stream().map(l -> l.contactId).collect(Collectors.toSet()));
        Set<UUID> objecting = consents.refusing(ConsentPurposes.PROFILING, items.stream().map(l -> l.contactId).collect(Collectors.toSet()));
        return items.stream().map(l -> new LeadResponse(l.id, l.contactId, names.get(l.contactId), l.sourceChannel,
                l.productInterest, l.industry, l.region, l.budget, l.notes, l.status, l.lostReasonCode, l.lostReason, l.ownerId,
                l.ownerId == null ? null : owners.get(l.ownerId), l.score, scoring(objecting.contains(l.contactId)),
                LeadScoring.level(l.score, policy),
                l.matchScore, l.activityCount, l.scoredUnder(policy), l.scoredAt(policy), l.assignedAt, l.assignmentKind, l.assignmentReason,
                l.assignmentNote,
                l.createdAt, l.updatedAt, l.version))
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
