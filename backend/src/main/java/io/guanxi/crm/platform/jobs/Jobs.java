package io.guanxi.crm.platform.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.DatabaseOutage;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Tuple;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Background jobs with progress. A job row is RUNNING from the moment it is accepted; the database
 * allows one RUNNING job per kind (partial unique index), so a second request is refused with 409 and
 * the running job's id. Progress is committed in its own transactions, so it is visible while the
 * work's own transaction is still open.
 * <p>
 * Several replicas share the table (docs/operations-jobs.md): a job names the process that runs it (owner) and that
 * process refreshes its heartbeat_at (database time) every {@code guanxi.jobs.heartbeat-every}. Only a RUNNING job
 * whose heartbeat is older than {@code guanxi.jobs.stale-after} is failed, at startup and on every beat, by whichever
 * process sees it first; a job another live replica runs keeps its row and its kind.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);
    /** The error of a job whose process stopped answering (its heartbeat went stale). */
    public static final String INTERRUPTED = "interrupted: its instance stopped answering";

    private static final TypeReference<Map<String, Object>> REPORT = new TypeReference<>() {
    };

    /** Reports progress of a running job. */
    public interface Progress {
        UUID jobId();

        void update(String phase, long processed, Long total);
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    InstanceId instance;

    @Inject
    Event<JobInterrupted> interrupted;

    @Inject
    GuanxiConfig config;

    @Inject
    CurrentIdentityAssociation identities;

    /** The jobs this process runs or has queued: the ones it keeps alive. */
    private final Set<UUID> mine = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "guanxi-job-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "guanxi-job");
        thread.setDaemon(true);
        return thread;
    });

    /** Fails the jobs a stopped process left behind, then keeps this process's jobs alive. */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        Duration heartbeatEvery = config.jobs().heartbeatEvery();
        Duration staleAfter = config.jobs().staleAfter();
        if (staleAfter.compareTo(heartbeatEvery.multipliedBy(3)) < 0) {
            // A heartbeat may be late by a beat or two (a busy pool, a slow commit) without the job being taken for dead.
            throw new IllegalStateException("guanxi.jobs.stale-after (" + staleAfter + ") must be at least three times "
                    + "guanxi.jobs.heartbeat-every (" + heartbeatEvery + ")");
        }
        LOG.infof("Jobs of this process are owned by %s", instance.value());
        failStale();
        long every = heartbeatEvery.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        heartbeat.shutdownNow();
        workers.shutdownNow();
    }

    /** One beat: refresh this process's running jobs, then fail the stale ones of any process. Never throws. */
    void beat() {
        try {
            refreshHeartbeats();
            failStale();
        } catch (Exception e) {
            // The next beat tries again; a scheduled task that throws would never run again. While the database is
            // down that is every beat: one line each, not a stack trace.
            if (DatabaseOutage.causedBy(e)) {
                LOG.warnf("Job heartbeat skipped: the database cannot be reached (%s)", e.getClass().getSimpleName());
            } else {
                LOG.warnf(e, "Job heartbeat failed");
            }
        }
    }

    /** Refreshes heartbeat_at of this process's RUNNING jobs; says which of them another process declared interrupted. */
    void refreshHeartbeats() {
        List<UUID> ids = List.copyOf(mine);
        if (ids.isEmpty()) {
            return;
        }
        List<?> alive = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                UPDATE job SET heartbeat_at = clock_timestamp()
                WHERE id IN (:ids) AND owner = :owner AND state = 'RUNNING'
                RETURNING id""", UUID.class).setParameter("ids", ids).setParameter("owner", instance.value()).getResultList());
        for (UUID id : ids) {
            if (!alive.contains(id) && mine.contains(id)) {
                LOG.warnf("Job %s still runs here but is no longer RUNNING in the database (its heartbeat went stale and "
                        + "another instance failed it); its result will not be recorded", id);
            }
        }
    }

    /**
     * Fails every RUNNING job whose heartbeat is older than guanxi.jobs.stale-after (or missing: a row from before
     * heartbeats), whoever owns it, and tells the features (JobInterrupted) so they can free what the job held.
     * Returns how many.
     */
    int failStale() {
        Duration staleAfter = config.jobs().staleAfter();
        List<Tuple> stale = QuarkusTransaction.requiringNew().call(() -> Rows.list(em.createNativeQuery("""
                UPDATE job SET state = 'FAILED', error = :error, finished_at = :now
                WHERE state = 'RUNNING'
                  AND (heartbeat_at IS NULL OR heartbeat_at < clock_timestamp() - CAST(:staleMillis AS bigint) * interval '1 millisecond')
                RETURNING id AS id, kind AS kind, owner AS owner""", Tuple.class)
                .setParameter("error", INTERRUPTED).setParameter("now", clock.instant())
                .setParameter("staleMillis", staleAfter.toMillis())));
        for (Tuple job : stale) {
            LOG.warnf("Marked job %s (%s) of %s as FAILED: its heartbeat is older than %s", Rows.uuid(job, "id"),
                    Rows.string(job, "kind"), Rows.string(job, "owner"), staleAfter);
            try {
                interrupted.fire(new JobInterrupted(Rows.uuid(job, "id"), Rows.string(job, "kind")));
            } catch (RuntimeException e) {
                LOG.errorf(e, "An observer of the interrupted job %s failed", Rows.uuid(job, "id"));
            }
        }
        return stale.size();
    }

    /**
     * Accepts a job of this kind and runs the work in the background; the work returns the report.
     * Refused (409, with runningJobId) while another job of the kind runs.
     */
    public JobResponse start(String kind, UUID requestedBy, Function<Progress, Object> work) {
        UUID id = Ids.newId();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO job (id, kind, state, phase, created_at, started_at, requested_by, owner, heartbeat_at)
                    VALUES (:id, :kind, 'RUNNING', 'queued', :now, :now, CAST(:by AS uuid), :owner, clock_timestamp())""")
                    .setParameter("id", id).setParameter("kind", kind).setParameter("now", clock.instant())
                    .setParameter("by", requestedBy).setParameter("owner", instance.value()).executeUpdate());
        } catch (PersistenceException e) {
            UUID running = runningJob(kind);
            throw new ProblemException(409, ProblemTypes.JOB_ALREADY_RUNNING, "Job already running",
                    "A " + kind + " job is running; follow it instead of starting another", List.of(),
                    running == null ? Map.of() : Map.of("runningJobId", running));
        }
        mine.add(id);
        try {
            workers.submit(() -> run(id, work));
        } catch (RejectedExecutionException e) {
            // Shutting down: the job never starts.
            mine.remove(id);
            finish(id, "FAILED", null, INTERRUPTED);
            throw e;
        }
        return get(id);
    }

    /**
     * As {@link #start}, the work running as the user who asked for it: their identity in a request context of its
     * own, so visibility, the audit trail and notifications name them as if they had done it by hand.
     */
    public JobResponse startAsCaller(String kind, UUID requestedBy, Function<Progress, Object> work) {
        SecurityIdentity caller = identities.getIdentity();
        return start(kind, requestedBy, progress -> {
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                identities.setIdentity(caller);
                return work.apply(progress);
            } finally {
                requestContext.terminate();
            }
        });
    }

    /** Runs the work in the calling thread as a job (for schedulers); false when one of the kind already runs. */
    public boolean runNow(String kind, Function<Progress, Object> work) {
        UUID id = Ids.newId();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO job (id, kind, state, phase, created_at, started_at, owner, heartbeat_at)
                    VALUES (:id, :kind, 'RUNNING', 'scheduled', :now, :now, :owner, clock_timestamp())""")
                    .setParameter("id", id).setParameter("kind", kind).setParameter("now", clock.instant())
                    .setParameter("owner", instance.value()).executeUpdate());
        } catch (PersistenceException e) {
            return false;
        }
        mine.add(id);
        run(id, work);
        return true;
    }

    public JobResponse get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Tuple r = Rows.first(em.createNativeQuery("""
                    SELECT id AS id, kind AS kind, state AS state, phase AS phase, processed AS processed, total AS total,
                           created_at AS created_at, started_at AS started_at, finished_at AS finished_at, error AS error,
                           report::text AS report
                    FROM job WHERE id = :id""", Tuple.class).setParameter("id", id))
                    .orElseThrow(() -> ProblemException.notFound("Job " + id));
            return new JobResponse(Rows.uuid(r, "id"), Rows.string(r, "kind"), Rows.enumValue(r, "state", JobState.class),
                    Rows.string(r, "phase"), Rows.longValue(r, "processed"), Rows.nullableLong(r, "total"), Rows.instant(r, "created_at"),
                    Rows.instant(r, "started_at"), Rows.instant(r, "finished_at"), Rows.string(r, "error"),
                    parse(Rows.string(r, "report")));
        });
    }

    /** The latest finished job of a kind, if any. */
    public JobResponse latestSucceeded(String kind) {
        UUID id = QuarkusTransaction.joiningExisting().call(() -> firstId(
                "SELECT id FROM job WHERE kind = :kind AND state = 'SUCCEEDED' ORDER BY finished_at DESC LIMIT 1", kind));
        return id == null ? null : get(id);
    }

    private UUID runningJob(String kind) {
        return QuarkusTransaction.requiringNew().call(() -> firstId("SELECT id FROM job WHERE kind = :kind AND state = 'RUNNING'", kind));
    }

    private UUID firstId(String sql, String kind) {
        List<?> ids = em.createNativeQuery(sql, UUID.class).setParameter("kind", kind).getResultList();
        return ids.isEmpty() ? null : (UUID) ids.get(0);
    }

    private void run(UUID id, Function<Progress, Object> work) {
        Progress progress = new Progress() {
            @Override
            public UUID jobId() {
                return id;
            }

            @Override
            public void update(String phase, long processed, Long total) {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                """
                                UPDATE job SET phase = :phase, processed = :processed, total = COALESCE(CAST(:total AS bigint), total),
                                               heartbeat_at = clock_timestamp()
                                WHERE id = :id""")
                        .setParameter("phase", phase).setParameter("processed", processed).setParameter("total", total)
                        .setParameter("id", id).executeUpdate());
            }
        };
        String state;
        String reportJson = null;
        String error = null;
        try {
            Object report = work.apply(progress);
            reportJson = json.writeValueAsString(report);
            state = "SUCCEEDED";
        } catch (Exception | Error e) {
            LOG.errorf(e, "Job %s failed", id);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            error = message.length() > 2000 ? message.substring(0, 2000) : message;
            state = "FAILED";
        } finally {
            // No longer kept alive: if the outcome cannot be written, the row goes stale and is failed like a lost process's.
            mine.remove(id);
        }
        finish(id, state, reportJson, error);
    }

    /** Records the outcome, unless the job was declared interrupted meanwhile (then its FAILED row stays). */
    private void finish(UUID id, String state, String reportJson, String error) {
        int updated = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        UPDATE job SET state = :state, phase = CASE WHEN :state = 'SUCCEEDED' THEN 'done' ELSE phase END,
                                       report = CAST(:report AS jsonb), error = :error, finished_at = :now
                        WHERE id = :id AND state = 'RUNNING'""")
                .setParameter("state", state).setParameter("report", reportJson).setParameter("error", error)
                .setParameter("now", clock.instant()).setParameter("id", id).executeUpdate());
        if (updated == 0) {
            LOG.warnf("Job %s ended (%s) after it had been declared interrupted; the outcome is not recorded", id, state);
        }
    }

    private Map<String, Object> parse(String value) {
        try {
            // Amounts stay exact decimals, as the work reported them.
            return value == null ? null : json.readerFor(REPORT).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
