package io.guanxi.crm.lead;

import io.guanxi.crm.lead.api.AssignmentRuleRequest;
import io.guanxi.crm.lead.api.AssignmentRuleResponse;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** The ordered assignment rules (managers and admins). */
@ApplicationScoped
public class AssignmentRuleService {

    @Inject
    AssignmentRuleRepository rules;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    @Transactional
    public List<AssignmentRuleResponse> list() {
        return rules.all().stream().map(AssignmentRuleService::toResponse).toList();
    }

    @Transactional
    public AssignmentRuleResponse get(UUID id) {
        return toResponse(find(id));
    }

    @Transactional
    public AssignmentRuleResponse create(AssignmentRuleRequest request) {
        AssignmentRule rule = new AssignmentRule();
        rule.id = Ids.newId();
        apply(request, rule);
        rule.createdAt = rule.updatedAt = clock.instant();
        rules.persist(rule);
        return toResponse(rule);
    }

    @Transactional
    public AssignmentRuleResponse update(UUID id, String ifMatch, AssignmentRuleRequest request) {
        AssignmentRule rule = find(id);
        IfMatch.check(ifMatch, rule.version);
        apply(request, rule);
        rule.updatedAt = clock.instant();
        rules.flush();
        return toResponse(rule);
    }

    @Transactional
    public void delete(UUID id) {
        rules.delete(find(id));
    }

    private AssignmentRule find(UUID id) {
        return rules.find(id).orElseThrow(() -> ProblemException.notFound("Assignment rule " + id));
    }

    private void apply(AssignmentRuleRequest request, AssignmentRule rule) {
        List<UUID> pool = request.assigneeIds().stream().distinct().toList();
        var reps = new HashSet<>(users.activeSalesReps(null));
        for (int i = 0; i < pool.size(); i++) {
            if (!reps.contains(pool.get(i))) {
                throw ProblemException.invalidField("assigneeIds[" + i + "]", "is not an active sales rep");
            }
        }
        rule.position = request.position();
        rule.name = request.name().trim();
        rule.region = request.region();
        rule.industry = request.industry() == null || request.industry().isBlank() ? null : request.industry().trim();
        rule.minScore = request.minScore();
        rule.assigneeIds = pool;
        rule.strategy = request.strategy();
        rule.active = request.active() == null || request.active();
    }

    static AssignmentRuleResponse toResponse(AssignmentRule r) {
        return new AssignmentRuleResponse(r.id, r.position, r.name, r.region, r.industry, r.minScore,
                List.copyOf(r.assigneeIds), r.strategy, r.active, r.createdAt, r.updatedAt, r.version);
    }
}
