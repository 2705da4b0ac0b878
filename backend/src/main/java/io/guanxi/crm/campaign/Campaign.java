package io.guanxi.crm.campaign;

import io.guanxi.crm.campaign.api.Segment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A care campaign: whom (a segment), what (the script), when (the window), whose (the owner). */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public CampaignCategory category;

    @JdbcTypeCode(SqlTypes.JSON)
    public Segment segment;

    public String script;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "purchase_window_days")
    public int purchaseWindowDays;

    @Enumerated(EnumType.STRING)
    public CampaignState state;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "launched_at")
    public Instant launchedAt;

    @Column(name = "launched_by")
    public UUID launchedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;
}
