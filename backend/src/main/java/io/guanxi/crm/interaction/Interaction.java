package io.guanxi.crm.interaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A call, message, visit, meeting or event with a contact. Interactions are a log: never edited. */
@Entity
@Table(name = "interaction")
public class Interaction {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Enumerated(EnumType.STRING)
    public InteractionChannel channel;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String summary;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "created_at")
    public Instant createdAt;
}
