package io.guanxi.crm.survey;

import io.guanxi.crm.complaint.ComplaintClosed;
import io.guanxi.crm.contact.ContactChannel;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.purchase.PurchaseRecorded;
import io.guanxi.crm.survey.api.PendingInvitationResponse;
import io.guanxi.crm.survey.api.PeriodicScanResult;
import io.guanxi.crm.survey.api.SendChannel;
import io.guanxi.crm.survey.api.SurveyInvitationResponse;
import io.guanxi.crm.survey.api.SurveyInvitationStatus;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes survey invitations — on a closed complaint, a purchase, the periodic relationship survey, or by hand — and
 * hands them to a delivery gateway. Every invitation goes through {@link SurveyRepository#issue}: only for a customer
 * who is not archived and agreed to surveys (the SURVEY purpose of the consent ledger; without an answer the profile's
 * marketing-consent tick counts), and at most one per customer within the policy's period, decided by the database.
 */
@ApplicationScoped
public class SurveyInvitations {

    static final int HISTORY_LIMIT = 50;

    @Inject
    SurveyRepository repository;

    @Inject
    ContactService contacts;

    @Inject
    SurveyPolicies policies;

    @Inject
    SurveySettings settings;

    @Inject
    Visibility visibility;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    /** A person invites a customer they can see; refused (409) without consent, for an archived customer, or too soon. */
    @Transactional
    public SurveyInvitationResponse invite(UUID contactId, SurveyTemplate template) {
        contacts.requireContactForWriting(contactId);
        Tuple reach = repository.reach(contactId).orElseThrow(() -> Visibility.contactNotFound(contactId));
        if (Boolean.TRUE.equals(Rows.bool(reach, "archived"))) {
            throw new ProblemException(409, ProblemTypes.SURVEY_ARCHIVED, "Customer archived", "An archived customer is not surveyed");
        }
        if (!Boolean.TRUE.equals(Rows.bool(reach, "survey_consent"))) {
            throw new ProblemException(409, ProblemTypes.SURVEY_NO_CONSENT, "No consent",
                    "The customer has not agreed to surveys (SURVEY consent); no survey is sent");
        }
        SurveyPolicy policy = policies.current();
        Instant now = clock.instant();
        List<UUID> made = issue(policy, SurveyTrigger.MANUAL, List.of(new Target(contactId, template, null)), currentUser.id(), now);
        if (made.isEmpty()) {
            throw new ProblemException(409, ProblemTypes.SURVEY_TOO_SOON, "Too soon",
                    "The customer was invited within the last " + policy.minDaysBetween + " days");
        }
        return toResponse(repository.invitation(made.get(0)).orElseThrow(), now);
    }

    /** A customer's invitations and answers, newest first (the last 50). */
    @Transactional
    public List<SurveyInvitationResponse> history(UUID contactId) {
        visibility.requireContact(contactId);
        Instant now = clock.instant();
        return repository.history(contactId, HISTORY_LIMIT).stream().map(r -> toResponse(r, now)).toList();
    }

    /** Invitations waiting for a gateway, oldest first. */
    @Transactional
    public PageResponse<PendingInvitationResponse> pending(Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, null, Map.of("createdAt", "i.created_at"), "createdAt");
        Instant now = clock.instant();
        List<PendingInvitationResponse> items = repository.pending(now, paging.offset(), paging.size()).stream()
                .map(r -> new PendingInvitationResponse(Rows.uuid(r, "id"), Rows.uuid(r, "contact_id"), Rows.string(r, "name"),
                        Rows.string(r, "mobile"), Rows.string(r, "wechat_id"),
                        Rows.enumValue(r, "preferred_channel", ContactChannel.class),
                        Rows.enumValue(r, "template", SurveyTemplate.class), Rows.enumValue(r, "trigger", SurveyTrigger.class),
                        settings.link(Rows.string(r, "token")), Rows.instant(r, "created_at"), Rows.instant(r, "expires_at")))
                .toList();
        return new PageResponse<>(items, paging.page(), paging.size(), repository.countPending(now));
    }

    /** Idempotent: the first delivery recorded is kept, a repeat answers the same invitation. */
    @Transactional
    public SurveyInvitationResponse markSent(UUID id, SendChannel channel) {
        Instant now = clock.instant();
        if (!repository.markSent(id, channel.name(), currentUser.id(), now)) {
            throw ProblemException.notFound("Survey invitation " + id);
        }
        return toResponse(repository.invitation(id).orElseThrow(), now);
    }

    /** The periodic relationship survey (NPS): customers not asked within the policy's months, a batch at a time. */
    @Scheduled(identity = "survey-periodic", cron = "${guanxi.surveys.periodic-cron:0 30 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    void scheduledPeriodic() {
        runPeriodic(clock.instant());
    }

    @Transactional
    public PeriodicScanResult runPeriodic(Instant now) {
        SurveyPolicy policy = policies.current();
        if (!policy.on(SurveyTrigger.PERIODIC)) {
            return new PeriodicScanResult(0);
        }
        Instant periodicSince = now.atOffset(ZoneOffset.UTC).minusMonths(policy.periodicMonths).toInstant();
        List<Target> targets = repository.periodicCandidates(policy, periodicSince, now, settings.periodicBatch()).stream()
                .map(c -> new Target(c, SurveyTemplate.NPS, null)).toList();
        return new PeriodicScanResult(issue(policy, SurveyTrigger.PERIODIC, targets, null, now).size());
    }

    /** A closed complaint asks the customer how it went (in the closing transaction). */
    void onComplaintClosed(@Observes ComplaintClosed event) {
        SurveyPolicy policy = policies.current();
        if (policy.on(SurveyTrigger.COMPLAINT_CLOSED)) {
            issue(policy, SurveyTrigger.COMPLAINT_CLOSED, List.of(new Target(event.contactId(), policy.complaintTemplate, event.complaintId())),
                    null, clock.instant());
        }
    }

    /** A sale (not a refund) asks the customer, at most once per period (in the sale's transaction). */
    void onPurchaseRecorded(@Observes PurchaseRecorded event) {
        if (event.refund()) {
            return;
        }
        SurveyPolicy policy = policies.current();
        if (policy.on(SurveyTrigger.PURCHASE)) {
            issue(policy, SurveyTrigger.PURCHASE, List.of(new Target(event.contactId(), policy.purchaseTemplate, event.purchaseId())),
                    null, clock.instant());
        }
    }

    private record Target(UUID contactId, SurveyTemplate template, UUID sourceId) {
    }

    private List<UUID> issue(SurveyPolicy policy, SurveyTrigger trigger, List<Target> targets, UUID createdBy, Instant now) {
        List<SurveyRepository.Candidate> candidates = targets.stream()
                .map(t -> new SurveyRepository.Candidate(Ids.newId(), t.contactId(), SurveyTokens.next(), t.template(), t.sourceId()))
                .toList();
        return repository.issue(candidates, trigger, policy, createdBy, now.truncatedTo(ChronoUnit.MICROS));
    }

    SurveyInvitationResponse toResponse(Tuple r, Instant now) {
        Instant answeredAt = Rows.instant(r, "answered_at");
        Instant expiresAt = Rows.instant(r, "expires_at");
        SurveyInvitationStatus status = answeredAt != null ? SurveyInvitationStatus.ANSWERED
                : expiresAt.isAfter(now) ? SurveyInvitationStatus.OPEN : SurveyInvitationStatus.EXPIRED;
        return new SurveyInvitationResponse(Rows.uuid(r, "id"), Rows.uuid(r, "contact_id"), Rows.enumValue(r, "template", SurveyTemplate.class),
                Rows.enumValue(r, "trigger", SurveyTrigger.class), status, settings.link(Rows.string(r, "token")),
                Rows.instant(r, "created_at"), expiresAt, Rows.instant(r, "sent_at"), Rows.enumValue(r, "sent_channel", SendChannel.class),
                Rows.nullableInt(r, "score"), Rows.string(r, "comment"), answeredAt);
    }
}
