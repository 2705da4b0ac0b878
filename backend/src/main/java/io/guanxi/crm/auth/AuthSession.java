package io.guanxi.crm.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A web app sign-in: the family of refresh tokens handed out since, and when it ends. */
@Entity
@Table(name = "auth_session")
public class AuthSession {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The last sign-in or refresh; the idle timeout counts from here. */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** The absolute end, however active the session is. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "user_agent")
    public String userAgent;

    public String address;
}
