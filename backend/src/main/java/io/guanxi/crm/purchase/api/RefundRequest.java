package io.guanxi.crm.purchase.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RefundRequest")
public record RefundRequest(
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
        @Schema(description = "CNY; all refunds of a purchase together at most its amount", examples = "980.00") BigDecimal amount,
        @NotBlank @Size(max = 500) @Schema(examples = "客户退回一套教材") String reason,
        @PastOrPresent @Schema(description = "Now when omitted") Instant occurredAt) {
}
