package io.guanxi.crm.complaint.api;

import io.guanxi.crm.complaint.ComplaintState;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplaintEvent", description = "One transition or SLA event: who, when, what they wrote")
public record ComplaintEventResponse(
        @Schema(required = true, description = "RECEIVE, a ComplaintAction, BREACH_* or ESCALATE") String action,
        ComplaintState fromState,
        @Schema(required = true) ComplaintState toState,
        @Schema(description = "What the person wrote; empty for events the SPA words from the action (BREACH_*)") String text,
        @Schema(description = "RESOLVE: loyalty points given as compensation with it") Long points,
        UUID actorId,
        String actorName,
        @Schema(required = true) Instant at) {
}
