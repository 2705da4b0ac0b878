package io.guanxi.crm.purchase.api;

import io.guanxi.crm.purchase.PurchaseChannel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Purchase")
public record PurchaseResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID contactId,
        @Schema(description = "The customer's name; absent in answers to integrators, which get ids, amounts and "
                + "status but no personal data") String contactName,
        @Schema(required = true) BigDecimal amount,
        @Schema(required = true) BigDecimal refundedAmount,
        @Schema(required = true, description = "amount − refundedAmount: what counts as revenue") BigDecimal netAmount,
        @Schema(required = true, examples = "CNY") String currency,
        @Schema(required = true) PurchaseChannel channel,
        @Schema(required = true) List<PurchaseItem> items,
        String externalOrderId,
        @Schema(required = true) Instant occurredAt,
        @Schema(required = true) UUID recordedBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) List<RefundResponse> refunds) {
}
