-- Baseline for the tier recompute benchmark (docs/benchmarks.md): the same tiering as ONE hand-written
-- statement (policy version 1: 12 months, A until 70 % of revenue, B until 95 %, medians for ABCD,
-- gold 10 000 / 90 days, platinum 50 000 / 365 days), written into a fresh table.
-- psql -f scripts/bench/tiers-baseline.sql <database>
\timing on
DROP TABLE IF EXISTS tier_baseline;
CREATE TABLE tier_baseline AS
WITH agg AS (
    SELECT contact_id,
           COALESCE(sum(amount - refunded_amount) FILTER (WHERE occurred_at > now() - interval '12 months'), 0) AS revenue,
           count(*) FILTER (WHERE occurred_at > now() - interval '12 months' AND amount > refunded_amount) AS cnt,
           min(occurred_at) AS first_at, max(occurred_at) AS last_at
    FROM purchase GROUP BY contact_id),
b AS (SELECT *, CASE WHEN cnt > 0 THEN round(revenue / cnt, 2) ELSE 0 END AS aov FROM agg),
t AS (SELECT sum(revenue) AS total,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY cnt) FILTER (WHERE revenue > 0) AS mc,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY aov) FILTER (WHERE revenue > 0) AS ma FROM b),
r AS (SELECT b.*, sum(revenue) OVER (ORDER BY revenue DESC) - revenue * count(*) OVER (PARTITION BY revenue) AS before,
             ceil(cume_dist() OVER (ORDER BY last_at) * 5) AS rr, ceil(cume_dist() OVER (ORDER BY cnt) * 5) AS rf,
             ceil(cume_dist() OVER (ORDER BY revenue) * 5) AS rm
      FROM b)
SELECT r.contact_id, r.revenue, r.cnt, r.aov,
       CASE WHEN r.revenue <= 0 THEN 'C' WHEN r.before < t.total * 0.70 THEN 'A' WHEN r.before < t.total * 0.95 THEN 'B' ELSE 'C' END AS abc,
       CASE WHEN r.revenue <= 0 THEN 'D' WHEN r.cnt > t.mc AND r.aov > t.ma THEN 'A' WHEN r.aov > t.ma THEN 'B'
            WHEN r.cnt > t.mc THEN 'C' ELSE 'D' END AS quadrant,
       CASE WHEN r.revenue >= 50000 AND r.first_at <= now() - interval '365 days' THEN 'PLATINUM'
            WHEN r.revenue >= 10000 AND r.first_at <= now() - interval '90 days' THEN 'GOLD' ELSE 'SILVER' END AS level,
       r.rr, r.rf, r.rm, round(r.aov * r.cnt * 3, 2) AS clv
FROM r CROSS JOIN t;
SELECT abc, count(*), round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS customer_pct,
       round(100.0 * sum(revenue) / sum(sum(revenue)) OVER (), 2) AS revenue_pct
FROM tier_baseline GROUP BY abc ORDER BY abc;
