package io.guanxi.crm.churnrisk;

import io.guanxi.crm.churnrisk.api.ChurnRiskPolicyRequest;
import io.guanxi.crm.churnrisk.api.ChurnRiskPolicyResponse;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.http.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** The versioned churn-risk policy. A change applies from the next recompute (nightly, on an event, or run by an admin). */
@ApplicationScoped
public class ChurnRiskPolicies {

    @Inject
    ChurnRiskPolicyRepository repository;

    @Inject
    Clock clock;

    @Transactional
    public ChurnRiskPolicy current() {
        return repository.current();
    }

    @Transactional
    public ChurnRiskPolicy version(int version) {
        return repository.findByIdOptional(version).orElseThrow(() -> new IllegalStateException("no churn-risk policy " + version));
    }

    @Transactional
    public ChurnRiskPolicyResponse change(ChurnRiskPolicyRequest r, String ifMatch, UUID actor) {
        IfMatch.requiredVersion(ifMatch);
        int sum = r.quietWeight() + r.purchaseDropWeight() + r.complaintWeight() + r.detractorWeight() + r.levelDownWeight()
                + r.expiringPointsWeight();
        if (sum != 100) {
            throw ProblemException.invalidField("quietWeight", "the six weights must add up to 100 (they add up to " + sum + ")");
        }
        if (r.mediumThreshold() >= r.highThreshold()) {
            throw ProblemException.invalidField("highThreshold", "must be greater than mediumThreshold");
        }
        repository.lockForChange();
        ChurnRiskPolicy current = current();
        // Under the lock: of two admins who read the same version, the second gets 412, not a silent overwrite.
        IfMatch.check(ifMatch, current.version);
        ChurnRiskPolicy p = new ChurnRiskPolicy();
        p.version = current.version + 1;
        p.quietWeight = r.quietWeight();
        p.purchaseDropWeight = r.purchaseDropWeight();
        p.complaintWeight = r.complaintWeight();
        p.detractorWeight = r.detractorWeight();
        p.levelDownWeight = r.levelDownWeight();
        p.expiringPointsWeight = r.expiringPointsWeight();
        p.mediumThreshold = r.mediumThreshold();
        p.highThreshold = r.highThreshold();
        p.defaultCadenceDays = r.defaultCadenceDays();
        p.expiringWithinDays = r.expiringWithinDays();
        p.createdAt = clock.instant();
        p.createdBy = actor;
        repository.persist(p);
        return toResponse(p);
    }

    static ChurnRiskPolicyResponse toResponse(ChurnRiskPolicy p) {
        return new ChurnRiskPolicyResponse(p.version, p.quietWeight, p.purchaseDropWeight, p.complaintWeight, p.detractorWeight,
                p.levelDownWeight, p.expiringPointsWeight, p.mediumThreshold, p.highThreshold, p.defaultCadenceDays, p.expiringWithinDays,
                p.createdAt, p.createdBy);
    }
}
