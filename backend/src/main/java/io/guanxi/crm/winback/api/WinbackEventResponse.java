package io.guanxi.crm.winback.api;

import io.guanxi.crm.winback.WinbackState;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WinbackEvent", description = "A state change: from, to, who and when")
public record WinbackEventResponse(
        @Schema(nullable = true, description = "Absent for the plan's creation") WinbackState fromState,
        @Schema(required = true) WinbackState toState,
        @Schema(required = true) UUID actorId,
        @Schema(nullable = true) String actorName,
        @Schema(required = true) Instant at) {
}
