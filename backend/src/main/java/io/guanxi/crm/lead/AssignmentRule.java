package io.guanxi.crm.lead;

import io.guanxi.crm.contact.Region;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** "华东 + 科技 + ≥80 → rep A": empty criteria match every lead. */
@Entity
@Table(name = "lead_assignment_rule")
public class AssignmentRule {

    @Id
    public UUID id;

    public int position;

    public String name;

    @Enumerated(EnumType.STRING)
    public Region region;

    public String industry;

    @Column(name = "min_score")
    public BigDecimal minScore;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "assignee_ids", columnDefinition = "uuid[]")
    public List<UUID> assigneeIds;

    @Enumerated(EnumType.STRING)
    public AssignmentStrategy strategy;

    public boolean active = true;

    @Column(name = "next_index")
    public int nextIndex;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public boolean matches(Lead lead) {
        return active
                && (region == null || region == lead.region)
                && (industry == null || industry.equals(lead.industry))
                && (minScore == null || lead.score.compareTo(minScore) >= 0);
    }
}
