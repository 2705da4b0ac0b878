package io.guanxi.crm.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/** Whose each bulk job is (table contact_bulk_job): only the person who started one follows it here. */
@ApplicationScoped
public class ContactBulkJobRepository {

    @Inject
    EntityManager em;

    void record(UUID jobId, UUID requestedBy, ContactBulkAction action, Instant at) {
        em.createNativeQuery("""
                INSERT INTO contact_bulk_job (job_id, requested_by, action, created_at) VALUES (:job, :by, :action, :at)""")
                .setParameter("job", jobId).setParameter("by", requestedBy).setParameter("action", action.name())
                .setParameter("at", at).executeUpdate();
    }

    boolean isTheirs(UUID jobId, UUID user) {
        return !em.createNativeQuery("SELECT 1 FROM contact_bulk_job WHERE job_id = :job AND requested_by = :by")
                .setParameter("job", jobId).setParameter("by", user).getResultList().isEmpty();
    }
}
