package io.guanxi.crm.auth;

import io.guanxi.crm.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The login throttle's counters ({@code login_throttle}, V45), shared by every replica. Time is the
 * database's ({@code now()}), never a JVM clock: replicas whose clocks differ still agree on a lockout.
 */
@ApplicationScoped
public class LoginThrottleRepository {

    /** A counter after a failure was recorded. */
    record Counter(int failures, Instant lockedUntil) {
    }

    /** The lockout for {@code f} failures: none below max, else base doubled per extra failure, capped. */
    private static String lockout(String f) {
        return "CASE WHEN " + f + " >= :max THEN now() + interval '1 millisecond'"
                + " * least(:baseMs * (cast(1 AS bigint) << least(" + f + " - :max, 20)), :maxMs) END";
    }

    /** A windowed counter starts again once its window is over and it is not locked (an address's). */
    private static final String WINDOW_OVER = "(:windowMs > 0"
            + " AND t.window_start + interval '1 millisecond' * :windowMs <= now()"
            + " AND (t.locked_until IS NULL OR t.locked_until <= now()))";

    private static final String COUNTED = "CASE WHEN " + WINDOW_OVER + " THEN 1 ELSE t.failures + 1 END";

    /** One statement: concurrent failures on any replica each count once, and the row is created on first use. */
    private static final String RECORD_FAILURE = "INSERT INTO login_throttle AS t"
            + " (throttle_key, window_start, failures, locked_until, last_failed_at)"
            + " VALUES (:key, now(), 1, " + lockout("1") + ", now())"
            + " ON CONFLICT (throttle_key) DO UPDATE SET"
            + " window_start = CASE WHEN " + WINDOW_OVER + " THEN now() ELSE t.window_start END,"
            + " failures = " + COUNTED + ","
            + " locked_until = " + lockout(COUNTED) + ","
            + " last_failed_at = now()"
            + " RETURNING t.failures AS failures, t.locked_until AS locked_until";

    @Inject
    EntityManager em;

    /**
     * Counts a failure for this key and locks it when it reaches {@code maxFailures}; {@code window}
     * null means the count never lapses by itself (a username's, cleared only by {@link #clear}).
     */
    Counter recordFailure(String key, int maxFailures, Duration window, Duration lockout, Duration maxLockout) {
        Tuple row = Rows.one(em.createNativeQuery(RECORD_FAILURE, Tuple.class)
                .setParameter("key", key)
                .setParameter("max", maxFailures)
                .setParameter("windowMs", window == null ? 0L : window.toMillis())
                .setParameter("baseMs", lockout.toMillis())
                .setParameter("maxMs", maxLockout.toMillis()));
        return new Counter(Rows.intValue(row, "failures"), Rows.instant(row, "locked_until"));
    }

    /** How long the longest lock among these keys still runs, if any is locked now. */
    Optional<Duration> lockedFor(String... keys) {
        Tuple row = Rows.one(em.createNativeQuery("SELECT cast(ceil(extract(epoch FROM max(locked_until) - now()) * 1000)"
                        + " AS bigint) AS wait_ms FROM login_throttle"
                        + " WHERE throttle_key IN (:keys) AND locked_until > now()", Tuple.class)
                .setParameter("keys", java.util.List.of(keys)));
        Long waitMs = Rows.nullableLong(row, "wait_ms");
        return waitMs == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(1, waitMs)));
    }

    void clear(String key) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = :key").setParameter("key", key).executeUpdate();
    }

    /** Deletes counters neither locked now nor failed within {@code keep}; returns how many. */
    int purge(Duration keep) {
        return em.createNativeQuery("DELETE FROM login_throttle WHERE (locked_until IS NULL OR locked_until <= now())"
                        + " AND last_failed_at < now() - interval '1 millisecond' * :keepMs")
                .setParameter("keepMs", keep.toMillis()).executeUpdate();
    }
}
