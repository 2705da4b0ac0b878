package io.guanxi.crm.loyalty;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The versions of the points policy (rows are never changed: a change is a new version). */
@ApplicationScoped
public class LoyaltyPolicyRepository implements PanacheRepositoryBase<LoyaltyPolicy, Integer> {

    private static final long POLICY_LOCK = 0x6c6f79616c747931L;

    LoyaltyPolicy current() {
        return find("order by version desc").firstResult();
    }

    /**
     * Serialises policy changes until the transaction ends (an implementation detail of the change: If-Match decides who
     * wins, the lock makes the check and the insert of the next version one step).
     */
    void lockForChange() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", POLICY_LOCK).getSingleResult();
    }
}
