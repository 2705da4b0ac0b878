package io.guanxi.crm.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One grant or withdrawal; never changed (a trigger refuses it), except the evidence blanked by an erasure. */
@Entity
@Table(name = "consent_entry")
public class ConsentEntry {

    @Id
    public UUID id;

    /** The order entries were recorded in: the latest per customer and purpose wins. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "purpose_id")
    public UUID purposeId;

    @Enumerated(EnumType.STRING)
    public ConsentDecision decision;

    @Enumerated(EnumType.STRING)
    public ConsentChannel channel;

    public String evidence;

    @Column(name = "recorded_by")
    public UUID recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "redacted_at", insertable = false, updatable = false)
    public Instant redactedAt;
}
