package io.guanxi.crm.churn;

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

/** The review of one month's churn: its customer base at the start, and whether a manager has closed it. */
@Entity
@Table(name = "churn_review")
public class ChurnReview {

    /** The first day of the month reviewed. */
    @Id
    public LocalDate month;

    @Column(name = "customers_at_start")
    public int customersAtStart;

    @Enumerated(EnumType.STRING)
    public ChurnReviewState state;

    @Column(name = "produced_at")
    public Instant producedAt;

    @Column(name = "closed_by")
    public UUID closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;
}
