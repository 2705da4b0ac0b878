-- The statements behind GET /api/v1/today for a rep, as ActivityRepository, LeadQueueRepository and
-- QuietCustomerRepository send them (JPQL shown as the SQL Hibernate generates), under EXPLAIN ANALYZE.
\set ON_ERROR_STOP on
SET jit = off;
\echo '-- overdue: full count (what the service sent before the cap)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*) FROM activity WHERE assignee_id = :'rep' AND status = 'OPEN' AND overdue_at <= now();
\echo '-- overdue: count as sent, up to the cap (Slice.countUpToCap)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*) FROM (SELECT 1 FROM activity WHERE assignee_id = :'rep' AND status = 'OPEN' AND overdue_at <= now() LIMIT 1001) AS counted;
\echo '-- overdue: first ten'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT * FROM activity a WHERE a.assignee_id = :'rep' AND a.status = 'OPEN' AND a.overdue_at <= now() ORDER BY a.overdue_at, a.id LIMIT 10;
\echo '-- due today (and the next seven days, the same shape): count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*) FROM activity WHERE assignee_id = :'rep' AND status = 'OPEN'
  AND due_at >= date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
  AND due_at < (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + interval '8 days') AT TIME ZONE 'Asia/Shanghai' AND overdue_at > now();
\echo '-- due today: first ten'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT * FROM activity a WHERE a.assignee_id = :'rep' AND a.status = 'OPEN'
  AND a.due_at >= date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
  AND a.due_at < (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + interval '1 day') AT TIME ZONE 'Asia/Shanghai'
  AND a.overdue_at > now() ORDER BY a.due_at, a.id LIMIT 10;
\echo '-- new leads: first five and count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT l.id, l.contact_id, l.score, coalesce(l.assigned_at, l.created_at) AS since
  FROM lead l WHERE l.owner_id = :'rep' AND l.status = 'NEW' ORDER BY l.score DESC, since, l.id LIMIT 5;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*) FROM lead WHERE owner_id = :'rep' AND status = 'NEW';
\echo '-- quiet customers: first five and count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT c.id, c.name, c.last_contacted_at FROM contact c
  WHERE c.owner_id = :'rep' AND c.archived_at IS NULL AND c.lifecycle_stage IN ('PURCHASE', 'LOYALTY')
    AND coalesce(c.last_contacted_at, c.created_at) < now() - interval '30 days'
  ORDER BY coalesce(c.last_contacted_at, c.created_at), c.id LIMIT 5;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*) FROM contact c
  WHERE c.owner_id = :'rep' AND c.archived_at IS NULL AND c.lifecycle_stage IN ('PURCHASE', 'LOYALTY')
    AND coalesce(c.last_contacted_at, c.created_at) < now() - interval '30 days';
\echo '-- quiet customers: count as sent, up to the cap'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*) FROM (SELECT 1 FROM contact c
  WHERE c.owner_id = :'rep' AND c.archived_at IS NULL AND c.lifecycle_stage IN ('PURCHASE', 'LOYALTY')
    AND coalesce(c.last_contacted_at, c.created_at) < now() - interval '30 days' LIMIT 1001) AS counted;
