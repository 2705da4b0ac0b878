package io.guanxi.crm.loyalty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Points spent on a reward; a cancellation gives back the points and the stock. */
@Entity
@Table(name = "redemption")
public class Redemption {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "reward_id")
    public UUID rewardId;

    public int quantity;

    public long points;

    public String state;

    @Column(name = "entry_id")
    public long entryId;

    @Column(name = "cancel_entry_id")
    public Long cancelEntryId;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "cancelled_by")
    public UUID cancelledBy;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
