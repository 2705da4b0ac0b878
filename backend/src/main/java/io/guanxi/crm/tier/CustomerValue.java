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
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's value as the recompute (and purchases since) left it. Read-only here: it is written
 * set-based by {@link TierRecomputeRepository} and per sale by {@link TierRepository}, in SQL.
 */
@Entity
@Immutable
@Table(name = "customer_value")
public class CustomerValue {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    public BigDecimal revenue;

    @Column(name = "purchase_count")
    public int purchaseCount;

    @Column(name = "average_order")
    public BigDecimal averageOrder;

    @Column(name = "first_purchase_at")
    public Instant firstPurchaseAt;

    @Column(name = "last_purchase_at")
    public Instant lastPurchaseAt;

    @Column(name = "abc_tier")
    public String abcTier;

    @Column(name = "abcd_quadrant", length = 1)
    @JdbcTypeCode(SqlTypes.CHAR)
    public String abcdQuadrant;

    @Enumerated(EnumType.STRING)
    @Column(name = "membership_level")
    public MembershipLevel membershipLevel;

    @Column(name = "rfm_recency")
    public Short rfmRecency;

    @Column(name = "rfm_frequency")
    public Short rfmFrequency;

    @Column(name = "rfm_monetary")
    public Short rfmMonetary;

    public BigDecimal clv;

    @Column(name = "policy_version")
    public int policyVersion;

    @Column(name = "computed_at")
    public Instant computedAt;
}
