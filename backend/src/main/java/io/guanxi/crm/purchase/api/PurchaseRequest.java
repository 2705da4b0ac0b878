package io.guanxi.crm.purchase.api;

import io.guanxi.crm.purchase.PurchaseChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sale. Name the customer by contactId, or (integrators) by the customer's mobile. */
@Schema(name = "PurchaseRequest")
public record PurchaseRequest(
        @Schema(description = "The customer") UUID contactId,
        @Size(max = 32) @Schema(description = "Integrators only, instead of contactId: the customer's mobile", examples = "139 1234 5678")
        String contactMobile,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) @Schema(description = "CNY, more than 0", examples = "2980.00")
        BigDecimal amount,
        @NotNull PurchaseChannel channel,
        @Size(max = 200) @Schema(description = "When given, quantity × price must add up to amount") List<@NotNull @Valid PurchaseItem> items,
        @Size(max = 100) @Schema(description = "The shop's order number: one purchase per number", examples = "SO-20261123-0042")
        String externalOrderId,
        @NotNull @PastOrPresent Instant occurredAt) {
}
