package io.guanxi.crm.contact.api;

import io.guanxi.crm.platform.jobs.JobState;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactBulkJob", description = "A bulk action running in the background: its progress and, once it "
        + "SUCCEEDED, its report")
public record ContactBulkJob(
        @Schema(required = true) UUID id,
        @Schema(required = true) JobState state,
        @Schema(nullable = true) String phase,
        @Schema(required = true, description = "Contacts processed so far") long processed,
        @Schema(nullable = true, description = "Contacts selected") Long total,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(nullable = true, description = "Set when the job failed") String error,
        @Schema(nullable = true, description = "The report, once SUCCEEDED") ContactBulkResult result) {
}
