package io.guanxi.crm.winback.api;

import io.guanxi.crm.winback.WinbackOutcome;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WinbackTarget", description = "A customer a plan sets out to win back; its ETag (version) guards the outcome")
public record WinbackTargetResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID contactId,
        @Schema(nullable = true) String contactName,
        @Schema(nullable = true) UUID ownerId,
        @Schema(nullable = true) String ownerName,
        @Schema(nullable = true, description = "The WINBACK activity DO put on the owner's list") UUID activityId,
        @Schema(nullable = true) WinbackOutcome outcome,
        @Schema(nullable = true) String outcomeNote,
        @Schema(nullable = true) UUID outcomeBy,
        @Schema(nullable = true) Instant outcomeAt,
        @Schema(nullable = true, description = "The first purchase after the start (within goalDays): won back") Instant wonBackAt,
        @Schema(required = true) long version) {
}
