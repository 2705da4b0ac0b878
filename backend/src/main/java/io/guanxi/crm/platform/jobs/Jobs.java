package io.guanxi.crm.platform.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Tuple;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Background jobs with progress. A job row is RUNNING from the moment it is accepted; the database
 * allows one RUNNING job per kind (partial unique index), so a second request is refused with 409 and
 * the running job's id. Progress is committed in its own transactions, so it is visible while the
 * work's own transaction is still open.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);
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

    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "guanxi-job");
        thread.setDaemon(true);
        return thread;
    });

    /** A job left RUNNING by a stopped service will never finish: say so, and free its kind. */
    void failInterrupted(@Observes @Priority(10) StartupEvent event) {
        int interrupted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                UPDATE job SET state = 'FAILED', error = 'interrupted: the service stopped while it ran', finished_at = :now
                WHERE state = 'RUNNING'""").setParameter("now", clock.instant()).executeUpdate());
        if (interrupted > 0) {
            LOG.warnf("Marked %d interrupted job(s) as FAILED", interrupted);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }

    /**
     * Accepts a job of this kind and runs the work in the background; the work returns the report.
     * Refused (409, with runningJobId) while another job of the kind runs.
     */
    public JobResponse start(String kind, UUID requestedBy, Function<Progress, Object> work) {
        UUID id = Ids.newId();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO job (id, kind, state, phase, created_at, started_at, requested_by)
                    VALUES (:id, :kind, 'RUNNING', 'queued', :now, :now, CAST(:by AS uuid))""")
                    .setParameter("id", id).setParameter("kind", kind).setParameter("now", clock.instant())
                    .setParameter("by", requestedBy).executeUpdate());
        } catch (PersistenceException e) {
            UUID running = runningJob(kind);
            throw new ProblemException(409, ProblemTypes.JOB_ALREADY_RUNNING, "Job already running",
                    "A " + kind + " job is running; follow it instead of starting another", List.of(),
                    running == null ? Map.of() : Map.of("runningJobId", running));
        }
        workers.submit(() -> run(id, work));
        return get(id);
    }

    /** Runs the work in the calling thread as a job (for schedulers); false when one of the kind already runs. */
    public boolean runNow(String kind, Function<Progress, Object> work) {
        UUID id = Ids.newId();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO job (id, kind, state, phase, created_at, started_at)
                    VALUES (:id, :kind, 'RUNNING', 'scheduled', :now, :now)""")
                    .setParameter("id", id).setParameter("kind", kind).setParameter("now", clock.instant()).executeUpdate());
        } catch (PersistenceException e) {
            return false;
        }
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
                                "UPDATE job SET phase = :phase, processed = :processed, total = COALESCE(CAST(:total AS bigint), total) WHERE id = :id")
                        .setParameter("phase", phase).setParameter("processed", processed).setParameter("total", total)
                        .setParameter("id", id).executeUpdate());
            }
        };
        try {
            Object report = work.apply(progress);
            String reportJson = json.writeValueAsString(report);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            UPDATE job SET state = 'SUCCEEDED', phase = 'done', report = CAST(:report AS jsonb), finished_at = :now
                            WHERE id = :id""")
                    .setParameter("report", reportJson).setParameter("now", clock.instant()).setParameter("id", id).executeUpdate());
        } catch (Exception | Error e) {
            LOG.errorf(e, "Job %s failed", id);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "UPDATE job SET state = 'FAILED', error = :error, finished_at = :now WHERE id = :id")
                    .setParameter("error", message.length() > 2000 ? message.substring(0, 2000) : message)
                    .setParameter("now", clock.instant()).setParameter("id", id).executeUpdate());
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
