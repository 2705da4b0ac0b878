package io.guanxi.crm.churnrisk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A version of the churn-risk policy; never changed, a change is a new version. Weights add up to 100. */
@Entity
@Table(name = "churn_risk_policy")
public class ChurnRiskPolicy {

    @Id
    public int version;

    @Column(name = "quiet_weight")
    public int quietWeight;

    @Column(name = "purchase_drop_weight")
    public int purchaseDropWeight;

    @Column(name = "complaint_weight")
    public int complaintWeight;

    @Column(name = "detractor_weight")
    public int detractorWeight;

    @Column(name = "level_down_weight")
    public int levelDownWeight;

    @Column(name = "expiring_points_weight")
    public int expiringPointsWeight;

    /** A score at or above this is MEDIUM… */
    @Column(name = "medium_threshold")
    public int mediumThreshold;

    /** …and at or above this HIGH. */
    @Column(name = "high_threshold")
    public int highThreshold;

    /** The usual gap between interactions of a customer with fewer than three in the last year. */
    @Column(name = "default_cadence_days")
    public int defaultCadenceDays;

    /** Points expiring within this many days count as about to expire. */
    @Column(name = "expiring_within_days")
    public int expiringWithinDays;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;

    public int weight(ChurnSignal signal) {
        return switch (signal) {
            case QUIET -> quietWeight;
            case PURCHASE_DROP -> purchaseDropWeight;
            case COMPLAINT -> complaintWeight;
            case DETRACTOR -> detractorWeight;
            case LEVEL_DOWN -> levelDownWeight;
            case EXPIRING_POINTS -> expiringPointsWeight;
        };
    }
}
