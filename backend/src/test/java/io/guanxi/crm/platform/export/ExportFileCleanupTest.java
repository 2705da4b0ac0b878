package io.guanxi.crm.platform.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scheduled cleanup runs without a caller (it used to sit on ExportResource, whose @RolesAllowed refused it). */
@QuarkusTest
class ExportFileCleanupTest {

    @Inject
    ExportFileCleanup cleanup;

    @Inject
    ListExports exports;

    @Test
    void theScheduledRunRemovesFilesKeptTooLongAndLeavesFreshOnes() throws Exception {
        Files.createDirectories(exports.directory());
        Path old = exports.directory().resolve(UUID.randomUUID() + ".csv");
        Path fresh = exports.directory().resolve(UUID.randomUUID() + ".csv");
        Files.writeString(old, "a");
        Files.writeString(fresh, "b");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(exports.keep()).minus(Duration.ofHours(1))));
        try {
            cleanup.removeExpired();
            assertFalse(Files.exists(old));
            assertTrue(Files.exists(fresh));
        } finally {
            Files.deleteIfExists(old);
            Files.deleteIfExists(fresh);
        }
    }
}
