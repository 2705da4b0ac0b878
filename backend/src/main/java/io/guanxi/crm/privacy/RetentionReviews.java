package io.guanxi.crm.privacy;

import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.AuditTrail;
import io.guanxi.crm.platform.audit.FieldChange;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.privacy.api.RetentionReviewResponse;
import io.guanxi.crm.privacy.api.RetentionRun;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The retention review (000: keep archives at least five years; PIPL Art. 19: no longer than needed): customers with no contact
 * for the policy's years are listed monthly; an admin approves (the customer is anonymised) or keeps each one, with a reason.
 */
@ApplicationScoped
public class RetentionReviews {

    /** SPEC §1: archives are kept at least five years, whatever the configuration says. */
    static final int MINIMUM_YEARS = 5;

    @Inject
    RetentionReviewRepository repository;

    @Inject
    PersonalDataSections personalData;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    int noContactYears() {
        return Math.max(MINIMUM_YEARS, config.privacy().retention().noContactYears());
    }

    /** Customers with no contact since this instant may be listed (years counted in the business zone). */
    Instant cutoff(Instant now) {
        return ZonedDateTime.ofInstant(now, ZoneId.of(config.zone())).minusYears(noContactYears()).toInstant();
    }

    /** Lists the customers due for review; run monthly and by an admin. */
    @Transactional
    public RetentionRun run() {
        Instant now = clock.instant();
        Instant cutoff = cutoff(now);
        Instant keptSince = ZonedDateTime.ofInstant(now, ZoneId.of(config.zone())).minusMonths(config.privacy().retention().keptMonths())
                .toInstant();
        int listed = repository.listDue(cutoff, keptSince, now);
        return new RetentionRun(listed, cutoff, noContactYears());
    }

    @Transactional
    public PageResponse<RetentionReviewResponse> list(ReviewState state, Integer page, Integer size, String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, RetentionReviewRepository.SORTABLE, "lastContactAt,asc");
        long total = repository.count(state);
        List<RetentionReview> items = total == 0 ? List.of() : repository.page(state, paging);
        return new PageResponse<>(views(items), paging.page(), paging.size(), total);
    }

    @Transactional
    public RetentionReviewResponse get(UUID id) {
        RetentionReview review = repository.findById(id);
        if (review == null) {
            throw ProblemException.notFound("Retention review " + id);
        }
        return views(List.of(review)).get(0);
    }

    /**
     * Approves: the customer is anonymised in every feature, now. Refused (409) when they have been in contact since the policy's
     * cutoff (a purchase after the listing): the policy never anonymises earlier than it says.
     */
    @Transactional
    public RetentionReviewResponse approve(UUID id, String ifMatch, String reason) {
        RetentionReview review = lockPending(id, ifMatch);
        Optional<Instant> last = repository.lastContact(review.contactId);
        if (last.isPresent() && !last.get().isBefore(cutoff(clock.instant()))) {
            throw new ProblemException(409, ProblemTypes.CONFLICT, "Contact since listed",
                    "The customer has been in contact within the retention period; keep them");
        }
        personalData.anonymise(review.contactId);
        audit.record(AuditAction.ANONYMISE, "contact", review.contactId, review.contactId,
                List.of(new FieldChange("retentionReview", null, review.id.toString())));
        return decide(review, ReviewState.APPROVED, reason);
    }

    @Transactional
    public RetentionReviewResponse keep(UUID id, String ifMatch, String reason) {
        return decide(lockPending(id, ifMatch), ReviewState.KEPT, reason);
    }

    private RetentionReviewResponse decide(RetentionReview review, ReviewState to, String reason) {
        review.state = to;
        review.decidedBy = currentUser.id();
        review.decidedAt = clock.instant();
        review.reason = reason.trim();
        repository.flush();
        audit.record(AuditAction.RETENTION, "retention_review", review.id, review.contactId,
                List.of(new FieldChange("state", ReviewState.PENDING.name(), to.name()), new FieldChange("reason", null, review.reason)));
        return views(List.of(review)).get(0);
    }

    private RetentionReview lockPending(UUID id, String ifMatch) {
        long expected = IfMatch.requiredVersion(ifMatch);
        RetentionReview review = repository.findForDecision(id);
        if (review == null) {
            throw ProblemException.notFound("Retention review " + id);
        }
        if (review.version != expected) {
            throw IfMatch.stale();
        }
        if (review.state != ReviewState.PENDING) {
            throw new ProblemException(409, ProblemTypes.ILLEGAL_TRANSITION, "Illegal transition",
                    "This customer was decided already (" + review.state + ")", List.of(), Map.of("state", review.state));
        }
        return review;
    }

    private List<RetentionReviewResponse> views(List<RetentionReview> reviews) {
        Map<UUID, PrivacyRequestRepository.Person> persons = personsOf(reviews);
        Map<UUID, String> names = users.displayNames(reviews.stream().map(v -> v.decidedBy).filter(java.util.Objects::nonNull).toList());
        return reviews.stream().map(v -> {
            PrivacyRequestRepository.Person person = persons.getOrDefault(v.contactId, new PrivacyRequestRepository.Person(null, false));
            return new RetentionReviewResponse(v.id, v.contactId, person.name(), person.anonymised(), v.lastContactAt, v.listedAt, v.state,
                    v.decidedBy, v.decidedBy == null ? null : names.get(v.decidedBy), v.decidedAt, v.reason, v.version);
        }).toList();
    }

    @Inject
    PrivacyRequestRepository people;

    private Map<UUID, PrivacyRequestRepository.Person> personsOf(List<RetentionReview> reviews) {
        return people.persons(reviews.stream().map(v -> v.contactId).toList());
    }
}
