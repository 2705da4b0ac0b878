package io.guanxi.crm.loyalty.api;

import io.guanxi.crm.loyalty.ExpiryMode;
import io.guanxi.crm.loyalty.RefundShortfall;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LoyaltyPolicy")
public record LoyaltyPolicyResponse(
        @Schema(required = true) int version,
        @Schema(required = true) BigDecimal pointsPerCny,
        @Schema(required = true) BigDecimal silverMultiplier,
        @Schema(required = true) BigDecimal goldMultiplier,
        @Schema(required = true) BigDecimal platinumMultiplier,
        @Schema(required = true) int pendingDays,
        @Schema(required = true) ExpiryMode expiryMode,
        @Schema(required = true) int expiryMonths,
        @Schema(required = true) int referralBonus,
        @Schema(required = true, description = "Least qualifying purchase (CNY) for the referral bonus") BigDecimal referralMinPurchase,
        @Schema(required = true) RefundShortfall refundShortfall,
        @Schema(required = true) boolean membersOnly,
        @Schema(required = true) BigDecimal pointValueCny,
        @Schema(required = true) int expiringSoonDays,
        @Schema(required = true) Instant createdAt,
        UUID createdBy) {
}
