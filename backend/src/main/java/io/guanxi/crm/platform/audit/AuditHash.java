package io.guanxi.crm.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The chain's hash: SHA-256 over the previous entry's hash followed by the canonical text of the entry.
 * Canonical text: each field in a fixed order as {@code <length>:<value>|} ({@code -1:|} for null), the length in
 * UTF-16 code units, so no value can be shifted into its neighbour; times as ISO-8601 UTC with microseconds at most
 * (what PostgreSQL keeps).
 */
final class AuditHash {

    /** The prev_hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final byte[] NULL_FIELD = "-1:|".getBytes(StandardCharsets.US_ASCII);

    // An import appends 10⁵ entries: looking the algorithm up per entry cost more than hashing.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private AuditHash() {
    }

    /** The fields of one entry, in their hashed order. */
    record Fields(UUID id, Instant at, UUID userId, String username, String action, String entityType, UUID entityId,
            UUID contactId, String changes, String clientAddress, String requestId) {

        /** Each field as text (null stays null), in the hashed order: what is stored and what is hashed. */
        String[] texts() {
            Object[] values = {id, at, userId, username, action, entityType, entityId, contactId, changes, clientAddress, requestId};
            String[] texts = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                texts[i] = values[i] == null ? null : values[i].toString();
            }
            return texts;
        }
    }

    static String of(String prevHash, Fields fields) {
        return of(prevHash, fields.texts());
    }

    /** The hash of an entry whose fields are given as {@link Fields#texts()}; fed piece by piece, the same bytes. */
    static String of(String prevHash, String[] texts) {
        MessageDigest digest = SHA_256.get();
        digest.update(prevHash.getBytes(StandardCharsets.UTF_8));
        for (String text : texts) {
            if (text == null) {
                digest.update(NULL_FIELD);
            } else {
                digest.update((text.length() + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '|');
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
