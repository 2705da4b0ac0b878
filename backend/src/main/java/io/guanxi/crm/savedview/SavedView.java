package io.guanxi.crm.savedview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A named query of a list, its owner's or shared with the team. */
@Entity
@Table(name = "saved_view")
public class SavedView {

    @Id
    public UUID id;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "list")
    public SavedViewList viewList;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<String>> query = new LinkedHashMap<>();

    public boolean shared;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
