package io.guanxi.crm.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something that happened that one person should know; read or not. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Column(name = "recipient_id")
    public UUID recipientId;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> params = new HashMap<>();

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(name = "activity_id")
    public UUID activityId;

    @Column(name = "complaint_id")
    public UUID complaintId;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
