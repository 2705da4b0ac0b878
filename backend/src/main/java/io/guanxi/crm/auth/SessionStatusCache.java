package io.guanxi.crm.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a web session is still live, remembered briefly so an access token's requests need no
 * database read each. A revocation drops the entry once committed, so this process refuses the
 * session's access tokens on their next request, and every other replica on the notification
 * {@link SessionCacheSync} sends; the TTL only bounds what a lost notification could leave stale.
 */
@ApplicationScoped
class SessionStatusCache {

    private static final Duration TTL = Duration.ofSeconds(30);

    private record Entry(boolean live, Instant checkedAt) {
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    /** Bumped by every invalidation, so a read that raced one is not kept (see {@link #isLive}). */
    private final AtomicLong invalidations = new AtomicLong();

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
            long seen = invalidations.get();
            entry = new Entry(load(sessionId, now), now);
            if (entries.size() > 50_000) {
                entries.clear();
            }
            entries.put(sessionId, entry);
            if (invalidations.get() != seen) {
                // An invalidation came while the row was read: what was read may be the old state.
                entries.remove(sessionId, entry);
            }
        }
        return entry.live();
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_COMPLETION) SessionsRevoked revoked) {
        invalidate(revoked.sessionIds());
    }

    void invalidate(Collection<UUID> sessionIds) {
        invalidations.incrementAndGet();
        sessionIds.forEach(entries::remove);
    }

    /** Forgets everything (the invalidation listener reconnected: a revocation may have gone unnoticed). */
    void clear() {
        invalidations.incrementAndGet();
        entries.clear();
    }

    private boolean load(UUID sessionId, Instant now) {
        return QuarkusTransaction.joiningExisting().call(() -> sessions.find(sessionId)
                .filter(session -> session.revokedAt == null && session.expiresAt.isAfter(now)).isPresent());
    }
}
