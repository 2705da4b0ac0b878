package io.guanxi.crm.survey;

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

/** A version of the survey policy; never changed, a change is a new version. */
@Entity
@Table(name = "survey_policy")
public class SurveyPolicy {

    @Id
    public int version;

    /** An invitation can be answered for this many days. */
    @Column(name = "expiry_days")
    public int expiryDays;

    /** At most one invitation per customer within this many days. */
    @Column(name = "min_days_between")
    public int minDaysBetween;

    /** The automatic triggers that are on (names of {@link SurveyTrigger}, MANUAL never listed). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "triggers", columnDefinition = "text[]")
    public List<String> triggers = new ArrayList<>();

    /** The periodic relationship survey (NPS) asks a customer again after this many months. */
    @Column(name = "periodic_months")
    public int periodicMonths;

    @Enumerated(EnumType.STRING)
    @Column(name = "complaint_template")
    public SurveyTemplate complaintTemplate;

    @Enumerated(EnumType.STRING)
    @Column(name = "purchase_template")
    public SurveyTemplate purchaseTemplate;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;

    boolean on(SurveyTrigger trigger) {
        return triggers.contains(trigger.name());
    }
}
