package io.guanxi.crm.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a web session is still live, remembered briefly so an access token's requests need no
 * database read each. A revocation drops the entry once committed, so this process refuses the
 * session's access tokens on their next request (other replicas, issue 22, wait out the TTL).
 */
@ApplicationScoped
class SessionStatusCache {

    private static final Duration TTL = Duration.ofSeconds(30);

    private record Entry(boolean live, Instant checkedAt) {
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    SessionRepository sessions;

    @Inject
    Clock clock;

    /**
     * What is remembered about the session and still fresh, without reading the database (so the
     * caller can answer on the event loop); empty when only {@link #isLive} can tell.
     */
    Optional<Boolean> remembered(UUID sessionId) {
        Entry entry = entries.get(sessionId);
        if (entry == null || entry.checkedAt().plus(TTL).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry.live());
    }

    boolean isLive(UUID sessionId) {
        Instant now = clock.instant();
        Entry entry = entries.get(sessionId);
        if (entry == null || entry.checkedAt().plus(TTL).isBefore(now)) {
            entry = new Entry(load(sessionId, now), now);
            if (entries.size() > 50_000) {
                entries.clear();
            }
            entries.put(sessionId, entry);
        }
        return entry.live();
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_COMPLETION) SessionsRevoked revoked) {
        revoked.sessionIds().forEach(entries::remove);
    }

    private boolean load(UUID sessionId, Instant now) {
        return QuarkusTransaction.joiningExisting().call(() -> sessions.find(sessionId)
                .filter(session -> session.revokedAt == null && session.expiresAt.isAfter(now)).isPresent());
    }
}
