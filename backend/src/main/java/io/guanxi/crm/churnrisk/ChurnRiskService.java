package io.guanxi.crm.churnrisk;

import io.guanxi.crm.consent.ConsentService;
import io.guanxi.crm.consent.ScoringState;
import io.guanxi.crm.churnrisk.ChurnRiskScoring.Facts;
import io.guanxi.crm.churnrisk.ChurnRiskScoring.Result;
import io.guanxi.crm.churnrisk.ChurnRiskScoring.SignalValue;
import io.guanxi.crm.churnrisk.api.AtRiskCustomer;
import io.guanxi.crm.churnrisk.api.ChurnRiskResponse;
import io.guanxi.crm.churnrisk.api.ChurnSignalResponse;
import io.guanxi.crm.complaint.Severity;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.tier.MembershipLevel;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads churn-risk scores and explains them: the stored score (SQL) with its signals and reasons (Java, from the stored facts). */
@ApplicationScoped
public class ChurnRiskService {

    /** How many reasons a row of the at-risk list shows. */
    static final int LIST_REASONS = 3;

    private static final Map<String, String> SORTABLE = Map.of("score", "r.score", "name", "c.name", "computedAt", "r.computed_at");

    @Inject
    ChurnRiskRepository repository;

    @Inject
    ChurnRiskPolicies policies;

    @Inject
    Visibility visibility;

    @Inject
    UserService users;

    @Inject
    ConsentService consents;

    /** A visible customer's score; 404 for a contact that is not visible, not a customer, or not scored yet. */
    @Transactional
    public ChurnRiskResponse get(UUID contactId) {
        return find(contactId).orElseThrow(() -> Visibility.contactNotFound(contactId));
    }

    /**
     * A visible customer's score, NOT_SCORED_AT_CUSTOMER_REQUEST for one who objected to profiling, empty when not a
     * customer or not scored yet; 404 for a contact the caller may not see.
     */
    @Transactional
    public Optional<ChurnRiskResponse> find(UUID contactId) {
        Optional<Tuple> found = repository.find(contactId, visibility.contactSql("c"));
        if (found.isEmpty()) {
            visibility.requireContact(contactId);
            return consents.objectsToProfiling(contactId)
                    ? Optional.of(new ChurnRiskResponse(contactId, ScoringState.NOT_SCORED_AT_CUSTOMER_REQUEST, null, null, List.of(),
                            List.of(), null, null))
                    : Optional.empty();
        }
        Tuple row = found.get();
        Result result = explain(row, new HashMap<>());
        return Optional.of(new ChurnRiskResponse(contactId, ScoringState.SCORED, Rows.intValue(row, "score"),
                ChurnRiskLevel.valueOf(Rows.string(row, "level")), responses(result.reasons()), responses(result.signals()),
                Rows.intValue(row, "policy_version"), Rows.instant(row, "computed_at")));
    }

    /** The at-risk list: scored customers the caller may see, highest score first unless sorted otherwise. */
    @Transactional
    public PageResponse<AtRiskCustomer> list(ChurnRiskLevel level, UUID ownerId, Integer page, Integer size, String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, SORTABLE, "score,desc");
        Visibility.Predicate visible = visibility.contactSql("c");
        List<Tuple> rows = repository.page(visible, level, ownerId, paging.orderBySql(), paging.offset(), paging.size());
        long total = repository.count(visible, level, ownerId);
        Set<UUID> owners = rows.stream().map(r -> Rows.uuid(r, "owner_id")).collect(Collectors.toSet());
        Map<UUID, String> ownerNames = owners.isEmpty() ? Map.of() : users.displayNames(owners);
        Map<Integer, ChurnRiskPolicy> policyVersions = new HashMap<>();
        List<AtRiskCustomer> items = rows.stream().map(r -> new AtRiskCustomer(Rows.uuid(r, "contact_id"), Rows.string(r, "name"),
                Rows.uuid(r, "owner_id"), ownerNames.get(Rows.uuid(r, "owner_id")), Rows.intValue(r, "score"),
                ChurnRiskLevel.valueOf(Rows.string(r, "level")),
                responses(explain(r, policyVersions).reasons().stream().limit(LIST_REASONS).toList()), Rows.instant(r, "computed_at")))
                .toList();
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    /** The Java explanation of a stored row, under the policy version it was computed with. */
    Result explain(Tuple row, Map<Integer, ChurnRiskPolicy> policyVersions) {
        ChurnRiskPolicy policy = policyVersions.computeIfAbsent(Rows.intValue(row, "policy_version"), policies::version);
        return ChurnRiskScoring.score(facts(row), policy);
    }

    static Facts facts(Tuple r) {
        String severity = Rows.string(r, "complaint_severity");
        String from = Rows.string(r, "level_from");
        String to = Rows.string(r, "level_to");
        return new Facts(Rows.nullableInt(r, "days_quiet"), Rows.intValue(r, "usual_gap_days"), Rows.bool(r, "usual_gap_default"),
                Rows.intValue(r, "recent_purchases"), Rows.intValue(r, "earlier_purchases"),
                severity == null ? null : Severity.valueOf(severity), Rows.bool(r, "complaint_open"), Rows.nullableInt(r, "detractor_score"),
                from == null ? null : MembershipLevel.valueOf(from), to == null ? null : MembershipLevel.valueOf(to),
                Rows.longValue(r, "points_expiring"), Rows.longValue(r, "points_balance"));
    }

    private static List<ChurnSignalResponse> responses(List<SignalValue> signals) {
        return signals.stream().map(s -> new ChurnSignalResponse(s.signal(), s.value(), s.weight(), s.points(), s.params())).toList();
    }
}
