package io.guanxi.crm.platform.db;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New record ids: UUID version 7 (RFC 9562). Time-ordered, so B-tree inserts stay local, and with
 * 74 random bits not guessable.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
