package io.guanxi.crm.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The row helper against the types PostgreSQL's driver really returns for each kind of expression. */
@QuarkusTest
class RowsTest {

    @Inject
    EntityManager em;

    private Tuple select(String columns) {
        return Rows.one(em.createNativeQuery("SELECT " + columns, Tuple.class));
    }

    @Test
    @TestTransaction
    void integralValuesOfEveryDriverTypeAreLongs() {
        Tuple row = select("""
                CAST(7 AS int) AS small, CAST(8000000000 AS bigint) AS big, (SELECT count(*) FROM (VALUES (1), (2)) v) AS n,
                (SELECT sum(x) FROM (VALUES (CAST(5 AS bigint)), (6)) v(x)) AS total, CAST(NULL AS bigint) AS nothing,
                CAST(3 AS smallint) AS tiny""");
        assertEquals(7, Rows.intValue(row, "small"));
        assertEquals(8_000_000_000L, Rows.longValue(row, "big"));
        assertEquals(2, Rows.longValue(row, "n"));
        assertEquals(11, Rows.longValue(row, "total"));
        assertEquals(3, Rows.intValue(row, "tiny"));
        assertNull(Rows.nullableLong(row, "nothing"));
        assertNull(Rows.nullableInt(row, "nothing"));
        assertEquals(0, Rows.longOrZero(row, "nothing"));
        assertEquals(0, Rows.longOrZero(select("CAST(NULL AS numeric) AS s"), "s"));
        IllegalArgumentException nullRead = assertThrows(IllegalArgumentException.class, () -> Rows.longValue(row, "nothing"));
        assertTrue(nullRead.getMessage().contains("nothing"));
        assertThrows(ArithmeticException.class, () -> Rows.intValue(row, "big"));
    }

    @Test
    @TestTransaction
    void decimalsKeepTheirScaleAndIntegersBecomeDecimals() {
        Tuple row = select("CAST(12.50 AS numeric(12,2)) AS amount, CAST(4 AS bigint) AS whole, CAST(NULL AS numeric) AS missing");
        assertEquals(new BigDecimal("12.50"), Rows.decimal(row, "amount"));
        assertEquals(new BigDecimal("4"), Rows.decimal(row, "whole"));
        assertNull(Rows.decimal(row, "missing"));
    }

    @Test
    @TestTransaction
    void timestampsUuidsTextAndEnumsAreReadByAlias() {
        Instant at = Instant.parse("2026-11-30T08:15:30.123456Z");
        UUID id = UUID.randomUUID();
        Tuple row = Rows.one(em.createNativeQuery("""
                SELECT CAST(:at AS timestamptz) AS created_at, CAST(NULL AS timestamptz) AS never, CAST(:id AS uuid) AS id,
                       'GOLD' AS level, CAST(NULL AS text) AS no_level, true AS flag""", Tuple.class)
                .setParameter("at", at).setParameter("id", id));
        assertEquals(at.truncatedTo(ChronoUnit.MICROS), Rows.instant(row, "created_at"));
        assertEquals(at, Rows.instant(row, "CREATED_AT"));
        assertNull(Rows.instant(row, "never"));
        assertEquals(id, Rows.uuid(row, "id"));
        assertEquals("GOLD", Rows.string(row, "level"));
        assertEquals(ChronoUnit.DAYS, Rows.enumValue(select("'DAYS' AS unit"), "unit", ChronoUnit.class));
        assertNull(Rows.enumValue(row, "no_level", ChronoUnit.class));
        assertEquals(Boolean.TRUE, Rows.bool(row, "flag"));
    }

    @Test
    @TestTransaction
    void anAliasThatIsNotSelectedIsAnError() {
        Tuple row = select("1 AS one");
        assertThrows(IllegalArgumentException.class, () -> Rows.longValue(row, "two"));
    }

    @Test
    @TestTransaction
    void listAndFirstReadEveryRowOrNone() {
        assertEquals(3, Rows.list(em.createNativeQuery("SELECT g AS n FROM generate_series(1, 3) g", Tuple.class)).size());
        assertTrue(Rows.first(em.createNativeQuery("SELECT 1 AS n WHERE false", Tuple.class)).isEmpty());
        assertEquals(1, Rows.longValue(Rows.first(em.createNativeQuery("SELECT 1 AS n", Tuple.class)).orElseThrow(), "n"));
    }
}
