package io.guanxi.crm.survey;

import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits the public survey endpoints, the service's first unauthenticated write: at most {@code per-address}
 * requests per client address and {@code per-token} per invitation token within a fixed window; beyond that 429
 * with Retry-After. Kept in memory like the login throttle (one instance guards itself; several replicas are
 * issue 22). The address is counted first, so a flood of made-up tokens from one address is stopped before it
 * fills the token table; windows that are over are dropped when the table grows large.
 */
@ApplicationScoped
public class SurveyRateLimiter {

    private static final int MAX_KEYS = 100_000;

    private record Window(Instant start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    SurveySettings settings;

    @Inject
    Clock clock;

    /** Counts this request against its address and token; 429 when either is over its limit. */
    void admit(String address, String token) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> !w.start().plus(settings.rate().window()).isAfter(now));
        }
        Duration wait = count("addr:" + address, settings.rate().perAddress(), now);
        if (wait == null) {
            wait = count("token:" + token, settings.rate().perToken(), now);
        }
        if (wait != null) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ProblemException(429, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests",
                    "Too many requests for this survey; try again later", List.of(), Map.of("retryAfterSeconds", seconds));
        }
    }

    /** Null when admitted; otherwise how long until the window ends. */
    private Duration count(String key, int limit, Instant now) {
        Window window = windows.compute(key, (k, w) -> w == null || !w.start().plus(settings.rate().window()).isAfter(now)
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        return window.count() > limit ? Duration.between(now, window.start().plus(settings.rate().window())) : null;
    }
}
