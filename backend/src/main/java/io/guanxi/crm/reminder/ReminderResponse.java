package io.guanxi.crm.reminder;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Reminder")
public record ReminderResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID ownerId,
        @Schema(required = true) UUID contactId,
        UUID leadId,
        @Schema(required = true, description = "LEAD_NO_INTERACTION, COMPLAINT_FOLLOW_UP, COMPLAINT_ESCALATED or COMPLAINT_SLA_WARNING")
        String reason,
        @Schema(required = true) String note,
        @Schema(required = true) Instant dueAt,
        Instant doneAt,
        @Schema(required = true) Instant createdAt,
        UUID complaintId) {
}
