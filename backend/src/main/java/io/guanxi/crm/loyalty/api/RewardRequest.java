package io.guanxi.crm.loyalty.api;

import io.guanxi.crm.loyalty.RewardKind;
import io.guanxi.crm.tier.MembershipLevel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RewardRequest")
public record RewardRequest(
        @NotBlank @Size(max = 120) @Schema(examples = "一年免费升舱") String name,
        @Size(max = 1000) String description,
        @NotNull RewardKind kind,
        @NotNull @Min(1) @Max(10_000_000) @Schema(examples = "1000") Integer pointsCost,
        @Min(0) @Max(10_000_000) @Schema(description = "Units left; omit for unlimited (privileges)", examples = "50") Integer stock,
        @Schema(description = "Redeemable from (inclusive); omit for now") Instant activeFrom,
        @Schema(description = "Redeemable until (exclusive); omit for no end") Instant activeUntil,
        @Schema(description = "Lowest membership level that may redeem it; omit for everyone") MembershipLevel levelRequired) {
}
