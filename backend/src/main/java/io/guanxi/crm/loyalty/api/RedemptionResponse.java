package io.guanxi.crm.loyalty.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Redemption")
public record RedemptionResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID contactId,
        String contactName,
        @Schema(required = true) UUID rewardId,
        @Schema(required = true) String rewardName,
        @Schema(required = true) int quantity,
        @Schema(required = true) long points,
        @Schema(required = true, enumeration = {"COMPLETED", "CANCELLED"}) String state,
        @Schema(required = true, description = "The customer's balance right after this redemption") long balanceAfter,
        @Schema(required = true) UUID createdBy,
        @Schema(required = true) Instant createdAt,
        String cancelReason,
        UUID cancelledBy,
        Instant cancelledAt) {
}
