-- Benchmark data for the churn-risk recompute (docs/benchmarks.md, docs/churn-risk.md) in a database
-- of its own holding only the schema (Flyway's migrations): 3 reps, 1 000 000 customers (10 % LOYALTY,
-- the rest PURCHASE), 10 purchases each over the last two years (10 000 000, 3 % refunded in full),
-- 5 interactions each over the last 400 days (5 000 000), 100 000 complaints (a third open), 50 000
-- level changes in the last 120 days, 200 000 points accounts with two lots each (one expiring within
-- 60 days). The contact search indexes are dropped first: they cost minutes to fill and the recompute
-- does not read them.
-- psql -h 127.0.0.1 -U postgres -f scripts/bench/generate-churn.sql guanxi_bench_churn
\set ON_ERROR_STOP on
DROP INDEX IF EXISTS contact_search_grams_idx, contact_name_pinyin_idx, contact_name_initials_idx, contact_mobile_trgm_idx,
    contact_email_trgm_idx;
INSERT INTO app_user (id, username, display_name, password_hash, created_at, updated_at)
SELECT gen_random_uuid(), 'bench.rep' || k, '基准' || k, 'x', now(), now() FROM generate_series(1, 3) k;
CREATE TEMP TABLE reps AS SELECT array_agg(id ORDER BY username) AS ids FROM app_user WHERE username LIKE 'bench.rep%';

INSERT INTO contact (id, name, owner_id, lifecycle_stage, created_at, updated_at)
SELECT gen_random_uuid(), '客户' || n, r.ids[1 + n % 3], CASE WHEN n % 10 = 0 THEN 'LOYALTY' ELSE 'PURCHASE' END,
       now() - interval '3 years', now()
FROM generate_series(1, 1000000) n CROSS JOIN reps r;

INSERT INTO purchase (id, contact_id, amount, refunded_amount, channel, items, occurred_at, recorded_by, created_at)
SELECT gen_random_uuid(), c.id, 100 + k, CASE WHEN random() < 0.03 THEN 100 + k ELSE 0 END, 'STORE', '[]',
       now() - random() * interval '730 days', c.owner_id, now()
FROM contact c CROSS JOIN generate_series(1, 10) k;

INSERT INTO interaction (id, contact_id, channel, direction, occurred_at, summary, author_id, created_at)
SELECT gen_random_uuid(), c.id, 'PHONE', 'OUTBOUND', now() - random() * interval '400 days', 'bench', c.owner_id, now()
FROM contact c CROSS JOIN generate_series(1, 5) k;

INSERT INTO complaint (id, contact_id, channel, category, severity, description, state, received_at, acknowledge_due_at,
                       resolve_due_at, created_by, created_at, updated_at)
SELECT gen_random_uuid(), c.id, 'HOTLINE', 'LOGISTICS', (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + n % 4], 'bench',
       CASE WHEN n % 3 = 0 THEN 'ACKNOWLEDGED' ELSE 'CLOSED' END, r.at, r.at + interval '4 hours', r.at + interval '2 days',
       c.owner_id, r.at, r.at
FROM (SELECT id, owner_id, row_number() OVER () AS n FROM contact TABLESAMPLE SYSTEM (10) LIMIT 100000) c
CROSS JOIN LATERAL (SELECT now() - random() * interval '365 days' + c.n * interval '0 seconds' AS at) r;

INSERT INTO tier_history (contact_id, dimension, from_value, to_value, cause, changed_at)
SELECT id, 'LEVEL', (ARRAY['GOLD', 'PLATINUM', 'PLATINUM', 'SILVER'])[1 + n % 4], (ARRAY['SILVER', 'GOLD', 'SILVER', 'GOLD'])[1 + n % 4],
       'REVIEW', now() - random() * interval '120 days'
FROM (SELECT id, row_number() OVER () AS n FROM contact TABLESAMPLE SYSTEM (5) LIMIT 50000) c;

CREATE TEMP TABLE holders AS SELECT id AS contact_id FROM contact TABLESAMPLE SYSTEM (20) LIMIT 200000;
INSERT INTO loyalty_account (contact_id, balance, created_at, updated_at)
SELECT contact_id, 2000, now() - interval '1 year', now() FROM holders;
WITH e AS (
    INSERT INTO points_entry (contact_id, kind, points, balance_after, cause, created_at)
    SELECT h.contact_id, 'EARN', 1000, 1000 * n, 'PURCHASE', now() - interval '1 year' + n * interval '1 day'
    FROM holders h CROSS JOIN generate_series(1, 2) n ORDER BY h.contact_id, n
    RETURNING id, contact_id, balance_after / 1000 AS n)
INSERT INTO points_lot (contact_id, entry_id, points, remaining, earned_at, expires_at)
SELECT contact_id, id, 1000, 1000, now() - interval '1 year',
       CASE WHEN n = 1 THEN now() + random() * interval '60 days' ELSE now() + interval '1 year' END FROM e;

VACUUM ANALYZE;
SELECT (SELECT count(*) FROM contact) AS contacts, (SELECT count(*) FROM purchase) AS purchases,
       (SELECT count(*) FROM interaction) AS interactions, (SELECT count(*) FROM complaint) AS complaints,
       (SELECT count(*) FROM tier_history) AS level_changes, (SELECT count(*) FROM points_lot) AS lots;
