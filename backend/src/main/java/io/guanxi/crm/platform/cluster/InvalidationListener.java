package io.guanxi.crm.platform.cluster;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on {@link ClusterNotifier#CHANNEL} over one dedicated connection (a plain pgjdbc connection,
 * not a pooled one, so it holds no pool slot and no pool recycles it) and turns each notification into
 * a {@link CacheInvalidation} event. After every (re)connect it fires {@link CachesReset} first: what
 * was committed while it was not listening is unknown. It reconnects with a doubling backoff and stops
 * with the application.
 */
@ApplicationScoped
public class InvalidationListener {

    private static final Logger LOG = Logger.getLogger(InvalidationListener.class);

    /** How the listener's session shows in pg_stat_activity (operators, and the reconnect test, find it by it). */
    public static final String APPLICATION_NAME = "guanxi-cache-listener";

    @ConfigProperty(name = "guanxi.cluster.invalidation.enabled", defaultValue = "true")
    boolean enabled;

    /** How long one wait for notifications lasts; between waits the connection is checked. */
    @ConfigProperty(name = "guanxi.cluster.invalidation.poll", defaultValue = "1s")
    Duration poll;

    @ConfigProperty(name = "guanxi.cluster.invalidation.max-backoff", defaultValue = "5s")
    Duration maxBackoff;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> url;

    /** LISTEN needs a session of its own on the primary: set this when the datasource goes through a transaction pooler. */
    @ConfigProperty(name = "guanxi.cluster.invalidation.jdbc-url")
    Optional<String> listenUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    Event<CacheInvalidation> invalidations;

    @Inject
    Event<CachesReset> resets;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong connects = new AtomicLong();
    private volatile Connection connection;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!enabled || listenUrl.or(() -> url).isEmpty()) {
            LOG.info("Cache invalidation across replicas is off: caches rely on their time to live");
            return;
        }
        thread = new Thread(this::run, APPLICATION_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped.countDown();
        Connection open = connection;
        if (open != null) {
            closeQuietly(open); // ends a wait in progress at once
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many times the listener has connected (and reset the caches) since start. */
    public long connects() {
        return connects.get();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (stopped.getCount() > 0) {
            try (Connection open = connect()) {
                connection = open;
                try (Statement listen = open.createStatement()) {
                    listen.execute("LISTEN " + ClusterNotifier.CHANNEL);
                }
                // Listening before the reset: whatever commits from now on is either seen by a reload or notified.
                resets.fire(new CachesReset());
                connects.incrementAndGet();
                backoff = Duration.ofMillis(100);
                listen(open);
            } catch (SQLException | RuntimeException e) {
                if (stopped.getCount() == 0) {
                    break;
                }
                LOG.warnf("Cache invalidation listener lost its connection (%s); reconnecting in %d ms",
                        e.getMessage(), backoff.toMillis());
            } finally {
                connection = null;
            }
            if (await(backoff)) {
                break;
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    private void listen(Connection open) throws SQLException {
        PGConnection pg = open.unwrap(PGConnection.class);
        int waitMillis = (int) Math.max(1, poll.toMillis());
        while (stopped.getCount() > 0) {
            PGNotification[] received = pg.getNotifications(waitMillis);
            if (received == null || received.length == 0) {
                // A quiet line may be a dead one (a half-open TCP connection never fails a wait): ask.
                try (Statement ping = open.createStatement()) {
                    ping.execute("SELECT 1");
                }
                continue;
            }
            for (PGNotification notification : received) {
                CacheInvalidation invalidation = ClusterNotifier.parse(notification.getParameter());
                if (!invalidation.ids().isEmpty()) {
                    invalidations.fire(invalidation);
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        // A ping that gets no answer fails instead of hanging: the listener reconnects.
        properties.setProperty("socketTimeout", "30");
        Connection open = new org.postgresql.Driver().connect(listenUrl.or(() -> url).orElseThrow(), properties);
        if (open == null) {
            throw new SQLException("not a PostgreSQL JDBC URL");
        }
        return open;
    }

    /** Waits out the backoff; true when the application stops meanwhile. */
    private boolean await(Duration backoff) {
        try {
            return stopped.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void closeQuietly(Connection open) {
        try {
            open.close();
        } catch (SQLException e) {
            // closing a broken connection: nothing left to do
        }
    }
}
