package io.guanxi.crm.purchase.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Refund")
public record RefundResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID purchaseId,
        @Schema(required = true) BigDecimal amount,
        @Schema(required = true) String reason,
        @Schema(required = true) Instant occurredAt,
        @Schema(required = true) UUID recordedBy,
        @Schema(required = true) Instant createdAt) {
}
