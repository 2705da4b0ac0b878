package io.guanxi.crm.auth;

import io.guanxi.crm.platform.config.GuanxiConfig;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes sessions that ended more than a day ago, with their refresh token hashes (a rotated
 * token must be remembered only while its session could still be refreshed), and login throttle
 * counters idle for a day.
 */
@ApplicationScoped
public class SessionPurgeJob {

    static final Duration KEEP_ENDED = Duration.ofDays(1);

    @Inject
    SessionRepository sessions;

    @Inject
    GuanxiConfig config;

    @Inject
    Clock clock;

    @Inject
    LoginThrottle throttle;

    @Scheduled(identity = "session-purge", every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Nonconcurrent
    @Transactional
    void purge() {
        Instant cutoff = clock.instant().minus(KEEP_ENDED);
        sessions.deleteEnded(cutoff, cutoff.minus(config.sessions().idleTimeout()));
        throttle.purgeIdle();
    }
}
