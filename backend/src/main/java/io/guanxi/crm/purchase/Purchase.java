package io.guanxi.crm.purchase;

import io.guanxi.crm.purchase.api.PurchaseItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A sale. Never edited: a refund is its own record, and refundedAmount their running sum. */
@Entity
@Table(name = "purchase")
public class Purchase {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    public BigDecimal amount;

    @Column(name = "refunded_amount")
    public BigDecimal refundedAmount = BigDecimal.ZERO;

    public String currency = "CNY";

    @Enumerated(EnumType.STRING)
    public PurchaseChannel channel;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<PurchaseItem> items = List.of();

    @Column(name = "external_order_id")
    public String externalOrderId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "recorded_by")
    public UUID recordedBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
