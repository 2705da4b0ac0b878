package io.guanxi.crm.imports;

import io.guanxi.crm.platform.jobs.JobInterrupted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * A commit job whose process stopped (kill -9, a lost node) rolled back with its connection, but its batch still says
 * COMMITTING, which refuses a new commit forever. When the job is failed for a stale heartbeat, the batch becomes
 * FAILED, as after a commit that threw, and can be committed again.
 */
@ApplicationScoped
class ImportJobRecovery {

    @Inject
    ImportRepository repository;

    @Inject
    Clock clock;

    void onInterrupted(@Observes JobInterrupted job) {
        if (Imports.JOB_KIND.equals(job.kind())) {
            QuarkusTransaction.requiringNew().run(() -> repository.failInterruptedCommit(job.jobId(), clock.instant()));
        }
    }
}
