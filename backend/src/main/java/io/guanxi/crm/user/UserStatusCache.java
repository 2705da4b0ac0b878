package io.guanxi.crm.user;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a token's user still exists and is active, remembered for a short time so that a
 * deactivated user loses access within seconds without a database read on every request.
 */
@ApplicationScoped
public class UserStatusCache {

    static final Duration TTL = Duration.ofSeconds(30);

    private record Entry(boolean active, Instant checkedAt) {
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    UserRepository users;

    @Inject
    Clock clock;

    public boolean isActive(UUID userId) {
        Instant now = clock.instant();
        Entry entry = entries.get(userId);
        if (entry == null || entry.checkedAt().plus(TTL).isBefore(now)) {
            entry = new Entry(load(userId), now);
            if (entries.size() > 10_000) {
                entries.clear();
            }
            entries.put(userId, entry);
        }
        return entry.active();
    }

    public void invalidate(UUID userId) {
        entries.remove(userId);
    }

    private boolean load(UUID userId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            User user = users.findById(userId);
            return user != null && user.active;
        });
    }
}
