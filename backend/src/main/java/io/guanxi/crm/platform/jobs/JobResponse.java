package io.guanxi.crm.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Job", description = "A background job: its state, progress and, when finished, its report or error")
public record JobResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "TIER_RECOMPUTE") String kind,
        @Schema(required = true) JobState state,
        @Schema(description = "What it is doing now", examples = "writing changed customers") String phase,
        @Schema(required = true) long processed,
        @Schema(description = "Known once the work is sized") Long total,
        @Schema(required = true) Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Set when the job failed") String error,
        @Schema(description = "The job's result; its shape depends on the kind") JsonNode report) {
}
