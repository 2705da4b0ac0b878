package io.guanxi.crm.complaint;

import io.guanxi.crm.complaint.api.ComplaintStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Complaint statistics for a period (SPEC §7 → dashboards and churn analysis). */
@ApplicationScoped
public class ComplaintStatsService {

    @Inject
    EntityManager em;

    @Transactional
    public ComplaintStats stats(Instant from, Instant to) {
        String period = " FROM complaint WHERE received_at >= :from AND received_at < :to";
        Object[] totals = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE state IN %s),
                       100.0 * count(*) FILTER (WHERE acknowledged_at <= acknowledge_due_at) / NULLIF(count(acknowledged_at), 0),
                       100.0 * count(*) FILTER (WHERE resolved_at <= resolve_due_at) / NULLIF(count(resolved_at), 0),
                       100.0 * count(*) FILTER (WHERE followed_up_at <= follow_up_due_at) / NULLIF(count(followed_up_at), 0),
                       avg(extract(epoch FROM acknowledged_at - received_at) / 3600),
                       avg(extract(epoch FROM resolved_at - received_at) / 3600),
                       avg(satisfaction)""".formatted(ComplaintState.OPEN_SQL) + period)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
        return new ComplaintStats(((Number) totals[0]).longValue(), ((Number) totals[1]).longValue(),
                countBy("category", period, from, to), countBy("channel", period, from, to), countBy("severity", period, from, to),
                countBy("to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM')", period, from, to),
                decimal(totals[2]), decimal(totals[3]), decimal(totals[4]), decimal(totals[5]), decimal(totals[6]), decimal(totals[7]));
    }

    private Map<String, Long> countBy(String expression, String period, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + expression + ", count(*)" + period + " GROUP BY 1 ORDER BY 1", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        Map<String, Long> result = new LinkedHashMap<>();
        rows.forEach(r -> result.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        return result;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
