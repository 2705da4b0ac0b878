-- The SLA scan exactly as ComplaintSla runs it (generated from its SQL), timed and explained on the benchmark
-- data inside a transaction that is rolled back: first the catch-up run, then the steady state, then a
-- baseline with index scans disabled (a full scan of the table) in the same run.
-- psql -f scripts/bench/complaint-sla-scan.sql <database>
\timing on
BEGIN;
-- catch-up: everything due since the data was made
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH             manager AS (
                SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'MANAGER'
                WHERE u.active
                ORDER BY (SELECT count(*) FROM reminder m WHERE m.owner_id = u.id AND m.reason = 'COMPLAINT_ESCALATED'
                          AND m.done_at IS NULL), u.id
                LIMIT 1),
            breached AS (
                UPDATE complaint c SET acknowledge_breached_at = now(),
                       escalated_at = COALESCE(c.escalated_at, now()),
                       escalated_to = COALESCE(c.escalated_to, (SELECT id FROM manager))
                WHERE c.state = 'RECEIVED' AND c.acknowledge_breached_at IS NULL AND c.acknowledge_due_at <= now()
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, 'BREACH_ACKNOWLEDGE', state, state, 'SLA missed: first response; escalated to a manager', now() FROM breached),
            reminders AS (
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), escalated_to, contact_id, id, 'COMPLAINT_ESCALATED', 'SLA missed: first response', now(), now()
                FROM breached WHERE escalated_to IS NOT NULL
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING)
            SELECT count(*) FROM breached;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH             manager AS (
                SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'MANAGER'
                WHERE u.active
                ORDER BY (SELECT count(*) FROM reminder m WHERE m.owner_id = u.id AND m.reason = 'COMPLAINT_ESCALATED'
                          AND m.done_at IS NULL), u.id
                LIMIT 1),
            breached AS (
                UPDATE complaint c SET resolve_breached_at = now(),
                       escalated_at = COALESCE(c.escalated_at, now()),
                       escalated_to = COALESCE(c.escalated_to, (SELECT id FROM manager))
                WHERE c.state IN ('RECEIVED', 'ACKNOWLEDGED', 'CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED') AND c.resolve_breached_at IS NULL AND c.resolve_due_at <= now()
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, 'BREACH_RESOLVE', state, state, 'SLA missed: resolution; escalated to a manager', now() FROM breached),
            reminders AS (
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), escalated_to, contact_id, id, 'COMPLAINT_ESCALATED', 'SLA missed: resolution', now(), now()
                FROM breached WHERE escalated_to IS NOT NULL
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING)
            SELECT count(*) FROM breached;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH             manager AS (
                SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'MANAGER'
                WHERE u.active
                ORDER BY (SELECT count(*) FROM reminder m WHERE m.owner_id = u.id AND m.reason = 'COMPLAINT_ESCALATED'
                          AND m.done_at IS NULL), u.id
                LIMIT 1),
            breached AS (
                UPDATE complaint c SET follow_up_breached_at = now(),
                       escalated_at = COALESCE(c.escalated_at, now()),
                       escalated_to = COALESCE(c.escalated_to, (SELECT id FROM manager))
                WHERE c.state = 'RESOLVED' AND c.follow_up_breached_at IS NULL AND c.follow_up_due_at <= now()
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, 'BREACH_FOLLOW_UP', state, state, 'SLA missed: 24-hour follow-up; escalated to a manager', now() FROM breached),
            reminders AS (
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), escalated_to, contact_id, id, 'COMPLAINT_ESCALATED', 'SLA missed: 24-hour follow-up', now(), now()
                FROM breached WHERE escalated_to IS NOT NULL
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING)
            SELECT count(*) FROM breached;
-- steady state: the next minute, nothing new is due
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH             manager AS (
                SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'MANAGER'
                WHERE u.active
                ORDER BY (SELECT count(*) FROM reminder m WHERE m.owner_id = u.id AND m.reason = 'COMPLAINT_ESCALATED'
                          AND m.done_at IS NULL), u.id
                LIMIT 1),
            breached AS (
                UPDATE complaint c SET acknowledge_breached_at = now(),
                       escalated_at = COALESCE(c.escalated_at, now()),
                       escalated_to = COALESCE(c.escalated_to, (SELECT id FROM manager))
                WHERE c.state = 'RECEIVED' AND c.acknowledge_breached_at IS NULL AND c.acknowledge_due_at <= now()
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, 'BREACH_ACKNOWLEDGE', state, state, 'SLA missed: first response; escalated to a manager', now() FROM breached),
            reminders AS (
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), escalated_to, contact_id, id, 'COMPLAINT_ESCALATED', 'SLA missed: first response', now(), now()
                FROM breached WHERE escalated_to IS NOT NULL
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING)
            SELECT count(*) FROM breached;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH             manager AS (
                SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'MANAGER'
                WHERE u.active
                ORDER BY (SELECT count(*) FROM reminder m WHERE m.owner_id = u.id AND m.reason = 'COMPLAINT_ESCALATED'
                          AND m.done_at IS NULL), u.id
                LIMIT 1),
            breached AS (
                UPDATE complaint c SET resolve_breached_at = now(),
                       escalated_at = COALESCE(c.escalated_at, now()),
                       escalated_to = COALESCE(c.escalated_to, (SELECT id FROM manager))
                WHERE c.state IN ('RECEIVED', 'ACKNOWLEDGED', 'CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED') AND c.resolve_breached_at IS NULL AND c.resolve_due_at <= now()
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, 'BREACH_RESOLVE', state, state, 'SLA missed: resolution; escalated to a manager', now() FROM breached),
            reminders AS (
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), escalated_to, contact_id, id, 'COMPLAINT_ESCALATED', 'SLA missed: resolution', now(), now()
                FROM breached WHERE escalated_to IS NOT NULL
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING)
            SELECT count(*) FROM breached;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH             manager AS (
                SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'MANAGER'
                WHERE u.active
                ORDER BY (SELECT count(*) FROM reminder m WHERE m.owner_id = u.id AND m.reason = 'COMPLAINT_ESCALATED'
                          AND m.done_at IS NULL), u.id
                LIMIT 1),
            breached AS (
                UPDATE complaint c SET follow_up_breached_at = now(),
                       escalated_at = COALESCE(c.escalated_at, now()),
                       escalated_to = COALESCE(c.escalated_to, (SELECT id FROM manager))
                WHERE c.state = 'RESOLVED' AND c.follow_up_breached_at IS NULL AND c.follow_up_due_at <= now()
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, 'BREACH_FOLLOW_UP', state, state, 'SLA missed: 24-hour follow-up; escalated to a manager', now() FROM breached),
            reminders AS (
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), escalated_to, contact_id, id, 'COMPLAINT_ESCALATED', 'SLA missed: 24-hour follow-up', now(), now()
                FROM breached WHERE escalated_to IS NOT NULL
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING)
            SELECT count(*) FROM breached;
ROLLBACK;
BEGIN;
SET LOCAL enable_indexscan = off;
SET LOCAL enable_bitmapscan = off;
-- baseline: the catch-up without the partial indexes
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH             manager AS (
                SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'MANAGER'
                WHERE u.active
                ORDER BY (SELECT count(*) FROM reminder m WHERE m.owner_id = u.id AND m.reason = 'COMPLAINT_ESCALATED'
                          AND m.done_at IS NULL), u.id
                LIMIT 1),
            breached AS (
                UPDATE complaint c SET acknowledge_breached_at = now(),
                       escalated_at = COALESCE(c.escalated_at, now()),
                       escalated_to = COALESCE(c.escalated_to, (SELECT id FROM manager))
                WHERE c.state = 'RECEIVED' AND c.acknowledge_breached_at IS NULL AND c.acknowledge_due_at <= now()
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, 'BREACH_ACKNOWLEDGE', state, state, 'SLA missed: first response; escalated to a manager', now() FROM breached),
            reminders AS (
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), escalated_to, contact_id, id, 'COMPLAINT_ESCALATED', 'SLA missed: first response', now(), now()
                FROM breached WHERE escalated_to IS NOT NULL
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING)
            SELECT count(*) FROM breached;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH             manager AS (
                SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'MANAGER'
                WHERE u.active
                ORDER BY (SELECT count(*) FROM reminder m WHERE m.owner_id = u.id AND m.reason = 'COMPLAINT_ESCALATED'
                          AND m.done_at IS NULL), u.id
                LIMIT 1),
            breached AS (
                UPDATE complaint c SET resolve_breached_at = now(),
                       escalated_at = COALESCE(c.escalated_at, now()),
                       escalated_to = COALESCE(c.escalated_to, (SELECT id FROM manager))
                WHERE c.state IN ('RECEIVED', 'ACKNOWLEDGED', 'CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED') AND c.resolve_breached_at IS NULL AND c.resolve_due_at <= now()
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, 'BREACH_RESOLVE', state, state, 'SLA missed: resolution; escalated to a manager', now() FROM breached),
            reminders AS (
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), escalated_to, contact_id, id, 'COMPLAINT_ESCALATED', 'SLA missed: resolution', now(), now()
                FROM breached WHERE escalated_to IS NOT NULL
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING)
            SELECT count(*) FROM breached;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH             manager AS (
                SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'MANAGER'
                WHERE u.active
                ORDER BY (SELECT count(*) FROM reminder m WHERE m.owner_id = u.id AND m.reason = 'COMPLAINT_ESCALATED'
                          AND m.done_at IS NULL), u.id
                LIMIT 1),
            breached AS (
                UPDATE complaint c SET follow_up_breached_at = now(),
                       escalated_at = COALESCE(c.escalated_at, now()),
                       escalated_to = COALESCE(c.escalated_to, (SELECT id FROM manager))
                WHERE c.state = 'RESOLVED' AND c.follow_up_breached_at IS NULL AND c.follow_up_due_at <= now()
                RETURNING c.id, c.contact_id, c.state, c.escalated_to),
            events AS (
                INSERT INTO complaint_event (complaint_id, action, from_state, to_state, text, at)
                SELECT id, 'BREACH_FOLLOW_UP', state, state, 'SLA missed: 24-hour follow-up; escalated to a manager', now() FROM breached),
            reminders AS (
                INSERT INTO reminder (id, owner_id, contact_id, complaint_id, reason, note, due_at, created_at)
                SELECT gen_random_uuid(), escalated_to, contact_id, id, 'COMPLAINT_ESCALATED', 'SLA missed: 24-hour follow-up', now(), now()
                FROM breached WHERE escalated_to IS NOT NULL
                ON CONFLICT (complaint_id, reason) WHERE done_at IS NULL DO NOTHING)
            SELECT count(*) FROM breached;
ROLLBACK;
