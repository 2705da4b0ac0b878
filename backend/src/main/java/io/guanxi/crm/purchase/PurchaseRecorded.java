package io.guanxi.crm.purchase;

import java.math.BigDecimal;
import java.util.UUID;

/** Fired in the transaction that recorded a sale or a refund (amount negative, refundId set), for tiers and points. */
public record PurchaseRecorded(UUID contactId, UUID purchaseId, BigDecimal amount, UUID refundId) {

    public boolean refund() {
        return refundId != null;
    }
}
