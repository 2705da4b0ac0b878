package io.guanxi.crm.platform.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Values read from native queries, whose driver types vary with the column and the expression
 * (count(*) is a Long, sum(bigint) a BigDecimal, an int column an Integer, timestamptz an
 * OffsetDateTime or a Timestamp). {@link Rows} reads a row's columns by alias through these.
 */
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

    /** Any integral SQL number (int, bigint, or the numeric that sum(bigint) returns) as a Long (null stays null). */
    public static Long nullableLong(Object value) {
        return value == null ? null : number(value).longValue();
    }

    /** A count or other integral scalar that cannot be null. */
    public static long longValue(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Expected a number, got NULL");
        }
        return number(value).longValue();
    }

    /** Any SQL number as a BigDecimal, keeping a numeric's scale (null stays null). */
    public static BigDecimal decimal(Object value) {
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(number(value).longValue());
        }
        return new BigDecimal(number(value).toString());
    }

    private static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("Not a number: " + value.getClass().getName());
    }
}
