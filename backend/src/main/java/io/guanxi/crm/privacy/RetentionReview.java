package io.guanxi.crm.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A customer listed by the retention job (no contact for the policy's years) and the admin's decision on it. */
@Entity
@Table(name = "retention_review")
public class RetentionReview {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "last_contact_at")
    public Instant lastContactAt;

    @Column(name = "listed_at")
    public Instant listedAt;

    @Enumerated(EnumType.STRING)
    public ReviewState state;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String reason;

    @Version
    public long version;
}
