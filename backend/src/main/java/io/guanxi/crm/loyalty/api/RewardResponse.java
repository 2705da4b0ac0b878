package io.guanxi.crm.loyalty.api;

import io.guanxi.crm.loyalty.RewardKind;
import io.guanxi.crm.tier.MembershipLevel;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Reward")
public record RewardResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) String name,
        String description,
        @Schema(required = true) RewardKind kind,
        @Schema(required = true) int pointsCost,
        @Schema(description = "null = unlimited") Integer stock,
        Instant activeFrom,
        Instant activeUntil,
        MembershipLevel levelRequired,
        @Schema(required = true) boolean archived,
        @Schema(required = true, description = "In its window, not archived, in stock") boolean available,
        @Schema(required = true) long version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
