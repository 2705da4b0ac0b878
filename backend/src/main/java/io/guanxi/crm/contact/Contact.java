package io.guanxi.crm.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer profile (客户档案): a person, optionally with a company (SPEC §1). */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    public UUID id;

    public String name;

    @Column(name = "name_pinyin")
    public String namePinyin;

    @Column(name = "name_initials")
    public String nameInitials;

    public String mobile;

    public String email;

    @Column(name = "wechat_id")
    public String wechatId;

    public String company;

    public String industry;

    @Enumerated(EnumType.STRING)
    public Region region;

    public String city;

    public LocalDate birthday;

    /** A birthday known without its year, "--MM-DD"; never together with {@link #birthday}. */
    @Column(name = "birth_month_day")
    public String birthMonthDay;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_channel")
    public SourceChannel sourceChannel;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    public ContactChannel preferredChannel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tags", columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    @Column(name = "hidden_needs")
    public String hiddenNeeds;

    @Enumerated(EnumType.STRING)
    @Column(name = "personality_type")
    public PersonalityType personalityType;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage")
    public LifecycleStage lifecycleStage = LifecycleStage.POTENTIAL;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "marketing_consent")
    public boolean marketingConsent;

    @Column(name = "referred_by_id")
    public UUID referredById;

    @Column(name = "last_contacted_at")
    public Instant lastContactedAt;

    public short completeness;

    @Column(name = "archived_at")
    public Instant archivedAt;

    /** When the person's data was erased (a deletion request or the retention review); the profile is read-only from then. */
    @Column(name = "anonymised_at")
    public Instant anonymisedAt;

    /** The contact this one was merged into (issue 20 §3); it then answers with a pointer and stays out of lists. */
    @Column(name = "merged_into_id")
    public UUID mergedIntoId;

    @Column(name = "merged_at")
    public Instant mergedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
