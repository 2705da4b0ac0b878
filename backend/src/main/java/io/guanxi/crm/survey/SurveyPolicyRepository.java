package io.guanxi.crm.survey;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The versions of the survey policy (rows are never changed: a change is a new version). */
@ApplicationScoped
public class SurveyPolicyRepository implements PanacheRepositoryBase<SurveyPolicy, Integer> {

    private static final long POLICY_LOCK = 0x7375727665797031L;

    SurveyPolicy current() {
        return find("order by version desc").firstResult();
    }

    /** Serialises policy changes until the transaction ends: If-Match decides who wins, the lock makes check and insert one step. */
    void lockForChange() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", POLICY_LOCK).getSingleResult();
    }
}
