package io.guanxi.crm.platform.db;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of native queries read by column alias, never by position: create the query with
 * {@code em.createNativeQuery(sql, Tuple.class)}, give every selected expression an alias
 * ({@code count(*) AS n}), then read {@code Rows.longValue(row, "n")}. Aliases are matched
 * case-insensitively by Hibernate; an alias that is not in the row is an IllegalArgumentException.
 */
public final class Rows {

    private Rows() {
    }

    /** All rows of a query created with Tuple.class. */
    @SuppressWarnings("unchecked")
    public static List<Tuple> list(Query tupleQuery) {
        return (List<Tuple>) tupleQuery.getResultList();
    }

    /** The first row, if any, of a query created with Tuple.class. */
    public static Optional<Tuple> first(Query tupleQuery) {
        return list(tupleQuery).stream().findFirst();
    }

    /** The only row of a query created with Tuple.class (an aggregate, or a lookup that must find one). */
    public static Tuple one(Query tupleQuery) {
        return (Tuple) tupleQuery.getSingleResult();
    }

    public static UUID uuid(Tuple row, String alias) {
        return row.get(alias, UUID.class);
    }

    public static String string(Tuple row, String alias) {
        return row.get(alias, String.class);
    }

    public static Boolean bool(Tuple row, String alias) {
        return row.get(alias, Boolean.class);
    }

    /** An integral column that is never NULL (an IllegalArgumentException names the alias if it is). */
    public static long longValue(Tuple row, String alias) {
        Long value = nullableLong(row, alias);
        if (value == null) {
            throw new IllegalArgumentException("Column " + alias + " is NULL");
        }
        return value;
    }

    /** An integral column whose NULL means none, as 0 (a balance with no account, a sum over no rows). */
    public static long longOrZero(Tuple row, String alias) {
        Long value = nullableLong(row, alias);
        return value == null ? 0 : value;
    }

    public static Long nullableLong(Tuple row, String alias) {
        return SqlValues.nullableLong(row.get(alias));
    }

    public static int intValue(Tuple row, String alias) {
        return Math.toIntExact(longValue(row, alias));
    }

    public static Integer nullableInt(Tuple row, String alias) {
        Long value = nullableLong(row, alias);
        return value == null ? null : Math.toIntExact(value);
    }

    public static BigDecimal decimal(Tuple row, String alias) {
        return SqlValues.decimal(row.get(alias));
    }

    public static Instant instant(Tuple row, String alias) {
        return SqlValues.instant(row.get(alias));
    }

    /** A date column (java.sql.Date or LocalDate, as the driver hands it). */
    public static LocalDate localDate(Tuple row, String alias) {
        Object value = row.get(alias);
        return value == null ? null : value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** A text column holding an enum's name (null stays null). */
    public static <E extends Enum<E>> E enumValue(Tuple row, String alias, Class<E> type) {
        String name = string(row, alias);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
