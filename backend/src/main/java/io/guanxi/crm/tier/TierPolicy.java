package io.guanxi.crm.tier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A version of the tiering policy; never changed, a new policy is a new version. */
@Entity
@Table(name = "tier_policy")
public class TierPolicy {

    @Id
    public int version;

    @Column(name = "window_months")
    public int windowMonths;

    @Enumerated(EnumType.STRING)
    @Column(name = "abc_method")
    public AbcMethod abcMethod;

    @Column(name = "a_cutoff_percent")
    public BigDecimal aCutoffPercent;

    @Column(name = "b_cutoff_percent")
    public BigDecimal bCutoffPercent;

    @Column(name = "no_revenue_tier")
    public String noRevenueTier;

    @Column(name = "abcd_thresholds")
    public String abcdThresholds;

    @Column(name = "frequency_threshold")
    public Integer frequencyThreshold;

    @Column(name = "order_value_threshold")
    public BigDecimal orderValueThreshold;

    @Column(name = "gold_spend")
    public BigDecimal goldSpend;

    @Column(name = "gold_tenure_days")
    public int goldTenureDays;

    @Column(name = "platinum_spend")
    public BigDecimal platinumSpend;

    @Column(name = "platinum_tenure_days")
    public int platinumTenureDays;

    @Column(name = "expected_lifetime_years")
    public BigDecimal expectedLifetimeYears;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;
}
