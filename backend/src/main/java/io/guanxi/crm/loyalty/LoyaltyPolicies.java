package io.guanxi.crm.loyalty;

import io.guanxi.crm.loyalty.api.LoyaltyPolicyRequest;
import io.guanxi.crm.loyalty.api.LoyaltyPolicyResponse;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.http.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

/** The versioned points policy: earning rate and multipliers, pending window, expiry, referral, shortfall. */
@ApplicationScoped
public class LoyaltyPolicies {

    @Inject
    LoyaltyPolicyRepository repository;

    @Inject
    Clock clock;

    @Inject
    GuanxiConfig config;

    @Transactional
    public LoyaltyPolicy current() {
        return repository.current();
    }

    public ZoneId zone() {
        return ZoneId.of(config.loyalty().zone());
    }

    @Transactional
    public LoyaltyPolicyResponse change(LoyaltyPolicyRequest request, String ifMatch, UUID actor) {
        IfMatch.requiredVersion(ifMatch);
        if (request.expiryMode() == ExpiryMode.MONTHS_AFTER_EARNING && request.expiryMonths() == null) {
            throw ProblemException.invalidField("expiryMonths", "is required when expiryMode is MONTHS_AFTER_EARNING");
        }
        repository.lockForChange();
        LoyaltyPolicy current = current();
        // Under the lock: of two admins who read the same version, the second gets 412, not a silent overwrite.
        IfMatch.check(ifMatch, current.version);
        LoyaltyPolicy policy = new LoyaltyPolicy();
        policy.version = current.version + 1;
        policy.pointsPerCny = request.pointsPerCny();
        policy.silverMultiplier = request.silverMultiplier();
        policy.goldMultiplier = request.goldMultiplier();
        policy.platinumMultiplier = request.platinumMultiplier();
        policy.pendingDays = request.pendingDays();
        policy.expiryMode = request.expiryMode();
        policy.expiryMonths = request.expiryMonths() == null ? 24 : request.expiryMonths();
        policy.referralBonus = request.referralBonus();
        // Optional in the request: an older client keeps the minimum in force.
        policy.referralMinPurchase = request.referralMinPurchase() != null ? request.referralMinPurchase() : current.referralMinPurchase;
        policy.refundShortfall = request.refundShortfall();
        policy.membersOnly = request.membersOnly();
        policy.pointValueCny = request.pointValueCny();
        policy.expiringSoonDays = request.expiringSoonDays();
        policy.createdAt = clock.instant();
        policy.createdBy = actor;
        repository.persist(policy);
        return toResponse(policy);
    }

    static LoyaltyPolicyResponse toResponse(LoyaltyPolicy p) {
        return new LoyaltyPolicyResponse(p.version, p.pointsPerCny, p.silverMultiplier, p.goldMultiplier, p.platinumMultiplier,
                p.pendingDays, p.expiryMode, p.expiryMonths, p.referralBonus, p.referralMinPurchase, p.refundShortfall, p.membersOnly, p.pointValueCny,
                p.expiringSoonDays, p.createdAt, p.createdBy);
    }
}
