package io.guanxi.crm.lead;

import io.guanxi.crm.contact.Region;
import io.guanxi.crm.contact.SourceChannel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A prospect (线索) about a contact, with the stored inputs of its score. */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_channel")
    public SourceChannel sourceChannel;

    @Column(name = "product_interest")
    public String productInterest;

    public String industry;

    @Enumerated(EnumType.STRING)
    public Region region;

    public BigDecimal budget;

    public String notes;

    @Enumerated(EnumType.STRING)
    public LeadStatus status;

    @Column(name = "lost_reason")
    public String lostReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "lost_reason_code")
    public LostReason lostReasonCode;

    @Column(name = "assignment_note")
    public String assignmentNote;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "assigned_by_rule")
    public UUID assignedByRule;

    @Enumerated(EnumType.STRING)
    @Column(name = "assignment_kind")
    public AssignmentKind assignmentKind;

    @Column(name = "assignment_reason")
    public String assignmentReason;

    @Column(name = "match_score")
    public int matchScore;

    @Column(name = "activity_count")
    public int activityCount;

    @Column(name = "activity_score")
    public int activityScore;

    public BigDecimal score;

    @Column(name = "policy_version")
    public int policyVersion;

    @Column(name = "scored_at")
    public Instant scoredAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
