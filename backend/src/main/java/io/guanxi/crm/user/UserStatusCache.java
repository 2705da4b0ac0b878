package io.guanxi.crm.user;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a token's user still exists and is active, and which token generation is current,
 * remembered for a short time so that most requests need no database read. A change to the user
 * drops the entry once committed, here and, through {@link UserCacheSync}'s notification, on every
 * other replica; the {@link #TTL} only bounds what a lost notification could leave stale.
 */
@ApplicationScoped
public class UserStatusCache {

    static final Duration TTL = Duration.ofSeconds(30);

    /** What a token is checked against. */
    public record Status(boolean active, int tokenGeneration) {
        static final Status UNKNOWN = new Status(false, -1);
    }

    private record Entry(Status status, Instant checkedAt) {
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    /** Bumped by every invalidation, so a read that raced one is not kept (see {@link #status}). */
    private final AtomicLong invalidations = new AtomicLong();

    @Inject
    UserRepository users;

    @Inject
    Clock clock;

    public Status status(UUID userId) {
        Instant now = clock.instant();
        Entry entry = entries.get(userId);
        if (entry == null || entry.checkedAt().plus(TTL).isBefore(now)) {
            long seen = invalidations.get();
            entry = new Entry(load(userId), now);
            if (entries.size() > 10_000) {
                entries.clear();
            }
            entries.put(userId, entry);
            if (invalidations.get() != seen) {
                // An invalidation came while the row was read: what was read may be the old state.
                entries.remove(userId, entry);
            }
        }
        return entry.status();
    }

    /** What is remembered and still fresh, without reading the database (for the event loop); else empty. */
    public Optional<Status> remembered(UUID userId) {
        Entry entry = entries.get(userId);
        if (entry == null || entry.checkedAt().plus(TTL).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry.status());
    }

    public void invalidate(UUID userId) {
        invalidations.incrementAndGet();
        entries.remove(userId);
    }

    /** Forgets everything (the invalidation listener reconnected: a change may have gone unnoticed). */
    void clear() {
        invalidations.incrementAndGet();
        entries.clear();
    }

    /** Dropped again after the commit, so a request that read the old row meanwhile does not keep it. */
    void onAccessChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) UserAccessChanged change) {
        invalidate(change.userId());
    }

    private Status load(UUID userId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            User user = users.findById(userId);
            return user == null ? Status.UNKNOWN : new Status(user.active, user.tokenGeneration);
        });
    }
}
