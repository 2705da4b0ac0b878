package io.guanxi.crm.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** The versions of the lead scoring policy. */
@ApplicationScoped
public class ScoringPolicyRepository {

    /** Serialises policy changes: two admins saving at once get consecutive versions, not a clash. */
    private static final long POLICY_LOCK = 0x6c656164L;

    @Inject
    EntityManager em;

    LeadScoringPolicy current() {
        return em.createQuery("from LeadScoringPolicy p order by p.version desc", LeadScoringPolicy.class)
                .setMaxResults(1).getSingleResult();
    }

    Optional<LeadScoringPolicy> version(int version) {
        return Optional.ofNullable(em.find(LeadScoringPolicy.class, version));
    }

    /** Held until the transaction ends. */
    void lockChanges() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", POLICY_LOCK).getSingleResult();
    }

    void persist(LeadScoringPolicy policy) {
        em.persist(policy);
        em.flush();
    }
}
