package io.guanxi.crm.loyalty.api;

import io.guanxi.crm.tier.MembershipLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PointsAccount", description = "A customer's points: what can be spent, what is still pending, what expires soon")
public record PointsAccountResponse(
        @Schema(required = true) UUID contactId,
        @Schema(required = true, description = "Available points: the sum of all ledger entries, never negative") long balance,
        @Schema(required = true, description = "Earned but still in the pending (return) window") long pending,
        Instant nextAvailableAt,
        @Schema(required = true, description = "Points that expire within expiringSoonDays") long expiringSoon,
        @Schema(required = true) int expiringSoonDays,
        Instant nextExpiryAt,
        MembershipLevel level,
        @Schema(required = true, description = "The earning multiplier of the level") BigDecimal multiplier,
        @Schema(required = true) long lifetimeEarned,
        @Schema(required = true) long lifetimeRedeemed,
        @Schema(required = true, description = "Points refunds could not take back because they were spent (written off)")
        long writtenOff,
        @Schema(required = true, description = "Points refunds could not take back, to be paid off by future earnings") long debt,
        @Schema(required = true, description = "balance × the policy's point value, in CNY") BigDecimal valueCny) {
}
