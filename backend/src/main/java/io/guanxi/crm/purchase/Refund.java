package io.guanxi.crm.purchase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "refund")
public class Refund {

    @Id
    public UUID id;

    @Column(name = "purchase_id")
    public UUID purchaseId;

    public BigDecimal amount;

    public String reason;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "recorded_by")
    public UUID recordedBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
