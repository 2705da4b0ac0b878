package io.guanxi.crm.loyalty.api;

import io.guanxi.crm.loyalty.ExpiryMode;
import io.guanxi.crm.loyalty.RefundShortfall;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LoyaltyPolicyRequest", description = "A new version of the points policy (admins)")
public record LoyaltyPolicyRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 4) @Schema(description = "Points per CNY", examples = "1")
        BigDecimal pointsPerCny,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 2, fraction = 2) @Schema(examples = "1") BigDecimal silverMultiplier,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 2, fraction = 2) @Schema(examples = "1.2") BigDecimal goldMultiplier,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 2, fraction = 2) @Schema(examples = "1.5") BigDecimal platinumMultiplier,
        @NotNull @Min(0) @Max(365) @Schema(description = "Days before earned points can be spent (return window); 0 = at once",
                examples = "0") Integer pendingDays,
        @NotNull ExpiryMode expiryMode,
        @Min(1) @Max(120) @Schema(description = "For MONTHS_AFTER_EARNING", examples = "24") Integer expiryMonths,
        @NotNull @Min(0) @Max(1_000_000) @Schema(description = "Points for the referrer on the referred customer's first purchase of at least referralMinPurchase",
                examples = "500") Integer referralBonus,
        @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) @Schema(description = "The least the referred customer's purchase must come "
                + "to (CNY) to earn the referrer's bonus; a refund below it reverses the bonus. Absent keeps the current value.",
                examples = "100") BigDecimal referralMinPurchase,
        @NotNull RefundShortfall refundShortfall,
        @NotNull @Schema(description = "Only customers with a membership level earn and hold points") Boolean membersOnly,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) @Schema(description = "What one point is worth to finance, in CNY",
                examples = "0.01") BigDecimal pointValueCny,
        @NotNull @Min(1) @Max(365) @Schema(description = "The \"expiring soon\" horizon", examples = "30") Integer expiringSoonDays) {
}
