package io.guanxi.crm.privacy;

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

/** A person's rights request (PIPL Art. 44–47, 50) and how it was handled. The access copy lives beside it, in SQL only. */
@Entity
@Table(name = "privacy_request")
public class PrivacyRequest {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Enumerated(EnumType.STRING)
    public RequestKind kind;

    @Enumerated(EnumType.STRING)
    public RequestState state;

    @Enumerated(EnumType.STRING)
    public RequestChannel channel;

    public String details;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "registered_by")
    public UUID registeredBy;

    @Column(name = "verified_by")
    public UUID verifiedBy;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    public String verification;

    @Column(name = "handled_by")
    public UUID handledBy;

    @Column(name = "handled_at")
    public Instant handledAt;

    public String note;

    @Column(name = "refusal_reason")
    public String refusalReason;

    @Column(name = "rows_anonymised")
    public Integer rowsAnonymised;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
