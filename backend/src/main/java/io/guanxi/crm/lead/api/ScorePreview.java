package io.guanxi.crm.lead.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What saving a candidate scoring policy would do to the open leads, computed without writing anything. */
@Schema(name = "ScorePreview")
public record ScorePreview(
        @Schema(required = true, description = "The policy version the candidate is compared with") int comparedWithVersion,
        @Schema(required = true) long openLeads,
        @Schema(required = true, description = "Open leads whose score would change") long scoresChanged,
        @Schema(required = true) int priorityThreshold,
        @Schema(required = true, description = "At or above the current priority threshold now") long priorityNow,
        @Schema(required = true, description = "At or above the candidate's priority threshold after") long priorityAfter,
        @Schema(required = true, description = "Would move up into the priority level") long enteringPriority,
        @Schema(required = true, description = "Would drop out of the priority level") long leavingPriority,
        @Schema(required = true) int highValueThreshold,
        @Schema(required = true) long highValueNow,
        @Schema(required = true) long highValueAfter,
        @Schema(required = true) long enteringHighValue,
        @Schema(required = true) long leavingHighValue) {
}
