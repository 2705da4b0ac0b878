package io.guanxi.crm.churn;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The versions of the churn policy (rows are never changed: a change is a new version). */
@ApplicationScoped
public class ChurnPolicyRepository implements PanacheRepositoryBase<ChurnPolicy, Integer> {

    private static final long POLICY_LOCK = 0x636875726e706f6cL;

    ChurnPolicy current() {
        return find("order by version desc").firstResult();
    }

    /** Serialises policy changes until the transaction ends: If-Match decides who wins, the lock makes check and insert one step. */
    void lockForChange() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", POLICY_LOCK).getSingleResult();
    }
}
