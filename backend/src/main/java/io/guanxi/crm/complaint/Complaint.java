package io.guanxi.crm.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "complaint")
public class Complaint {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Enumerated(EnumType.STRING)
    public ComplaintChannel channel;

    @Enumerated(EnumType.STRING)
    public ComplaintCategory category;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public String description;

    @Column(name = "related_purchase_id")
    public UUID relatedPurchaseId;

    @Enumerated(EnumType.STRING)
    public ComplaintState state;

    @Column(name = "assignee_id")
    public UUID assigneeId;

    public String acknowledgement;

    public String apology;

    @Enumerated(EnumType.STRING)
    @Column(name = "attributed_cause")
    public ComplaintCategory attributedCause;

    @Column(name = "cause_explanation")
    public String causeExplanation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "options", columnDefinition = "text[]")
    public List<String> options;

    @Column(name = "chosen_option")
    public Integer chosenOption;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "compensation_points")
    public long compensationPoints;

    public Integer satisfaction;

    @Column(name = "satisfaction_comment")
    public String satisfactionComment;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "followed_up_at")
    public Instant followedUpAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "acknowledge_due_at")
    public Instant acknowledgeDueAt;

    @Column(name = "resolve_due_at")
    public Instant resolveDueAt;

    @Column(name = "follow_up_due_at")
    public Instant followUpDueAt;

    @Column(name = "acknowledge_breached_at")
    public Instant acknowledgeBreachedAt;

    @Column(name = "resolve_breached_at")
    public Instant resolveBreachedAt;

    @Column(name = "follow_up_breached_at")
    public Instant followUpBreachedAt;

    @Column(name = "warned_at")
    public Instant warnedAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "escalated_to")
    public UUID escalatedTo;

    @Column(name = "reopen_count")
    public int reopenCount;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
