package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.ComplaintStats;
import io.guanxi.crm.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The set-based statistics over {@code complaint} for a period (SPEC §7 → dashboards and churn analysis). */
@ApplicationScoped
public class ComplaintStatsRepository {

    @Inject
    EntityManager em;

    /**
     * The in-time percentages are of the complaints whose deadline is decided by {@code now}: done (in time or late)
     * or past due and still not done, which is a miss; one not done and not yet due is left out until it is.
     */
    ComplaintStats stats(Instant from, Instant to, Instant now) {
        String period = " FROM complaint WHERE received_at >= :from AND received_at < :to";
        Tuple totals = Rows.one(em.createNativeQuery("""
                SELECT count(*) AS total, count(*) FILTER (WHERE state IN %s) AS open,
                       100.0 * count(*) FILTER (WHERE acknowledged_at <= acknowledge_due_at)
                           / NULLIF(count(*) FILTER (WHERE acknowledged_at IS NOT NULL OR acknowledge_due_at <= :now), 0) AS acknowledged_in_time,
                       100.0 * count(*) FILTER (WHERE resolved_at <= resolve_due_at)
                           / NULLIF(count(*) FILTER (WHERE resolved_at IS NOT NULL OR resolve_due_at <= :now), 0) AS resolved_in_time,
                       100.0 * count(*) FILTER (WHERE followed_up_at <= follow_up_due_at)
                           / NULLIF(count(*) FILTER (WHERE followed_up_at IS NOT NULL OR follow_up_due_at <= :now), 0) AS followed_up_in_time,
                       avg(extract(epoch FROM acknowledged_at - received_at) / 3600) AS hours_to_acknowledge,
                       avg(extract(epoch FROM resolved_at - received_at) / 3600) AS hours_to_resolve,
                       avg(satisfaction) AS satisfaction""".formatted(ComplaintState.OPEN_SQL) + period, Tuple.class)
                .setParameter("from", from).setParameter("to", to).setParameter("now", now));
        return new ComplaintStats(Rows.longValue(totals, "total"), Rows.longValue(totals, "open"),
                countBy("category", period, from, to), countBy("channel", period, from, to), countBy("severity", period, from, to),
                countBy("to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM')", period, from, to),
                twoPlaces(totals, "acknowledged_in_time"), twoPlaces(totals, "resolved_in_time"), twoPlaces(totals, "followed_up_in_time"),
                twoPlaces(totals, "hours_to_acknowledge"), twoPlaces(totals, "hours_to_resolve"), twoPlaces(totals, "satisfaction"));
    }

    private Map<String, Long> countBy(String expression, String period, Instant from, Instant to) {
        List<Tuple> rows = Rows.list(em.createNativeQuery("SELECT " + expression + " AS key, count(*) AS n" + period + " GROUP BY 1 ORDER BY 1",
                Tuple.class).setParameter("from", from).setParameter("to", to));
        Map<String, Long> result = new LinkedHashMap<>();
        rows.forEach(r -> result.put(String.valueOf(r.get("key")), Rows.longValue(r, "n")));
        return result;
    }

    private static BigDecimal twoPlaces(Tuple row, String alias) {
        Object value = row.get(alias);
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
