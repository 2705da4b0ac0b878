-- Stage moves for the analytics benchmark (docs/analytics-benchmark-stages.md): the generators leave contact_stage_history
-- empty. Before V49 its backfill counts them, after it its triggers do, as the service's writes would.
-- psql -h 127.0.0.1 -U postgres -d <copy> -f scripts/bench/generate-stage-moves.sql
\timing on
-- Stage moves the generator does not make: 300 000 customers move once in the last two years (after their creation) (40 % churn, the rest
-- PURCHASE <-> LOYALTY), a third of them once more later; history rows and the contact UPDATE, as the service writes them.
CREATE TEMP TABLE planned AS
SELECT c.id, c.owner_id, c.lifecycle_stage AS s0,
       greatest(c.created_at, now() - interval '730 days') + random() * (now() - greatest(c.created_at, now() - interval '730 days')) AS t1,
       random() AS r1, random() AS r2, random() AS r3
FROM contact c TABLESAMPLE BERNOULLI (35) WHERE c.archived_at IS NULL LIMIT 300000;
ALTER TABLE planned ADD s1 text, ADD s2 text, ADD t2 timestamptz;
UPDATE planned SET s1 = CASE WHEN r1 < 0.4 THEN 'CHURNED' WHEN s0 = 'PURCHASE' THEN 'LOYALTY' ELSE 'PURCHASE' END;
UPDATE planned SET s2 = CASE WHEN s1 = 'CHURNED' THEN 'PURCHASE' WHEN r2 < 0.5 THEN 'CHURNED' WHEN s1 = 'PURCHASE' THEN 'LOYALTY' ELSE 'PURCHASE' END,
                   t2 = t1 + random() * (now() - t1)
WHERE r3 < 0.34;
BEGIN;
INSERT INTO contact_stage_history (contact_id, from_stage, to_stage, cause, changed_by, changed_at)
SELECT id, s0, s1, 'EDITED', owner_id, t1 FROM planned
UNION ALL
SELECT id, s1, s2, 'EDITED', owner_id, t2 FROM planned WHERE s2 IS NOT NULL;
UPDATE contact c SET lifecycle_stage = coalesce(p.s2, p.s1), updated_at = now() FROM planned p WHERE p.id = c.id;
COMMIT;
SELECT count(*) AS moves, count(*) FILTER (WHERE changed_at >= '2026-01-01 00:00+08') AS since_2026,
       count(*) FILTER (WHERE changed_at >= '2025-01-01 00:00+08') AS since_2025 FROM contact_stage_history;
