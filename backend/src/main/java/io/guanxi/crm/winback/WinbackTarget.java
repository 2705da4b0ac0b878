package io.guanxi.crm.winback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A customer a plan sets out to win back, the outcome its owner recorded and, once checked, when they bought again. */
@Entity
@Table(name = "winback_target")
public class WinbackTarget {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "activity_id")
    public UUID activityId;

    @Enumerated(EnumType.STRING)
    public WinbackOutcome outcome;

    @Column(name = "outcome_note")
    public String outcomeNote;

    @Column(name = "outcome_by")
    public UUID outcomeBy;

    @Column(name = "outcome_at")
    public Instant outcomeAt;

    @Column(name = "won_back_at")
    public Instant wonBackAt;

    @Version
    public long version;
}
