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
import jakarta.persistence.EntityManager;
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

    private static final long POLICY_LOCK = 0x74706f6cL;

    @Inject
    EntityManager em;

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
        return em.createQuery("from TierPolicy p order by p.version desc", TierPolicy.class).setMaxResults(1).getSingleResult();
    }

    @Transactional
    public TierPolicyResponse change(TierPolicyRequest request, String ifMatch, UUID actor) {
        IfMatch.requiredVersion(ifMatch);
        validate(request);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", POLICY_LOCK).getSingleResult();
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
        em.persist(policy);
        return toResponse(policy);
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
        Tuple r = Rows.first(em.createNativeQuery("""
                SELECT revenue AS revenue, purchase_count AS purchase_count, average_order AS average_order,
                       first_purchase_at AS first_purchase_at, last_purchase_at AS last_purchase_at, abc_tier AS abc_tier,
                       abcd_quadrant AS abcd_quadrant, membership_level AS membership_level, rfm_recency AS rfm_recency,
                       rfm_frequency AS rfm_frequency, rfm_monetary AS rfm_monetary, clv AS clv, policy_version AS policy_version,
                       computed_at AS computed_at
                FROM customer_value WHERE contact_id = :id""", Tuple.class).setParameter("id", contactId)).orElse(null);
        if (r == null) {
            return null;
        }
        Object quadrantValue = r.get("abcd_quadrant");
        String quadrant = quadrantValue == null ? null : quadrantValue.toString();
        return new CustomerValueResponse(contactId, Rows.decimal(r, "revenue"), Rows.intValue(r, "purchase_count"),
                Rows.decimal(r, "average_order"), Rows.instant(r, "first_purchase_at"), Rows.instant(r, "last_purchase_at"),
                Rows.string(r, "abc_tier"), quadrant, quadrant == null ? null : TierRecompute.ACTIONS.get(quadrant),
                MembershipLevel.valueOf(Rows.string(r, "membership_level")), Rows.nullableInt(r, "rfm_recency"),
                Rows.nullableInt(r, "rfm_frequency"), Rows.nullableInt(r, "rfm_monetary"), Rows.decimal(r, "clv"),
                Rows.intValue(r, "policy_version"), Rows.instant(r, "computed_at"));
    }

    /** The customer's value, or null for a contact without purchases (the caller has checked visibility). */
    @Transactional
    public CustomerValueResponse valueIfCustomer(UUID contactId) {
        return findValue(contactId);
    }

    @Transactional
    public List<TierChange> history(UUID contactId) {
        contacts.requireVisibleContact(contactId);
        List<Tuple> rows = Rows.list(em.createNativeQuery("""
                SELECT dimension AS dimension, from_value AS from_value, to_value AS to_value, cause AS cause, job_id AS job_id,
                       changed_at AS changed_at FROM tier_history
                WHERE contact_id = :id ORDER BY changed_at DESC, id DESC LIMIT 200""", Tuple.class)
                .setParameter("id", contactId));
        return rows.stream().map(r -> new TierChange(Rows.string(r, "dimension"), Rows.string(r, "from_value"),
                Rows.string(r, "to_value"), Rows.string(r, "cause"), Rows.uuid(r, "job_id"), Rows.instant(r, "changed_at"))).toList();
    }

    /**
     * A sale or refund updates the customer's window figures at once, and a sale that crosses a
     * threshold lifts the level at once (SPEC §5: upgrades are immediate, downgrades wait for the review).
     */
    void onPurchase(@Observes PurchaseRecorded event) {
        TierPolicy policy = current();
        Instant now = clock.instant();
        Instant windowStart = now.atOffset(ZoneOffset.UTC).minusMonths(policy.windowMonths).toInstant();
        Tuple stats = Rows.one(em.createNativeQuery("""
                SELECT COALESCE(sum(amount - refunded_amount) FILTER (WHERE occurred_at > :windowStart), 0) AS revenue,
                       count(*) FILTER (WHERE occurred_at > :windowStart AND amount > refunded_amount) AS purchases,
                       min(occurred_at) AS first_at, max(occurred_at) AS last_at
                FROM purchase WHERE contact_id = :id AND occurred_at <= :now""", Tuple.class)
                .setParameter("windowStart", windowStart).setParameter("now", now).setParameter("id", event.contactId()));
        BigDecimal revenue = Rows.decimal(stats, "revenue");
        int count = Rows.intValue(stats, "purchases");
        Instant first = Rows.instant(stats, "first_at");
        if (first == null) {
            return; // a sale dated in the future counts once its time has come
        }
        MembershipLevel earned = earnedLevel(policy, revenue, first, now);
        @SuppressWarnings("unchecked")
        List<String> currentLevel = em.createNativeQuery(
                "SELECT membership_level FROM customer_value WHERE contact_id = :id FOR UPDATE")
                .setParameter("id", event.contactId()).getResultList();
        MembershipLevel previous = currentLevel.isEmpty() ? null : MembershipLevel.valueOf(currentLevel.get(0));
        MembershipLevel level = previous == null || earned.compareTo(previous) > 0 ? earned : previous;
        em.createNativeQuery("""
                INSERT INTO customer_value (contact_id, revenue, purchase_count, average_order, first_purchase_at, last_purchase_at,
                                            membership_level, policy_version, computed_at)
                VALUES (:id, :revenue, :count, :aov, :first, :last, :level, :version, :now)
                ON CONFLICT (contact_id) DO UPDATE SET revenue = EXCLUDED.revenue, purchase_count = EXCLUDED.purchase_count,
                    average_order = EXCLUDED.average_order, first_purchase_at = EXCLUDED.first_purchase_at,
                    last_purchase_at = EXCLUDED.last_purchase_at, membership_level = EXCLUDED.membership_level,
                    computed_at = EXCLUDED.computed_at""")
                .setParameter("id", event.contactId()).setParameter("revenue", revenue).setParameter("count", count)
                .setParameter("aov", count == 0 ? BigDecimal.ZERO : revenue.divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.HALF_UP))
                .setParameter("first", first).setParameter("last", Rows.instant(stats, "last_at"))
                .setParameter("level", level.name()).setParameter("version", policy.version).setParameter("now", now)
                .executeUpdate();
        if (level != previous) {
            em.createNativeQuery("""
                    INSERT INTO tier_history (contact_id, dimension, from_value, to_value, cause, changed_at)
                    VALUES (:id, 'LEVEL', CAST(:from AS varchar), :to, 'PURCHASE', :now)""")
                    .setParameter("id", event.contactId()).setParameter("from", previous == null ? null : previous.name())
                    .setParameter("to", level.name()).setParameter("now", now).executeUpdate();
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

    static TierPolicyResponse toResponse(TierPolicy p) {
        return new TierPolicyResponse(p.version, p.windowMonths, p.abcMethod, p.aCutoffPercent, p.bCutoffPercent, p.noRevenueTier,
                p.abcdThresholds, p.frequencyThreshold, p.orderValueThreshold, p.goldSpend, p.goldTenureDays, p.platinumSpend,
                p.platinumTenureDays, p.expectedLifetimeYears, p.createdAt, p.createdBy);
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
