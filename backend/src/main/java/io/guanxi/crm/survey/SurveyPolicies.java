package io.guanxi.crm.survey;

import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.survey.api.SurveyPolicyRequest;
import io.guanxi.crm.survey.api.SurveyPolicyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;

/** The versioned survey policy (pattern: care's {@code CarePolicies}). */
@ApplicationScoped
public class SurveyPolicies {

    @Inject
    SurveyPolicyRepository repository;

    @Inject
    Clock clock;

    @Transactional
    public SurveyPolicy current() {
        return repository.current();
    }

    @Transactional
    public SurveyPolicyResponse change(SurveyPolicyRequest request, String ifMatch, UUID actor) {
        IfMatch.requiredVersion(ifMatch);
        repository.lockForChange();
        SurveyPolicy current = current();
        // Under the lock: of two admins who read the same version, the second gets 412, not a silent overwrite.
        IfMatch.check(ifMatch, current.version);
        SurveyPolicy policy = new SurveyPolicy();
        policy.version = current.version + 1;
        policy.expiryDays = request.expiryDays();
        policy.minDaysBetween = request.minDaysBetween();
        // In the enum's order, so that the same choice always reads the same; MANUAL is always possible.
        policy.triggers = new ArrayList<>(Arrays.stream(SurveyTrigger.values())
                .filter(t -> t != SurveyTrigger.MANUAL && request.triggers().contains(t)).map(Enum::name).toList());
        policy.periodicMonths = request.periodicMonths();
        policy.complaintTemplate = request.complaintTemplate();
        policy.purchaseTemplate = request.purchaseTemplate();
        policy.createdAt = clock.instant();
        policy.createdBy = actor;
        repository.persist(policy);
        return toResponse(policy);
    }

    public static SurveyPolicyResponse toResponse(SurveyPolicy p) {
        return new SurveyPolicyResponse(p.version, p.expiryDays, p.minDaysBetween,
                p.triggers.stream().map(SurveyTrigger::valueOf).toList(), p.periodicMonths, p.complaintTemplate, p.purchaseTemplate,
                p.createdAt, p.createdBy);
    }
}
