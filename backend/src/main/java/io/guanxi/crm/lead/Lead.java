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

    /** When it first reached CONTACTED or a later step (a jump NEW → QUALIFIED contacts it too). */
    @Column(name = "contacted_at")
    public Instant contactedAt;

    @Column(name = "qualified_at")
    public Instant qualifiedAt;

    @Column(name = "converted_at")
    public Instant convertedAt;

    /** When it was lost; set exactly while it is LOST. */
    @Column(name = "lost_at")
    public Instant lostAt;

    @Version
    public long version;

    /**
     * The policy version this lead's score stands under. Every open lead's score is the policy in force's: a policy
     * change rescores them all in its own transaction, but writes only the rows whose numbers move (a million
     * unchanged rows are not rewritten to restate the version), so an open lead's row may still name an older
     * version whose numbers are the same. A closed lead keeps what it recorded when it closed ({@link #reach(LeadStatus, Instant, LeadScoringPolicy)}).
     */
    public int scoredUnder(LeadScoringPolicy inForce) {
        return status.isOpen() ? inForce.version : policyVersion;
    }

    /**
     * When this lead's score was last computed to what it is: for an open lead the later of its last write and the
     * policy in force's creation (the policy change scored it then, and found it unchanged).
     */
    public Instant scoredAt(LeadScoringPolicy inForce) {
        return status.isOpen() && inForce.createdAt.isAfter(scoredAt) ? inForce.createdAt : scoredAt;
    }

    /** {@link #reach(LeadStatus, Instant)}; leaving the open statuses, the row records the version and time its score stands under. */
    void reach(LeadStatus to, Instant at, LeadScoringPolicy inForce) {
        if (status.isOpen() && !to.isOpen()) {
            scoredAt = scoredAt(inForce);
            policyVersion = scoredUnder(inForce);
        }
        reach(to, at);
    }

    /** Moves to a status at a time, recording the first time it reached each step of the funnel on the way. */
    public void reach(LeadStatus to, Instant at) {
        status = to;
        boolean won = to == LeadStatus.CONVERTED;
        if (contactedAt == null && (to == LeadStatus.CONTACTED || to == LeadStatus.QUALIFIED || won)) {
            contactedAt = at;
        }
        if (qualifiedAt == null && (to == LeadStatus.QUALIFIED || won)) {
            qualifiedAt = at;
        }
        if (convertedAt == null && won) {
            convertedAt = at;
        }
        lostAt = to != LeadStatus.LOST ? null : lostAt == null ? at : lostAt;
    }
}
