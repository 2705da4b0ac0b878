package io.guanxi.crm.churn;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A version of the churn policy; never changed, a change is a new version. */
@Entity
@Table(name = "churn_policy")
public class ChurnPolicy {

    @Id
    public int version;

    /** A customer with no purchase for this many months is churned by the daily rule. */
    @Column(name = "months_without_purchase")
    public int monthsWithoutPurchase;

    /** Whether the daily rule runs at all (a company that only churns by hand switches it off). */
    @Column(name = "rule_enabled")
    public boolean ruleEnabled;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;
}
