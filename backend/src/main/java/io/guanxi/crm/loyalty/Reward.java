package io.guanxi.crm.loyalty;

import io.guanxi.crm.tier.MembershipLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A catalog entry. Stock null = unlimited; redemptions and cancellations move it with conditional updates. */
@Entity
@Table(name = "reward")
public class Reward {

    @Id
    public UUID id;

    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    public RewardKind kind;

    @Column(name = "points_cost")
    public int pointsCost;

    public Integer stock;

    @Column(name = "active_from")
    public Instant activeFrom;

    @Column(name = "active_until")
    public Instant activeUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "level_required")
    public MembershipLevel levelRequired;

    public boolean archived;

    /**
     * The edit version (ETag). Edits bump it through JPA; a redemption or its cancellation moves the stock with a
     * conditional SQL update that bumps it too ({@link RewardRepository#takeStock}), so an edit never writes back an
     * old stock.
     */
    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean inWindow(Instant now) {
        return (activeFrom == null || !now.isBefore(activeFrom)) && (activeUntil == null || now.isBefore(activeUntil));
    }
}
