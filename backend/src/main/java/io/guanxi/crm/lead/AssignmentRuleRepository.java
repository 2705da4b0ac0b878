package io.guanxi.crm.lead;

import io.guanxi.crm.platform.db.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ordered assignment rules and their round-robin turn counters. */
@ApplicationScoped
public class AssignmentRuleRepository {

    @Inject
    EntityManager em;

    List<AssignmentRule> all() {
        return em.createQuery("from AssignmentRule r order by r.position, r.id", AssignmentRule.class).getResultList();
    }

    List<AssignmentRule> active() {
        return em.createQuery("from AssignmentRule r where r.active = true order by r.position, r.id", AssignmentRule.class)
                .getResultList();
    }

    Optional<AssignmentRule> find(UUID id) {
        return Optional.ofNullable(em.find(AssignmentRule.class, id));
    }

    void persist(AssignmentRule rule) {
        em.persist(rule);
    }

    void flush() {
        em.flush();
    }

    void delete(AssignmentRule rule) {
        em.remove(rule);
    }

    /** Takes the rule's turn counter atomically, so parallel captures do not pick the same rep twice in a row. */
    long takeTurn(UUID ruleId) {
        return SqlValues.longValue(em.createNativeQuery(
                "UPDATE lead_assignment_rule SET next_index = next_index + 1 WHERE id = :id RETURNING next_index - 1")
                .setParameter("id", ruleId).getSingleResult());
    }
}
