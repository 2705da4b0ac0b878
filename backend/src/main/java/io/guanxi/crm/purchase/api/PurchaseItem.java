package io.guanxi.crm.purchase.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PurchaseItem")
public record PurchaseItem(
        @NotBlank @Size(max = 64) @Schema(examples = "TRN-2026-PM") String sku,
        @Size(max = 64) @Schema(examples = "培训课程") String category,
        @NotNull @Min(1) @Max(1_000_000) Integer quantity,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) @Schema(description = "Unit price, CNY") BigDecimal price) {
}
