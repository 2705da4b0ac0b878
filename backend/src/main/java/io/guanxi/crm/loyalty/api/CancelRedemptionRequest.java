package io.guanxi.crm.loyalty.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancelRedemptionRequest")
public record CancelRedemptionRequest(@NotBlank @Size(max = 500) @Schema(examples = "客户改选其他礼品") String reason) {
}
