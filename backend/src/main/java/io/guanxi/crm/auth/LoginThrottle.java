package io.guanxi.crm.auth;

import io.guanxi.crm.platform.config.GuanxiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing. After {@code max-failures} failed logins for a username, or four times as
 * many from one client address, that key is locked for {@code lockout}, doubling with each further
 * failure up to {@code max-lockout}. While locked, even the right password is refused. Kept in memory:
 * one instance guards itself (a cluster would move this to the database or a cache).
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int ADDRESS_FACTOR = 4;
    private static final int MAX_KEYS = 100_000;

    private record State(int failures, Instant lockedUntil) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    /** How long the caller must wait before trying again, if locked. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        return java.util.stream.Stream.of(userKey(username), addressKey(address))
                .map(states::get)
                .filter(s -> s != null && s.lockedUntil() != null && s.lockedUntil().isAfter(now))
                .map(s -> Duration.between(now, s.lockedUntil()))
                .max(Duration::compareTo);
    }

    public void failed(String username, String address) {
        if (states.size() > MAX_KEYS) {
            forgetUnlocked();
        }
        int max = config.security().login().maxFailures();
        record(userKey(username), max);
        record(addressKey(address), max * ADDRESS_FACTOR);
    }

    public void succeeded(String username, String address) {
        states.remove(userKey(username));
        states.remove(addressKey(address));
    }

    private void record(String key, int maxFailures) {
        Instant now = clock.instant();
        states.compute(key, (k, state) -> {
            int failures = state == null ? 1 : state.failures() + 1;
            Instant lockedUntil = null;
            if (failures >= maxFailures) {
                lockedUntil = now.plus(lockout(failures - maxFailures));
            }
            return new State(failures, lockedUntil);
        });
    }

    /** Bounds memory under a flood of usernames without releasing anyone who is locked out. */
    private void forgetUnlocked() {
        Instant now = clock.instant();
        states.values().removeIf(state -> state.lockedUntil() == null || !state.lockedUntil().isAfter(now));
    }

    private Duration lockout(int extraFailures) {
        Duration base = config.security().login().lockout();
        Duration max = config.security().login().maxLockout();
        Duration lockout = base.multipliedBy(1L << Math.min(extraFailures, 20));
        return lockout.compareTo(max) > 0 ? max : lockout;
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
