package io.guanxi.crm.merge.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A merge as recorded: who, when, the values chosen, how many records of each kind moved, and its undo. */
public record MergeResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID survivorId,
        @Schema(required = true) List<UUID> mergedIds,
        @Schema(required = true, description = "Field → the contact whose value the survivor kept") Map<String, UUID> choices,
        @Schema(required = true, description = "Kind of record → how many moved to the survivor (interactions, leads, purchases, "
                + "complaints, activities, surveyInvitations, churnRecords, winbackTargets, campaignTargets)") Map<String, Integer> moved,
        @Schema(required = true, description = "Points transferred to the survivor's account") long pointsMoved,
        @Schema(required = true) UUID createdBy,
        @Schema(required = true) Instant createdAt,
        Instant undoneAt,
        UUID undoneBy,
        @Schema(description = "After an undo: the survivor's fields given back their values from before the merge") List<String> restoredFields,
        @Schema(description = "After an undo: fields changed since the merge, kept as they are") List<String> keptFields) {
}
