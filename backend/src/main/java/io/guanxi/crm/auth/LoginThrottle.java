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
import java.util.stream.Stream;

/**
 * Slows password guessing. After {@code max-failures} failed logins for a username, that username
 * is locked for {@code lockout}, doubling with each further failure up to {@code max-lockout}; its
 * right password clears the count. A client address is counted apart: {@code address-max-failures}
 * failures within {@code address-window} lock it the same way, and successful logins in between
 * (a guesser's own account) do not clear it. While locked, even the right password is refused.
 * Kept in memory: one instance guards itself (several replicas, issue 22, would share it).
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_KEYS = 100_000;

    /** Failures since {@code windowStart} (for a username: since the last success) and any lockout. */
    private record State(Instant windowStart, int failures, Instant lockedUntil) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    /** How long the caller must wait before trying again, if locked. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        return Stream.of(userKey(username), addressKey(address))
                .map(states::get)
                .filter(s -> s != null && s.lockedUntil() != null && s.lockedUntil().isAfter(now))
                .map(s -> Duration.between(now, s.lockedUntil()))
                .max(Duration::compareTo);
    }

    public void failed(String username, String address) {
        if (states.size() > MAX_KEYS) {
            forgetUnlocked();
        }
        var login = config.security().login();
        record(userKey(username), login.maxFailures(), null);
        record(addressKey(address), login.addressMaxFailures(), login.addressWindow());
    }

    /** Clears the username's failures; the address keeps counting within its window. */
    public void succeeded(String username) {
        states.remove(userKey(username));
    }

    private void record(String key, int maxFailures, Duration window) {
        Instant now = clock.instant();
        states.compute(key, (k, state) -> {
            boolean windowOver = state != null && window != null && !state.windowStart().plus(window).isAfter(now)
                    && (state.lockedUntil() == null || !state.lockedUntil().isAfter(now));
            State counted = state == null || windowOver ? new State(now, 0, null) : state;
            int failures = counted.failures() + 1;
            Instant lockedUntil = failures >= maxFailures ? now.plus(lockout(failures - maxFailures)) : null;
            return new State(counted.windowStart(), failures, lockedUntil);
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
