package io.guanxi.crm.platform.export;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Removes export files kept longer than guanxi.export.keep. Its own bean: on ExportResource the class's @RolesAllowed
 * refused the scheduler's call (no caller), so the files were never removed.
 */
@ApplicationScoped
class ExportFileCleanup {

    private static final Logger LOG = Logger.getLogger(ExportFileCleanup.class);

    @Inject
    ListExports exports;

    @Inject
    Clock clock;

    // Export files are written to the replica's own directory, so every replica cleans its own: the in-memory scheduler.
    @Scheduled(identity = "export-file-cleanup", every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void removeExpired() {
        removeOlderThan(clock.instant().minus(exports.keep()));
    }

    /** Removes job files ({@code <uuid>.csv|xlsx}) older than {@code before}, nothing else; returns how many. */
    int removeOlderThan(Instant before) {
        try {
            return ExportFiles.sweep(exports.directory(), before);
        } catch (IOException e) {
            LOG.warnf(e, "Could not clean the export directory %s", exports.directory());
            return 0;
        }
    }
}
