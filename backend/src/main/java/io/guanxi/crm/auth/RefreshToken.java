package io.guanxi.crm.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One refresh token of a session, known only by its SHA-256; rotated ones stay to reveal reuse. */
@Entity
@Table(name = "auth_refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "issued_at")
    public Instant issuedAt;

    /** When it was exchanged for its successor; presenting it again after that is reuse. */
    @Column(name = "rotated_at")
    public Instant rotatedAt;
}
