package io.guanxi.crm.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The chain's hash must never change: entries written before a release are verified after it. The reference below
 * is the canonical text spelled out as one string (the first implementation); the piece-by-piece hash must agree
 * with it for any field values, Chinese text, emoji and lone surrogates included.
 */
class AuditHashTest {

    static String reference(String prevHash, AuditHash.Fields f) throws Exception {
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
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 2000)
    void hashEqualsTheCanonicalTextsHash(@ForAll("texts") String username, @ForAll("texts") String changes,
            @ForAll("texts") String entityType, @ForAll boolean withIds, @ForAll("previous") String prevHash) throws Exception {
        AuditHash.Fields fields = new AuditHash.Fields(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                withIds ? UUID.randomUUID() : null, username, "UPDATE", entityType, withIds ? UUID.randomUUID() : null, null, changes,
                withIds ? "203.0.113.7" : null, null);
        assertEquals(reference(prevHash, fields), AuditHash.of(prevHash, fields));
    }

    @Provide
    Arbitrary<String> previous() {
        return Arbitraries.oneOf(Arbitraries.just(AuditHash.GENESIS), Arbitraries.strings().withChars("0123456789abcdef").ofLength(64));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> chinese = Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').withChars("|:-1 😀\ud800\udc00")
                .ofMaxLength(80);
        return Arbitraries.oneOf(anything, chinese, Arbitraries.just(null), Arbitraries.just(""));
    }
}
