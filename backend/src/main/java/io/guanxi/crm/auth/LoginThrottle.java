package io.guanxi.crm.auth;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows password guessing. After {@code max-failures} failed logins for a username, that username
 * is locked for {@code lockout}, doubling with each further failure up to {@code max-lockout}; its
 * right password clears the count. A client address is counted apart: {@code address-max-failures}
 * failures within {@code address-window} lock it the same way, and successful logins in between
 * (a guesser's own account) do not clear it. While locked, even the right password is refused.
 *
 * <p>Kept in PostgreSQL ({@link LoginThrottleRepository}), so every replica counts the same failures
 * and locks at once; each failure is one atomic upsert in database time. The client address is the
 * resolved remote address (a forwarded header counts only from a trusted proxy, see
 * docs/operations-security.md).
 */
@ApplicationScoped
public class LoginThrottle {

    /** Counters idle this long (and not locked) are purged; a username's partial count lapses with them. */
    static final Duration KEEP_IDLE = Duration.ofDays(1);

    @Inject
    GuanxiConfig config;

    @Inject
    LoginThrottleRepository counters;

    /** How long the caller must wait before trying again, if locked. */
    public Optional<Duration> lockedFor(String username, String address) {
        return QuarkusTransaction.joiningExisting().call(() -> counters.lockedFor(userKey(username), addressKey(address)));
    }

    /** Counted in a transaction of its own: the sign-in that failed rolls its own back. */
    public void failed(String username, String address) {
        var login = config.security().login();
        QuarkusTransaction.requiringNew().run(() -> {
            counters.recordFailure(userKey(username), login.maxFailures(), null, login.lockout(), login.maxLockout());
            counters.recordFailure(addressKey(address), login.addressMaxFailures(), login.addressWindow(),
                    login.lockout(), login.maxLockout());
        });
    }

    /** Clears the username's failures; the address keeps counting within its window. */
    public void succeeded(String username) {
        QuarkusTransaction.requiringNew().run(() -> counters.clear(userKey(username)));
    }

    /** Forgets idle counters (run by the hourly session purge). */
    int purgeIdle() {
        return counters.purge(KEEP_IDLE);
    }

    static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "addr:" + address;
    }
}
