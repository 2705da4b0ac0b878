package io.guanxi.crm.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The SLA of one severity: minutes to acknowledge, to resolve, to follow up after resolving. */
@Entity
@Table(name = "complaint_sla_policy")
public class SlaPolicy {

    @Id
    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Column(name = "acknowledge_minutes")
    public int acknowledgeMinutes;

    @Column(name = "resolve_minutes")
    public int resolveMinutes;

    @Column(name = "follow_up_minutes")
    public int followUpMinutes;

    @Column(name = "warn_before_minutes")
    public int warnBeforeMinutes;

    /** The four rows change together; their version is the policy's ETag. */
    @Column(name = "version")
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
