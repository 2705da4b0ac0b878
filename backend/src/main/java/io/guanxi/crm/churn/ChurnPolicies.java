package io.guanxi.crm.churn;

import io.guanxi.crm.churn.api.ChurnPolicyRequest;
import io.guanxi.crm.churn.api.ChurnPolicyResponse;
import io.guanxi.crm.platform.http.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** The versioned churn policy. */
@ApplicationScoped
public class ChurnPolicies {

    @Inject
    ChurnPolicyRepository repository;

    @Inject
    Clock clock;

    @Transactional
    public ChurnPolicy current() {
        return repository.current();
    }

    @Transactional
    public ChurnPolicyResponse change(ChurnPolicyRequest request, String ifMatch, UUID actor) {
        IfMatch.requiredVersion(ifMatch);
        repository.lockForChange();
        ChurnPolicy current = current();
        // Under the lock: of two admins who read the same version, the second gets 412, not a silent overwrite.
        IfMatch.check(ifMatch, current.version);
        ChurnPolicy policy = new ChurnPolicy();
        policy.version = current.version + 1;
        policy.monthsWithoutPurchase = request.monthsWithoutPurchase();
        policy.ruleEnabled = request.ruleEnabled();
        policy.createdAt = clock.instant();
        policy.createdBy = actor;
        repository.persist(policy);
        return toResponse(policy);
    }

    static ChurnPolicyResponse toResponse(ChurnPolicy p) {
        return new ChurnPolicyResponse(p.version, p.monthsWithoutPurchase, p.ruleEnabled, p.createdAt, p.createdBy);
    }
}
