package io.guanxi.crm.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnitRulesTest {

    private static final Map<String, String> SORTABLE = Map.of("name", "c.name_pinyin");

    @Test
    void pageRequestValidatesAndWhitelistsSort() {
        PageRequest page = PageRequest.of(2, 50, "name,desc", SORTABLE, "name,asc");
        assertEquals(100, page.offset());
        assertEquals("c.name_pinyin desc NULLS LAST", page.orderBySql());
        assertEquals("c.name_pinyin asc NULLS LAST", PageRequest.of(null, null, null, SORTABLE, "name").orderBySql());
        assertEquals(400, assertThrows(ProblemException.class, () -> PageRequest.of(0, 201, null, SORTABLE, "name")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> PageRequest.of(-1, 20, null, SORTABLE, "name")).status());
        assertThrows(ProblemException.class, () -> PageRequest.of(0, 20, "id; drop table x", SORTABLE, "name"));
        assertThrows(ProblemException.class, () -> PageRequest.of(0, 20, "name,sideways", SORTABLE, "name"));
    }

    @Test
    void ifMatchAcceptsStrongAndWeakTags() {
        assertEquals(3, IfMatch.requiredVersion("\"3\""));
        assertEquals(3, IfMatch.requiredVersion("W/\"3\""));
        assertEquals(428, assertThrows(ProblemException.class, () -> IfMatch.requiredVersion(null)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> IfMatch.check("\"2\"", 3)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> IfMatch.check("*x", 3)).status());
    }

    @Test
    void idsAreVersion7AndIncreaseOverTime() {
        UUID first = Ids.newId();
        long firstMillis = first.getMostSignificantBits() >>> 16;
        // Order is only promised across milliseconds: wait for the clock to pass the first id's.
        await().atMost(Duration.ofSeconds(1)).until(() -> System.currentTimeMillis() > firstMillis);
        UUID second = Ids.newId();
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        assertTrue(first.toString().compareTo(second.toString()) < 0);
    }
}
