package io.guanxi.crm.survey;

import io.guanxi.crm.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;

/**
 * The public survey endpoints' request counters ({@code survey_rate_window}, V61), shared by every replica. Time is
 * the database's ({@code now()}): replicas whose clocks differ still agree on a window.
 */
@ApplicationScoped
class SurveyRateRepository {

    /** A counter after this request was counted: its requests in the window and the milliseconds the window has left. */
    record Count(int requests, long windowLeftMs) {
    }

    private static final String WINDOW_OVER = "w.window_start + interval '1 millisecond' * :windowMs <= now()";

    /** One statement: concurrent requests on any replica each count once; a window that is over starts again. */
    private static final String COUNT = "INSERT INTO survey_rate_window AS w (rate_key, window_start, requests)"
            + " VALUES (:key, now(), 1)"
            + " ON CONFLICT (rate_key) DO UPDATE SET"
            + " window_start = CASE WHEN " + WINDOW_OVER + " THEN now() ELSE w.window_start END,"
            + " requests = CASE WHEN " + WINDOW_OVER + " THEN 1 ELSE w.requests + 1 END"
            + " RETURNING w.requests AS requests,"
            + " cast(ceil(extract(epoch FROM w.window_start + interval '1 millisecond' * :windowMs - now()) * 1000) AS bigint)"
            + " AS window_left_ms";

    @Inject
    EntityManager em;

    Count count(String key, Duration window) {
        Tuple row = Rows.one(em.createNativeQuery(COUNT, Tuple.class)
                .setParameter("key", key)
                .setParameter("windowMs", window.toMillis()));
        return new Count(Rows.intValue(row, "requests"), Rows.longValue(row, "window_left_ms"));
    }

    /** Deletes the windows that are over; returns how many. */
    int purge(Duration window) {
        return em.createNativeQuery("DELETE FROM survey_rate_window WHERE window_start + interval '1 millisecond' * :windowMs <= now()")
                .setParameter("windowMs", window.toMillis()).executeUpdate();
    }
}
