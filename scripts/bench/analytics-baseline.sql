-- Hand-written baselines for the analytics benchmark (docs/benchmarks.md, issue 18): per section ONE
-- statement over the raw tables computing the section's main card figures for the period only (the
-- endpoint also computes the previous period and the tables, so the ratio endpoint ÷ baseline is an
-- upper bound of the overhead, not a like-for-like cost). Run by scripts/bench/analytics.sh with:
--   -v from="'2026-01-01 00:00+08'" -v to="'2027-01-01 00:00+08'" -v now="'…'"
--   -v lscope=TRUE|"x.owner_id = '<rep>'"              (leads, contacts: the row's own owner)
--   -v cscope=TRUE|"x.contact_id IN (SELECT id FROM contact WHERE owner_id = '<rep>')"   (customer's rows)
-- Each statement is preceded by a `-- SECTION` line the script greps for; \timing prints its time.

-- FUNNEL: the year's leads, and those of them contacted (stamp or an interaction since), qualified, converted, lost.
SELECT count(*) AS leads,
       count(*) FILTER (WHERE x.contacted_at IS NOT NULL OR x.qualified_at IS NOT NULL OR x.converted_at IS NOT NULL
                        OR EXISTS (SELECT 1 FROM interaction i WHERE i.contact_id = x.contact_id AND i.occurred_at >= x.created_at)) AS contacted,
       count(*) FILTER (WHERE x.qualified_at IS NOT NULL OR x.converted_at IS NOT NULL) AS qualified,
       count(*) FILTER (WHERE x.converted_at IS NOT NULL) AS converted,
       count(*) FILTER (WHERE x.status = 'LOST') AS lost
FROM lead x WHERE x.created_at >= :from AND x.created_at < :to AND :lscope;

-- LIFECYCLE: customers per current stage, and those created in the year.
SELECT x.lifecycle_stage, count(*) AS customers, count(*) FILTER (WHERE x.created_at >= :from AND x.created_at < :to) AS new_in_period
FROM contact x WHERE x.archived_at IS NULL AND :lscope GROUP BY 1 ORDER BY 1;

-- VALUE: kept revenue, number of sales and buyers of the year (purchases not refunded in full).
SELECT sum(x.amount - x.refunded_amount) AS revenue, count(*) AS sales, count(DISTINCT x.contact_id) AS buyers
FROM purchase x WHERE x.occurred_at >= :from AND x.occurred_at < :to AND x.refunded_amount < x.amount AND :cscope;

-- REPS: per owner, median and p90 hours from creation to first contact of the year's contacted leads.
SELECT x.owner_id, count(*) AS contacted,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fc.at - x.created_at) / 3600) AS median_hours,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM fc.at - x.created_at) / 3600) AS p90_hours
FROM lead x
CROSS JOIN LATERAL (SELECT LEAST(x.contacted_at, (SELECT min(i.occurred_at) FROM interaction i
                                                  WHERE i.contact_id = x.contact_id AND i.occurred_at >= x.created_at)) AS at) fc
WHERE x.created_at >= :from AND x.created_at < :to AND fc.at IS NOT NULL AND :lscope
GROUP BY ROLLUP (x.owner_id);

-- SERVICE: received in the year; first-response and resolution compliance of the deadlines due in the year (decided ones).
SELECT (SELECT count(*) FROM complaint x WHERE x.received_at >= :from AND x.received_at < :to AND :cscope) AS received,
       (SELECT round(100.0 * count(*) FILTER (WHERE x.acknowledged_at <= x.acknowledge_due_at) / nullif(count(*), 0), 1)
        FROM complaint x WHERE x.acknowledge_due_at >= :from AND x.acknowledge_due_at < least(CAST(:to AS timestamptz), CAST(:now AS timestamptz))
                           AND (x.acknowledged_at IS NOT NULL OR x.acknowledge_due_at < :now) AND :cscope) AS first_response_pct,
       (SELECT round(100.0 * count(*) FILTER (WHERE x.resolved_at <= x.resolve_due_at) / nullif(count(*), 0), 1)
        FROM complaint x WHERE x.resolve_due_at >= :from AND x.resolve_due_at < least(CAST(:to AS timestamptz), CAST(:now AS timestamptz))
                           AND (x.resolved_at IS NOT NULL OR x.resolve_due_at < :now) AND :cscope) AS resolution_pct;

-- RETENTION: churns of the year, and the base: customers not archived, created before the year's start and then in
-- PURCHASE or LOYALTY (the stage the first later move left, else the current one).
SELECT (SELECT count(*) FROM churn_record x WHERE x.churned_at >= :from AND x.churned_at < :to AND :cscope) AS churned,
       (SELECT count(*) FROM contact x
        WHERE x.archived_at IS NULL AND x.created_at < :from AND :lscope
          AND coalesce((SELECT h.from_stage FROM contact_stage_history h WHERE h.contact_id = x.id AND h.changed_at >= :from
                        ORDER BY h.changed_at, h.id LIMIT 1), x.lifecycle_stage) IN ('PURCHASE', 'LOYALTY')) AS base;

-- LOYALTY: points issued, redeemed (net of cancellations), expired in the year; liability and holders now.
SELECT sum(x.points) FILTER (WHERE x.kind IN ('EARN', 'REFERRAL_BONUS') OR (x.kind = 'ADJUST' AND x.points > 0)) AS issued,
       -sum(x.points) FILTER (WHERE x.kind IN ('REDEEM', 'REDEMPTION_CANCELLED')) AS redeemed,
       -sum(x.points) FILTER (WHERE x.kind = 'EXPIRE') AS expired,
       (SELECT sum(x.balance) FROM loyalty_account x WHERE x.balance > 0 AND :cscope) AS liability,
       (SELECT count(*) FROM loyalty_account x WHERE x.balance > 0 AND :cscope) AS holders
FROM points_entry x WHERE x.created_at >= :from AND x.created_at < :to AND :cscope;
