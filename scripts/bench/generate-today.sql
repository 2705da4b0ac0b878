-- Benchmark data for the today page (docs/benchmarks.md): one rep (:rep, a user id) owning :customers
-- customers (a third of them bought, contacted at random in the last 90 days), :leads leads on the
-- first of them (a tenth NEW), and :activities activities spread over the last year and the next month
-- (those due before today 90 % done, 2 % cancelled; the rest open, so a real overdue backlog).
-- psql -v rep=<uuid> -v customers=300000 -v leads=50000 -v activities=1000000 -f scripts/bench/generate-today.sql <db>
\set ON_ERROR_STOP on
CREATE TEMP TABLE bench_contact AS
SELECT gen_random_uuid() AS id, n FROM generate_series(1, :customers) AS n;
INSERT INTO contact (id, name, owner_id, lifecycle_stage, last_contacted_at, created_at, updated_at)
SELECT id, '客户' || n, :'rep', CASE WHEN n % 3 = 0 THEN 'PURCHASE' ELSE 'INTEREST' END,
       now() - random() * interval '90 days', now() - interval '400 days', now()
FROM bench_contact;

INSERT INTO lead (id, contact_id, source_channel, status, owner_id, match_score, activity_count, activity_score, score,
                  policy_version, scored_at, assigned_at, created_at, updated_at, version)
SELECT gen_random_uuid(), c.id, 'WEBSITE', CASE WHEN c.n % 10 = 0 THEN 'NEW' ELSE 'CONTACTED' END, :'rep',
       (random() * 100)::int, 0, 0, round((random() * 100)::numeric, 2), 1, now(), now() - random() * interval '60 days',
       now() - interval '60 days', now(), 0
FROM bench_contact c WHERE c.n <= :leads;

INSERT INTO activity (id, contact_id, kind, assignee_id, due_at, all_day, overdue_at, priority, status, completed_at,
                      completed_by, created_by, created_at, updated_at, version, overdue_announced_at)
SELECT gen_random_uuid(), c.id, (ARRAY['CALL', 'VISIT', 'WECHAT', 'MEETING'])[1 + a.k % 4], :'rep', a.due, false, a.due,
       'NORMAL', a.status, CASE WHEN a.status <> 'OPEN' THEN a.due END, CASE WHEN a.status <> 'OPEN' THEN CAST(:'rep' AS uuid) END,
       :'rep', a.due - interval '3 days', now(), 0, CASE WHEN a.due < now() THEN now() END
FROM (SELECT k, due, CASE WHEN due >= now() THEN 'OPEN'
                          WHEN r < 0.90 THEN 'DONE' WHEN r < 0.92 THEN 'CANCELLED' ELSE 'OPEN' END AS status,
             1 + (k % :customers) AS n
      FROM (SELECT k, now() - interval '365 days' + random() * interval '395 days' AS due, random() AS r
            FROM generate_series(1, :activities) AS k) AS d) AS a
JOIN bench_contact c ON c.n = a.n;

VACUUM ANALYZE contact;
VACUUM ANALYZE lead;
VACUUM ANALYZE activity;
SELECT 'contacts ' || (SELECT count(*) FROM contact WHERE owner_id = :'rep')
    || ', leads ' || (SELECT count(*) FROM lead WHERE owner_id = :'rep')
    || ', activities ' || (SELECT count(*) FROM activity WHERE assignee_id = :'rep')
    || ' (open ' || (SELECT count(*) FROM activity WHERE assignee_id = :'rep' AND status = 'OPEN')
    || ', overdue ' || (SELECT count(*) FROM activity WHERE assignee_id = :'rep' AND status = 'OPEN' AND overdue_at <= now()) || ')';
