package io.guanxi.crm.consent.api;

import io.guanxi.crm.consent.ConsentChannel;
import io.guanxi.crm.consent.ConsentDecision;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsentEntry")
public record ConsentEntryResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID contactId,
        @Schema(required = true) String purpose, @Schema(required = true) ConsentDecision decision,
        @Schema(required = true) ConsentChannel channel,
        @Schema(description = "Absent when none was given or an erasure redacted it") String evidence,
        @Schema(required = true, description = "An erasure blanked the evidence") boolean redacted,
        @Schema(required = true) UUID recordedBy, String recordedByName, @Schema(required = true) Instant recordedAt) {
}
