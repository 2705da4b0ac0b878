package io.guanxi.crm.lead;

import io.guanxi.crm.contact.Region;
import io.guanxi.crm.contact.SourceChannel;
import io.guanxi.crm.lead.api.ScoringPolicyRequest;
import io.guanxi.crm.lead.api.ScorePreview;
import io.guanxi.crm.lead.api.ScoringPolicyResponse;
import io.guanxi.crm.platform.error.FieldError;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.error.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The versioned scoring policy: read the current one, or add a version and rescore open leads. */
@ApplicationScoped
public class ScoringPolicyService {

    @Inject
    ScoringPolicyRepository policies;

    @Inject
    ScoringPolicyMapper mapper;

    @Inject
    LeadRescoring rescoring;

    @Inject
    Clock clock;

    @Transactional
    public LeadScoringPolicy current() {
        return policies.current();
    }

    @Transactional
    public LeadScoringPolicy version(int version) {
        return policies.version(version).orElseThrow(() -> ProblemException.notFound("Scoring policy version " + version));
    }

    @Transactional
    public ScoringPolicyResponse currentResponse() {
        return mapper.toResponse(current(), null);
    }

    @Transactional
    public ScoringPolicyResponse versionResponse(int version) {
        return mapper.toResponse(version(version), null);
    }

    /** Rescoring every open lead outlives the default 60 s transaction at a million leads. */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "guanxi.leads.rescore-timeout")
    public ScoringPolicyResponse change(ScoringPolicyRequest request, String ifMatch, UUID actor) {
        IfMatch.requiredVersion(ifMatch);
        validate(request);
        policies.lockChanges();
        // Under the lock: of two admins who read the same version, the second gets 412, not a silent overwrite.
        IfMatch.check(ifMatch, current().version);
        LeadScoringPolicy policy = fromRequest(request);
        policy.version = current().version + 1;
        Instant now = clock.instant();
        policy.createdAt = now;
        policy.createdBy = actor;
        policies.persist(policy);
        int rescored = rescoring.rescoreAllOpen(policy.version, ScoreCause.POLICY_CHANGED, now);
        return mapper.toResponse(policy, rescored);
    }

    /** What saving this policy would change, computed over every open lead without writing. */
    @Transactional
    public ScorePreview preview(ScoringPolicyRequest request) {
        validate(request);
        return rescoring.preview(fromRequest(request), current(), clock.instant());
    }

    private static LeadScoringPolicy fromRequest(ScoringPolicyRequest request) {
        LeadScoringPolicy policy = new LeadScoringPolicy();
        policy.matchRules = List.copyOf(request.matchRules());
        policy.activityWindowDays = request.activityWindowDays();
        policy.pointsPerInteraction = request.pointsPerInteraction();
        policy.activityCap = request.activityCap();
        policy.matchWeight = request.matchWeight();
        policy.activityWeight = request.activityWeight();
        policy.priorityThreshold = request.priorityThreshold();
        policy.highValueThreshold = request.highValueThreshold();
        policy.careAfterDays = request.careAfterDays();
        policy.repsSeeUnassigned = !Boolean.FALSE.equals(request.repsSeeUnassigned());
        return policy;
    }


    /** The rules that bean validation cannot state: weights sum to 1, ordered thresholds, valid rule values. */
    static void validate(ScoringPolicyRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.matchWeight().add(request.activityWeight()).compareTo(BigDecimal.ONE) != 0) {
            errors.add(new FieldError("activityWeight", "matchWeight + activityWeight must be exactly 1"));
        }
        if (request.highValueThreshold() < request.priorityThreshold()) {
            errors.add(new FieldError("highValueThreshold", "must not be below priorityThreshold"));
        }
        for (int i = 0; i < request.matchRules().size(); i++) {
            MatchRule rule = request.matchRules().get(i);
            String problem = switch (rule.field()) {
                case SOURCE -> oneOf(rule.value(), SourceChannel.values());
                case REGION -> oneOf(rule.value(), Region.values());
                case BUDGET_AT_LEAST -> isAmount(rule.value()) ? null : "must be an amount of 0 or more";
                case INDUSTRY, PRODUCT_INTEREST -> null;
            };
            if (problem != null) {
                errors.add(new FieldError("matchRules[" + i + "].value", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, ProblemTypes.VALIDATION, "Validation failed",
                    "The scoring policy is not consistent", errors, Map.of());
        }
    }

    private static String oneOf(String value, Enum<?>[] values) {
        return Arrays.stream(values).anyMatch(v -> v.name().equals(value)) ? null
                : "must be one of " + String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }

    private static boolean isAmount(String value) {
        try {
            return new BigDecimal(value).signum() >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
