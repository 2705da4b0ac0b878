package io.guanxi.crm.platform.jobs;

import java.time.Instant;
import java.util.Map;
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
        @Schema(additionalProperties = Schema.True.class,
                description = "The result of a SUCCEEDED job, a JSON object whose members depend on the kind: TIER_RECOMPUTE "
                        + "answers a TierReport (as GET /api/v1/tiers/report), POINTS_EXPIRY {asOf, accounts, lots, points}")
        Map<String, Object> report) {
}
