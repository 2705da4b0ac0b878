package io.guanxi.crm.care;

import io.guanxi.crm.tier.MembershipLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A version of the care policy; never changed, a change is a new version. */
@Entity
@Table(name = "care_policy")
public class CarePolicy {

    @Id
    public int version;

    /** The care activity is due this many days before the occasion. */
    @Column(name = "days_before")
    public int daysBefore;

    /** The occasions that make care activities (names of {@link Occasion}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "occasions", columnDefinition = "text[]")
    public List<String> occasions = new ArrayList<>();

    /** A personal call for customers in these ABC tiers… */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "call_abc_tiers", columnDefinition = "text[]")
    public List<String> callAbcTiers = new ArrayList<>();

    /** …or at this membership level or above (null: the level does not decide); a greeting for the others. */
    @Enumerated(EnumType.STRING)
    @Column(name = "call_min_level")
    public MembershipLevel callMinLevel;

    @Column(name = "greeting_zh")
    public String greetingZh;

    @Column(name = "greeting_en")
    public String greetingEn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;
}
