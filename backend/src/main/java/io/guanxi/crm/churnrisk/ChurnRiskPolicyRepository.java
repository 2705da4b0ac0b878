package io.guanxi.crm.churnrisk;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The versions of the churn-risk policy (rows are never changed: a change is a new version). */
@ApplicationScoped
public class ChurnRiskPolicyRepository implements PanacheRepositoryBase<ChurnRiskPolicy, Integer> {

    private static final long POLICY_LOCK = 0x636875726e706f6cL;

    ChurnRiskPolicy current() {
        return find("order by version desc").firstResult();
    }

    /** Serialises policy changes until the transaction ends: If-Match decides who wins, the lock makes check and insert one step. */
    void lockForChange() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", POLICY_LOCK).getSingleResult();
    }
}
