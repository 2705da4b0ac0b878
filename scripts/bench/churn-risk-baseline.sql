-- Baseline for the churn-risk benchmark (docs/benchmarks.md): the same scores as ONE hand-written
-- statement straight on the tables (no read models, no per-customer filter, default policy inlined),
-- upserted into a table shaped like churn_risk's scores. :'now' is the same instant the service's
-- statement is bound to.
-- psql -v now="'2026-12-01 00:00:00+00'" -f scripts/bench/churn-risk-baseline.sql guanxi_bench_churn
CREATE TABLE IF NOT EXISTS churn_baseline (
    contact_id uuid PRIMARY KEY, score int NOT NULL, level varchar(8) NOT NULL, quiet numeric(5, 4), purchase_drop numeric(5, 4),
    complaint numeric(5, 4), detractor numeric(5, 4), level_down numeric(5, 4), expiring_points numeric(5, 4),
    computed_at timestamptz NOT NULL);
\timing on
WITH pu AS (
    SELECT contact_id, count(*) FILTER (WHERE occurred_at > :now::timestamptz - interval '90 days') AS recent,
           count(*) FILTER (WHERE occurred_at <= :now::timestamptz - interval '90 days'
                              AND occurred_at > :now::timestamptz - interval '455 days') AS earlier,
           min(occurred_at) AS first_at
    FROM purchase WHERE occurred_at <= :now AND amount > refunded_amount GROUP BY contact_id),
ia AS (
    SELECT contact_id, max(occurred_at) AS last_at, count(*) FILTER (WHERE prev > :now::timestamptz - interval '365 days') AS gaps,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM occurred_at - prev) / 86400)
               FILTER (WHERE prev > :now::timestamptz - interval '365 days') AS median_gap
    FROM (SELECT contact_id, occurred_at, lag(occurred_at) OVER (PARTITION BY contact_id ORDER BY occurred_at) AS prev
          FROM interaction WHERE occurred_at <= :now) x
    GROUP BY contact_id),
co AS (
    SELECT contact_id, max(CASE severity WHEN 'LOW' THEN 0.25 WHEN 'MEDIUM' THEN 0.5 WHEN 'HIGH' THEN 0.75 ELSE 1 END
                           * CASE WHEN state IN ('FOLLOWED_UP', 'CLOSED') THEN 0.5 ELSE 1 END) AS complaint
    FROM complaint
    WHERE received_at <= :now AND (state NOT IN ('FOLLOWED_UP', 'CLOSED') OR received_at > :now::timestamptz - interval '90 days')
    GROUP BY contact_id),
lv AS (
    SELECT contact_id, LEAST(1, max(array_position('{SILVER,GOLD,PLATINUM}'::text[], from_value)
                                   - array_position('{SILVER,GOLD,PLATINUM}'::text[], to_value)) * 0.5) AS level_down
    FROM tier_history
    WHERE dimension = 'LEVEL' AND changed_at > :now::timestamptz - interval '90 days' AND changed_at <= :now
      AND array_position('{SILVER,GOLD,PLATINUM}'::text[], from_value) > array_position('{SILVER,GOLD,PLATINUM}'::text[], to_value)
    GROUP BY contact_id),
np AS (
    SELECT DISTINCT ON (contact_id) contact_id, score FROM survey_answer
    WHERE template = 'NPS' AND answered_at > :now::timestamptz - interval '90 days' AND answered_at <= :now
    ORDER BY contact_id, answered_at DESC),
pts AS (
    SELECT contact_id, sum(remaining) FILTER (WHERE expires_at <= :now::timestamptz + interval '30 days') AS expiring,
           sum(remaining) AS balance
    FROM points_lot WHERE remaining > 0 AND expires_at > :now GROUP BY contact_id),
s AS (
    SELECT c.id AS contact_id,
           CASE WHEN d.days IS NULL OR d.days <= d.usual THEN 0 ELSE LEAST(1, round((d.days - d.usual)::numeric / (2 * d.usual), 4)) END AS quiet,
           CASE WHEN COALESCE(pu.earlier, 0) = 0 THEN 0
                ELSE GREATEST(0, round((pu.earlier * 90 - pu.recent * 365)::numeric / (pu.earlier * 90), 4)) END AS purchase_drop,
           COALESCE(co.complaint, 0) AS complaint, CASE WHEN np.score <= 6 THEN 1 ELSE 0 END AS detractor,
           COALESCE(lv.level_down, 0) AS level_down,
           CASE WHEN COALESCE(pts.balance, 0) = 0 THEN 0 ELSE round(COALESCE(pts.expiring, 0)::numeric / pts.balance, 4) END AS expiring_points
    FROM contact c
    LEFT JOIN pu ON pu.contact_id = c.id
    LEFT JOIN ia ON ia.contact_id = c.id
    LEFT JOIN co ON co.contact_id = c.id
    LEFT JOIN lv ON lv.contact_id = c.id
    LEFT JOIN np ON np.contact_id = c.id
    LEFT JOIN pts ON pts.contact_id = c.id
    CROSS JOIN LATERAL (SELECT floor(extract(epoch FROM :now::timestamptz - COALESCE(ia.last_at, pu.first_at)) / 86400)::int AS days,
                               CASE WHEN ia.gaps >= 2 THEN GREATEST(1, round(ia.median_gap::numeric))::int ELSE 30 END AS usual) d
    WHERE c.archived_at IS NULL AND c.lifecycle_stage <> 'CHURNED'
      AND (c.lifecycle_stage IN ('PURCHASE', 'LOYALTY') OR pu.contact_id IS NOT NULL)),
scored AS (
    SELECT s.*, round(quiet * 30 + purchase_drop * 25 + complaint * 20 + detractor * 10 + level_down * 10
                                + expiring_points * 5)::int AS score FROM s)
INSERT INTO churn_baseline (contact_id, score, level, quiet, purchase_drop, complaint, detractor, level_down, expiring_points,
                            computed_at)
SELECT contact_id, score, CASE WHEN score >= 60 THEN 'HIGH' WHEN score >= 30 THEN 'MEDIUM' ELSE 'LOW' END, quiet, purchase_drop,
       complaint, detractor, level_down, expiring_points, :now
FROM scored
ON CONFLICT (contact_id) DO UPDATE SET score = EXCLUDED.score, level = EXCLUDED.level, quiet = EXCLUDED.quiet,
    purchase_drop = EXCLUDED.purchase_drop, complaint = EXCLUDED.complaint, detractor = EXCLUDED.detractor, level_down = EXCLUDED.level_down,
    expiring_points = EXCLUDED.expiring_points, computed_at = EXCLUDED.computed_at;
