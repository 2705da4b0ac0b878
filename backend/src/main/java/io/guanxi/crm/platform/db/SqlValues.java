package io.guanxi.crm.platform.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values read from native queries, whose driver types vary with the column and the JDBC driver. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A timestamptz column as an Instant (null stays null). */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
    }
}
