package io.guanxi.crm.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.quarkus.agroal.DataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Appends looks at personal data (a profile opened, a reach revealed) to the chain as a group commit: each caller waits
 * until its entry is committed, but the looks of the moment share one chain lock, one insert and one commit, on the
 * trail's own small pool ({@code audit} datasource) so a caller holding a pooled connection never waits for a
 * connection behind it. Before, every read took the chain's lock for its own commit, and the lock was held across
 * that commit's WAL flush: contact reads were serialised at the disk's flush rate (issue 21).
 */
@ApplicationScoped
class AccessAppender {

    private static final Logger LOG = Logger.getLogger(AccessAppender.class);

    /** Entries per group; more wait for the next one. */
    private static final int MAX_GROUP = 1000;

    @Inject
    @DataSource("audit")
    AgroalDataSource source;

    @Inject
    GuanxiConfig config;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private Thread writer;
    private volatile boolean stopping;

    private record Pending(AuditHash.Fields entry, CompletableFuture<Void> written) {
    }

    /** Returns once the entry is committed; throws if it could not be (the caller must not show what it read). */
    void append(AuditHash.Fields entry) {
        startOnce();
        Pending pending = new Pending(entry, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.written().get(config.audit().accessWaitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("appending to the audit trail failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("appending to the audit trail timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending to the audit trail", e);
        }
    }

    private synchronized void startOnce() {
        if (writer == null) {
            writer = new Thread(this::writeGroups, "audit-access-appender");
            writer.setDaemon(true);
            writer.start();
        }
    }

    private void writeGroups() {
        List<Pending> group = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                write(group.stream().map(Pending::entry).toList());
                group.forEach(pending -> pending.written().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                group.forEach(pending -> pending.written().completeExceptionally(e));
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.debugf(e, "A group of %d access entries could not be appended", group.size());
                group.forEach(pending -> pending.written().completeExceptionally(e));
            }
            group.clear();
        }
    }

    private void write(List<AuditHash.Fields> entries) throws SQLException {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try {
                AuditRepository.appendToChain(connection, entries);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true; // what is queued is still written: its callers are waiting for it
        Thread running;
        synchronized (this) {
            running = writer;
        }
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
