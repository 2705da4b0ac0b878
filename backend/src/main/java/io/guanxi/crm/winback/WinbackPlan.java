package io.guanxi.crm.winback;

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

/** A PDCA win-back plan (000): its customers are {@link WinbackTarget}s. */
@Entity
@Table(name = "winback_plan")
public class WinbackPlan {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public WinbackState state;

    public int cycle;

    @Column(name = "previous_plan_id")
    public UUID previousPlanId;

    @Enumerated(EnumType.STRING)
    public WinbackSource source;

    @Column(name = "source_ref")
    public String sourceRef;

    @Column(name = "goal_percent")
    public int goalPercent;

    @Column(name = "goal_days")
    public int goalDays;

    public String actions;

    public String script;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "check_date")
    public LocalDate checkDate;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "checked_at")
    public Instant checkedAt;

    @Column(name = "checked_targets")
    public Integer checkedTargets;

    @Column(name = "checked_won_back")
    public Integer checkedWonBack;

    @Column(name = "acted_at")
    public Instant actedAt;

    @Column(name = "change_policy")
    public String changePolicy;

    @Column(name = "change_script")
    public String changeScript;

    @Column(name = "change_training")
    public String changeTraining;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
