package io.guanxi.crm.platform.audit.api;

import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.FieldChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry", description = "One entry of the audit trail; personal values in changes are masked")
public record AuditEntryResponse(
        @Schema(required = true, description = "Position in the chain") long seq,
        @Schema(required = true) UUID id,
        @Schema(required = true) Instant at,
        @Schema(nullable = true, description = "Who acted; empty for the system") UUID userId,
        @Schema(nullable = true) String username,
        @Schema(required = true) AuditAction action,
        @Schema(required = true, examples = "contact") String entityType,
        @Schema(nullable = true) UUID entityId,
        @Schema(nullable = true, description = "The customer concerned") UUID contactId,
        @Schema(required = true, description = "Field-level before → after (CREATE, UPDATE); otherwise empty") List<FieldChange> changes,
        @Schema(nullable = true) String clientAddress,
        @Schema(nullable = true, description = "X-Request-Id of the request, or the one the service gave it") String requestId) {
}
