package io.guanxi.crm.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A version of the scoring policy. Versions are never changed: a new policy is a new version. */
@Entity
@Table(name = "lead_scoring_policy")
public class LeadScoringPolicy {

    @Id
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "match_rules")
    public List<MatchRule> matchRules;

    @Column(name = "activity_window_days")
    public int activityWindowDays;

    @Column(name = "points_per_interaction")
    public int pointsPerInteraction;

    @Column(name = "activity_cap")
    public int activityCap;

    @Column(name = "match_weight")
    public BigDecimal matchWeight;

    @Column(name = "activity_weight")
    public BigDecimal activityWeight;

    @Column(name = "priority_threshold")
    public int priorityThreshold;

    @Column(name = "high_value_threshold")
    public int highValueThreshold;

    @Column(name = "care_after_days")
    public int careAfterDays;

    /** Reps see the unassigned queue of their seniority and may claim from it. */
    @Column(name = "reps_see_unassigned")
    public boolean repsSeeUnassigned = true;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;
}
