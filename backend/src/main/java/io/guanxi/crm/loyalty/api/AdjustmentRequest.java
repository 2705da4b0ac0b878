package io.guanxi.crm.loyalty.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdjustmentRequest")
public record AdjustmentRequest(
        @NotNull @Min(-1_000_000) @Max(1_000_000) @Schema(description = "Signed, not 0", examples = "200") Integer points,
        @NotBlank @Size(max = 500) @Schema(examples = "投诉补偿：配送延误") String reason) {
}
