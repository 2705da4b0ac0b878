package io.guanxi.crm.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something someone must do about a customer (待办), made by a person or by a rule. */
@Entity
@Table(name = "activity")
public class Activity {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(name = "complaint_id")
    public UUID complaintId;

    @Enumerated(EnumType.STRING)
    public ActivityKind kind;

    public String title;

    public String note;

    @Column(name = "assignee_id")
    public UUID assigneeId;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "all_day")
    public boolean allDay;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Enumerated(EnumType.STRING)
    public ActivityPriority priority;

    @Enumerated(EnumType.STRING)
    public ActivityStatus status;

    public String outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin_rule")
    public ActivityRule originRule;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "origin_params")
    public Map<String, String> originParams = new HashMap<>();

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "completed_by")
    public UUID completedBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
