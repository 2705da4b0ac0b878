package io.guanxi.crm.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClusterNotifierTest {

    @Test
    void manyIdsAreSplitUnderPostgresqlsPayloadLimitAndReadBackWhole() {
        List<UUID> ids = IntStream.range(0, 1000).mapToObj(i -> UUID.randomUUID()).toList();
        List<String> payloads = ClusterNotifier.payloads("session", ids);
        assertTrue(payloads.size() > 1);
        List<UUID> back = new ArrayList<>();
        for (String payload : payloads) {
            assertTrue(payload.length() <= ClusterNotifier.MAX_PAYLOAD, "under 8000 bytes");
            CacheInvalidation parsed = ClusterNotifier.parse(payload);
            assertEquals("session", parsed.topic());
            back.addAll(parsed.ids());
        }
        assertEquals(ids, back);
    }

    @Test
    void foreignPayloadsCarryNoIds() {
        assertTrue(ClusterNotifier.parse("hello").ids().isEmpty());
        assertTrue(ClusterNotifier.parse(null).ids().isEmpty());
        assertTrue(ClusterNotifier.parse("user:not-an-id").ids().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ClusterNotifier.payloads("User:", List.of(UUID.randomUUID())));
    }
}
