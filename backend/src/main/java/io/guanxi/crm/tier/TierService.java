package io.guanxi.crm.tier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.FieldError;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.jobs.JobResponse;
import io.guanxi.crm.platform.jobs.Jobs;
import io.guanxi.crm.purchase.PurchaseRecorded;
import io.guanxi.crm.tier.api.CustomerValueResponse;
import io.guanxi.crm.tier.api.TierChange;
import io.guanxi.crm.tier.api.TierPolicyRequest;
import io.guanxi.crm.tier.api.TierPolicyResponse;
import io.guanxi.crm.tier.api.TierReport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tiering policy, the recompute job, and each customer's value and its history. */
@ApplicationScoped
public class TierService {

    @Inject
    TierRepository tiers;

    @Inject
    TierPolicyMapper policyMapper;

    @Inject
    CustomerValueMapper valueMapper;

    @Inject
    TierRecompute recompute;

    @Inject
    Jobs jobs;

    @Inject
    ContactService contacts;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "guanxi.tiers.recompute-timeout")
    int recomputeTimeoutSeconds;

    @Transactional
    public TierPolicy current() {
        return tiers.currentPolicy();
    }

    @Transactional
    public TierPolicyResponse currentResponse() {
        return policyMapper.toResponse(current());
    }

    @Transactional
    public TierPolicyResponse change(TierPolicyRequest request, String ifMatch, UUID actor) {
        IfMatch.requiredVersion(ifMatch);
        validate(request);
        tiers.lockPolicy();
        // Under the lock: of two admins who read the same version, the second gets 412, not a silent overwrite.
        IfMatch.check(ifMatch, current().version);
        TierPolicy policy = new TierPolicy();
        policy.version = current().version + 1;
        policy.windowMonths = request.windowMonths();
        policy.abcMethod = request.abcMethod();
        policy.aCutoffPercent = request.aCutoffPercent();
        policy.bCutoffPercent = request.bCutoffPercent();
        policy.noRevenueTier = request.noRevenueTier();
        policy.abcdThresholds = request.abcdThresholds();
        boolean fixed = "FIXED".equals(request.abcdThresholds());
        policy.frequencyThreshold = fixed ? request.frequencyThreshold() : null;
        policy.orderValueThreshold = fixed ? request.orderValueThreshold() : null;
        policy.goldSpend = request.goldSpend();
        policy.goldTenureDays = request.goldTenureDays();
        policy.platinumSpend = request.platinumSpend();
        policy.platinumTenureDays = request.platinumTenureDays();
        policy.expectedLifetimeYears = request.expectedLifetimeYears();
        policy.createdAt = clock.instant();
        policy.createdBy = actor;
        tiers.persist(policy);
        return policyMapper.toResponse(policy);
    }

    /** Starts a recompute in the background (409 while one runs). A review may also lower levels. */
    public JobResponse startRecompute(boolean review, UUID requestedBy) {
        return jobs.start(TierRecompute.JOB_KIND, requestedBy, progress -> run(review, progress));
    }

    /** For the schedulers: runs here and now; false when a recompute is already running. */
    public boolean recomputeNow(boolean review) {
        return jobs.runNow(TierRecompute.JOB_KIND, progress -> run(review, progress));
    }

    private TierReport run(boolean review, Jobs.Progress progress) {
        UUID jobId = progress.jobId();
        return QuarkusTransaction.requiringNew().timeout(recomputeTimeoutSeconds).call(() ->
                recompute.recompute(current(), review, jobId, clock.instant(), progress));
    }

    /** The report of the latest finished recompute, or 404 before the first. */
    @Transactional
    public TierReport latestReport() {
        JobResponse job = jobs.latestSucceeded(TierRecompute.JOB_KIND);
        if (job == null || job.report() == null) {
            throw ProblemException.notFound("Tier report (no recompute has finished yet)");
        }
        try {
            return json.convertValue(job.report(), TierReport.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public CustomerValueResponse value(UUID contactId) {
        contacts.requireVisibleContact(contactId);
        CustomerValueResponse value = findValue(contactId);
        if (value == null) {
            throw ProblemException.notFound("Customer value of " + contactId + " (no purchase yet)");
        }
        return value;
    }

    private CustomerValueResponse findValue(UUID contactId) {
        return tiers.value(contactId).map(valueMapper::toResponse).orElse(null);
    }

    /** The customer's value, or null for a contact without purchases (the caller has checked visibility). */
    @Transactional
    public CustomerValueResponse valueIfCustomer(UUID contactId) {
        return findValue(contactId);
    }

    @Transactional
    public List<TierChange> history(UUID contactId) {
        contacts.requireVisibleContact(contactId);
        List<Tuple> rows = tiers.history(contactId);
        return rows.stream().map(r -> new TierChange(Rows.string(r, "dimension"), Rows.string(r, "from_value"),
                Rows.string(r, "to_value"), Rows.string(r, "cause"), Rows.uuid(r, "job_id"), Rows.instant(r, "changed_at"))).toList();
    }

    /**
     * A sale or refund updates the customer's window figures at once, and a sale that crosses a
     * threshold lifts the level at once (SPEC §5: upgrades are immediate, downgrades wait for the review).
     */
    void onPurchase(@Observes PurchaseRecorded event) {
        refreshFromPurchases(event.contactId());
    }

    /** The customer's window figures from its purchases now, and its level lifted if they earn more (merges too). */
    void refreshFromPurchases(java.util.UUID contactId) {
        TierPolicy policy = current();
        Instant now = clock.instant();
        Instant windowStart = now.atOffset(ZoneOffset.UTC).minusMonths(policy.windowMonths).toInstant();
        TierRepository.WindowFigures figures = tiers.windowFigures(contactId, windowStart, now);
        if (figures.firstAt() == null) {
            return; // a sale dated in the future counts once its time has come
        }
        MembershipLevel earned = earnedLevel(policy, figures.revenue(), figures.firstAt(), now);
        MembershipLevel previous = tiers.levelForUpdate(contactId).orElse(null);
        MembershipLevel level = previous == null || earned.compareTo(previous) > 0 ? earned : previous;
        int count = figures.purchases();
        BigDecimal averageOrder = count == 0 ? BigDecimal.ZERO
                : figures.revenue().divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.HALF_UP);
        tiers.saveAfterPurchase(contactId, figures, averageOrder, level, policy.version, now);
        if (level != previous) {
            tiers.recordLevelChange(contactId, previous, level, now);
        }
    }

    /** The level a customer's window spend and tenure earn under the policy. */
    static MembershipLevel earnedLevel(TierPolicy policy, BigDecimal windowSpend, Instant firstPurchase, Instant now) {
        long tenureDays = java.time.Duration.between(firstPurchase, now).toDays();
        if (windowSpend.compareTo(policy.platinumSpend) >= 0 && tenureDays >= policy.platinumTenureDays) {
            return MembershipLevel.PLATINUM;
        }
        if (windowSpend.compareTo(policy.goldSpend) >= 0 && tenureDays >= policy.goldTenureDays) {
            return MembershipLevel.GOLD;
        }
        return MembershipLevel.SILVER;
    }


    static void validate(TierPolicyRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.bCutoffPercent().compareTo(request.aCutoffPercent()) <= 0) {
            errors.add(new FieldError("bCutoffPercent", "must be above aCutoffPercent"));
        }
        if (request.platinumSpend().compareTo(request.goldSpend()) <= 0) {
            errors.add(new FieldError("platinumSpend", "must be above goldSpend"));
        }
        if ("FIXED".equals(request.abcdThresholds())) {
            if (request.frequencyThreshold() == null) {
                errors.add(new FieldError("frequencyThreshold", "is required when abcdThresholds is FIXED"));
            }
            if (request.orderValueThreshold() == null) {
                errors.add(new FieldError("orderValueThreshold", "is required when abcdThresholds is FIXED"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, ProblemTypes.VALIDATION, "Validation failed", "The tiering policy is not consistent",
                    errors, Map.of());
        }
    }

}
