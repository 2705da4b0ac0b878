package io.guanxi.crm.notification.api;

import io.guanxi.crm.notification.NotificationKind;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Notification", description = "The SPA writes the sentence from kind, params and the names; the server sends none.")
public record NotificationResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) NotificationKind kind,
        @Schema(required = true, description = "reason (LEAD_ASSIGNED by a manager), missed (ESCALATION)") Map<String, String> params,
        UUID contactId,
        @Schema(description = "The customer's name, when you may see the customer") String contactName,
        UUID leadId,
        UUID activityId,
        UUID complaintId,
        UUID actorId,
        @Schema(description = "Who caused it; absent for a rule") String actorName,
        @Schema(required = true) Instant createdAt,
        Instant readAt) {
}
