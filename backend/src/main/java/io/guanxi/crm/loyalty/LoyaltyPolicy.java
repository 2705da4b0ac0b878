package io.guanxi.crm.loyalty;

import io.guanxi.crm.tier.MembershipLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/** A version of the points policy; never changed, a change is a new version. */
@Entity
@Table(name = "loyalty_policy")
public class LoyaltyPolicy {

    @Id
    public int version;

    @Column(name = "points_per_cny")
    public BigDecimal pointsPerCny;

    @Column(name = "silver_multiplier")
    public BigDecimal silverMultiplier;

    @Column(name = "gold_multiplier")
    public BigDecimal goldMultiplier;

    @Column(name = "platinum_multiplier")
    public BigDecimal platinumMultiplier;

    @Column(name = "pending_days")
    public int pendingDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "expiry_mode")
    public ExpiryMode expiryMode;

    @Column(name = "expiry_months")
    public int expiryMonths;

    @Column(name = "referral_bonus")
    public int referralBonus;

    /** The least a referred customer's purchase must come to (CNY) for the referrer's bonus. */
    @Column(name = "referral_min_purchase")
    public BigDecimal referralMinPurchase;

    @Enumerated(EnumType.STRING)
    @Column(name = "refund_shortfall")
    public RefundShortfall refundShortfall;

    @Column(name = "members_only")
    public boolean membersOnly;

    @Column(name = "point_value_cny")
    public BigDecimal pointValueCny;

    @Column(name = "expiring_soon_days")
    public int expiringSoonDays;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;

    public BigDecimal multiplier(MembershipLevel level) {
        if (level == null) {
            return BigDecimal.ONE;
        }
        return switch (level) {
            case SILVER -> silverMultiplier;
            case GOLD -> goldMultiplier;
            case PLATINUM -> platinumMultiplier;
        };
    }

    /** floor(amount × rate × level multiplier): a fraction of a point is never given. */
    public long pointsFor(BigDecimal amount, MembershipLevel level) {
        return amount.multiply(pointsPerCny).multiply(multiplier(level)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** When points earned at {@code earnedAt} expire. */
    public Instant expiryOf(Instant earnedAt, ZoneId zone) {
        return switch (expiryMode) {
            case MONTHS_AFTER_EARNING -> earnedAt.atOffset(ZoneOffset.UTC).plusMonths(expiryMonths).toInstant();
            case END_OF_NEXT_YEAR -> LocalDate.ofYearDay(earnedAt.atZone(zone).getYear() + 2, 1).atStartOfDay(zone).toInstant();
        };
    }
}
