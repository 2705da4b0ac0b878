package io.guanxi.crm.complaint.api;

import io.guanxi.crm.complaint.ComplaintState;
import io.guanxi.crm.complaint.Severity;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An open complaint and the next deadline of its current step. */
@Schema(name = "UrgentComplaint")
public record UrgentComplaint(@Schema(required = true) UUID id, @Schema(required = true) UUID contactId, String contactName,
        @Schema(required = true) Severity severity, @Schema(required = true) ComplaintState state,
        @Schema(description = "When the current step is due: acknowledge, resolve or the 24-hour call-back") Instant nextDueAt,
        @Schema(required = true, description = "A deadline of this complaint was already missed") boolean breached,
        @Schema(required = true, description = "Nobody works on it yet") boolean unassigned) {
}
