package io.guanxi.crm.loyalty;

import io.guanxi.crm.purchase.PurchaseRecorded;
import io.guanxi.crm.tier.MembershipLevel;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Points a purchase earns, in the purchase's own transaction: floor(amount × rate × level
 * multiplier), once per purchase (unique index), available at once or after the pending (return)
 * window. A refund takes back its share of them. A referred customer's first purchase of at least
 * the policy's referralMinPurchase earns the referrer a bonus, once, through the same pending window;
 * a refund that takes that purchase below the minimum reverses the whole bonus.
 */
@ApplicationScoped
public class PointsEarning {

    private static final Logger LOG = Logger.getLogger(PointsEarning.class);
    private static final int RELEASE_BATCH = 500;

    @Inject
    PointsEarningRepository repository;

    @Inject
    PointsLedger ledger;

    @Inject
    LoyaltyPolicies policies;

    @Inject
    Clock clock;

    /** After the tier observer, so a sale that lifts the level earns at the new level. */
    void onPurchase(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) PurchaseRecorded event) {
        apply(event, clock.instant());
    }

    /**
     * A sale that was stored before the ledger saw it (the demo data): it earns as of when it happened,
     * with the same earning record a live sale gets, so refunding it later takes its points back.
     */
    public void earnForPastPurchase(PurchaseRecorded sale, Instant occurredAt) {
        if (sale.refund()) {
            throw new IllegalArgumentException("a past refund is not replayed");
        }
        apply(sale, occurredAt);
    }

    private void apply(PurchaseRecorded event, Instant now) {
        LoyaltyPolicy policy = policies.current();
        if (event.refund()) {
            reverse(event, policy, now);
            reverseReferral(event, policy, now);
            return;
        }
        MembershipLevel level = levelOf(event.contactId());
        if (policy.membersOnly && level == null) {
            return;
        }
        long points = policy.pointsFor(event.amount(), level);
        if (points > 0) {
            earn(event.contactId(), "PURCHASE", event.purchaseId(), null, points, policy, now);
        }
        referralBonus(event.contactId(), event.purchaseId(), event.amount(), policy, now);
    }

    /**
     * The referrer's bonus, when this is the referred customer's first purchase of at least the
     * minimum: a token purchase mints nothing. Pending like earned points; once per referred customer.
     */
    private void referralBonus(UUID contactId, UUID purchaseId, BigDecimal amount, LoyaltyPolicy policy, Instant now) {
        if (policy.referralBonus == 0 || amount.compareTo(policy.referralMinPurchase) < 0) {
            return;
        }
        UUID referrerId = repository.referrerOf(contactId).orElse(null);
        if (referrerId == null) {
            return;
        }
        long earlierQualifying = repository.earlierQualifyingPurchases(contactId, purchaseId, policy.referralMinPurchase);
        if (earlierQualifying > 0 || policy.membersOnly && levelOf(referrerId) == null) {
            return;
        }
        earn(referrerId, "REFERRAL", purchaseId, contactId, policy.referralBonus, policy, now);
    }

    /**
     * A refund that leaves the qualifying purchase below the minimum reverses the whole referral
     * bonus: still pending, it is simply not given; posted, it comes out of its own lot first, and
     * what the referrer already spent is the shortfall the policy writes off or keeps as debt.
     */
    private void reverseReferral(PurchaseRecorded event, LoyaltyPolicy policy, Instant now) {
        PointsEarningRepository.ReferralEarning row = repository.lockReferralEarning(event.purchaseId()).orElse(null);
        if (row == null || row.keptAmount().compareTo(policy.referralMinPurchase) >= 0) {
            return;
        }
        repository.reverseAll(row.id());
        if (!"POSTED".equals(row.state())) {
            return;
        }
        PointsLedger.Refs refs = new PointsLedger.Refs(event.purchaseId(), event.refundId(), null, row.referredContactId(), null, null);
        PointsLedger.Debit debit = ledger.debit(row.referrerId(), EntryKind.REVERSE, row.unreversed(), "REFERRAL_REVERSED", refs, now,
                row.lotId(), true);
        if (debit.shortfall() > 0) {
            ledger.recordShortfall(row.referrerId(), debit.shortfall(), policy.refundShortfall);
        }
    }

    /** Records what was earned; the unique indexes make a second earning for the same purchase or referral a no-op. */
    private void earn(UUID contactId, String source, UUID purchaseId, UUID referredContactId, long points, LoyaltyPolicy policy,
            Instant now) {
        Instant availableAt = now.plus(Duration.ofDays(policy.pendingDays));
        repository.insertPending(contactId, source, purchaseId, referredContactId, points, availableAt, now)
                .filter(id -> !availableAt.isAfter(now)).ifPresent(id -> post(id, policy, now));
    }

    /** Turns an earning whose window has passed into ledger points (what refunds left of it). */
    private void post(long earningId, LoyaltyPolicy policy, Instant now) {
        PointsEarningRepository.PendingEarning row = repository.lockPending(earningId).orElse(null);
        if (row == null) {
            return;
        }
        if (row.unreversed() == 0) {
            repository.voidEarning(earningId);
            return;
        }
        boolean purchase = "PURCHASE".equals(row.source());
        PointsLedger.Refs refs = new PointsLedger.Refs(row.purchaseId(), null, null, row.referredContactId(), null, null);
        PointsLedger.Credit credit = ledger.credit(row.contactId(), purchase ? EntryKind.EARN : EntryKind.REFERRAL_BONUS, row.unreversed(),
                purchase ? "PURCHASE" : "REFERRAL", refs, now, policy.expiryOf(now, policies.zone()));
        repository.markPosted(earningId, credit.entryId(), credit.lotId());
    }

    /**
     * A refund takes back floor(earned × refunded so far / amount) less what earlier refunds took,
     * so a full refund takes back exactly what was earned. Pending points are simply not given;
     * posted ones come out of the purchase's own lot first, and what was already spent is the
     * shortfall the policy writes off or keeps as debt.
     */
    private void reverse(PurchaseRecorded event, LoyaltyPolicy policy, Instant now) {
        PointsEarningRepository.PurchaseEarning row = repository.lockPurchaseEarning(event.purchaseId()).orElse(null);
        if (row == null) {
            return; // the purchase earned nothing (members only, or under one point)
        }
        long earned = row.points();
        long reversedTarget = BigDecimal.valueOf(earned).multiply(row.refundedAmount()).divide(row.amount(), 0, RoundingMode.FLOOR)
                .longValueExact();
        long toReverse = reversedTarget - row.reversedPoints();
        if (toReverse <= 0) {
            return;
        }
        repository.setReversed(row.id(), reversedTarget);
        if (!"POSTED".equals(row.state())) {
            if (reversedTarget == earned && "PENDING".equals(row.state())) {
                repository.voidEarning(row.id());
            }
            return;
        }
        PointsLedger.Refs refs = new PointsLedger.Refs(event.purchaseId(), event.refundId(), null, null, null, null);
        PointsLedger.Debit debit = ledger.debit(event.contactId(), EntryKind.REVERSE, toReverse, "PURCHASE_REFUNDED", refs, now,
                row.lotId(), true);
        if (debit.shortfall() > 0) {
            ledger.recordShortfall(event.contactId(), debit.shortfall(), policy.refundShortfall);
        }
    }

    /** Makes the points whose pending window has passed available, a batch per transaction. */
    @Scheduled(every = "{guanxi.loyalty.release-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "points-release")
    @Nonconcurrent
    void scheduledRelease() {
        int released = releaseDue(clock.instant());
        if (released > 0) {
            LOG.infof("Released %d pending points earnings", released);
        }
    }

    /** Releases every earning available at {@code now}; returns how many. */
    public int releaseDue(Instant now) {
        int total = 0;
        int batch;
        do {
            batch = releaseBatch(now);
            total += batch;
        } while (batch == RELEASE_BATCH);
        return total;
    }

    @Transactional
    int releaseBatch(Instant now) {
        List<Long> due = repository.lockDue(now, RELEASE_BATCH);
        LoyaltyPolicy policy = policies.current();
        for (long id : due) {
            post(id, policy, now);
        }
        return due.size();
    }

    MembershipLevel levelOf(UUID contactId) {
        return repository.levelOf(contactId).orElse(null);
    }
}
