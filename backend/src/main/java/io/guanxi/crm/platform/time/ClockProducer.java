package io.guanxi.crm.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one clock of the service; tests that need to move time replace this bean. It ticks in
 * milliseconds, so an instant returned by the API is exactly what is stored (PostgreSQL keeps
 * microseconds; the JDK clock has nanoseconds).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
