package io.guanxi.crm.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The chain's hash: SHA-256 over the previous entry's hash followed by the canonical text of the entry.
 * Canonical text: each field in a fixed order as {@code <length>:<value>|} ({@code -1:|} for null), so no
 * value can be shifted into its neighbour; times as ISO-8601 UTC with microseconds at most (what
 * PostgreSQL keeps).
 */
final class AuditHash {

    /** The prev_hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    /** The fields of one entry, in their hashed order. */
    record Fields(UUID id, Instant at, UUID userId, String username, String action, String entityType, UUID entityId,
            UUID contactId, String changes, String clientAddress, String requestId) {
    }

    static String of(String prevHash, Fields f) {
        StringBuilder text = new StringBuilder(256).append(prevHash);
        for (Object value : new Object[] {f.id(), f.at(), f.userId(), f.username(), f.action(), f.entityType(), f.entityId(),
                f.contactId(), f.changes(), f.clientAddress(), f.requestId()}) {
            if (value == null) {
                text.append("-1:|");
            } else {
                String s = value.toString();
                text.append(s.length()).append(':').append(s).append('|');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
