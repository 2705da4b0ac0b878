package io.guanxi.crm.churn;

import io.guanxi.crm.contact.LifecycleStage;
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

/** One churn of one customer: when, how, why (once known) and the investigation. Stays when the customer buys again. */
@Entity
@Table(name = "churn_record")
public class ChurnRecord {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "churned_at")
    public Instant churnedAt;

    /** The first day of the review month, in the business time zone. */
    public LocalDate month;

    @Enumerated(EnumType.STRING)
    public ChurnMethod method;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public LifecycleStage fromStage;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "abc_tier")
    public String abcTier;

    @Enumerated(EnumType.STRING)
    public ChurnCause cause;

    public String analysis;

    @Column(name = "investigated_by")
    public UUID investigatedBy;

    @Column(name = "investigated_at")
    public Instant investigatedAt;

    @Column(name = "recorded_by")
    public UUID recordedBy;

    @Column(name = "activity_id")
    public UUID activityId;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;
}
