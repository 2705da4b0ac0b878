-- Points benchmark data (docs/benchmarks.md): 10 000 accounts holding 1 000 000 points each and one
-- hot account with 100 000 000, each as one EARN entry and one lot (so the ledger invariants hold),
-- an unlimited 10-point reward, and bench_ids (n → contact; n = 0 is the hot account) for the scripts.
\set ON_ERROR_STOP on
BEGIN;
DROP TABLE IF EXISTS bench_ids;
CREATE TABLE bench_ids AS
SELECT row_number() OVER (ORDER BY id) AS n, id AS contact_id
FROM (SELECT id FROM contact WHERE id NOT IN (SELECT contact_id FROM loyalty_account) ORDER BY id LIMIT 10001) c;
UPDATE bench_ids SET n = 0 WHERE n = 10001;
CREATE UNIQUE INDEX ON bench_ids (n);
INSERT INTO loyalty_account (contact_id, balance, created_at, updated_at)
SELECT contact_id, CASE WHEN n = 0 THEN 100000000 ELSE 1000000 END, now(), now() FROM bench_ids;
WITH e AS (
    INSERT INTO points_entry (contact_id, kind, points, balance_after, cause, created_at)
    SELECT contact_id, 'EARN', CASE WHEN n = 0 THEN 100000000 ELSE 1000000 END, CASE WHEN n = 0 THEN 100000000 ELSE 1000000 END,
           'PURCHASE', now() FROM bench_ids RETURNING id, contact_id, points)
INSERT INTO points_lot (contact_id, entry_id, points, remaining, earned_at, expires_at)
SELECT contact_id, id, points, points, now(), now() + interval '24 months' FROM e;
INSERT INTO reward (id, name, kind, points_cost, created_at, updated_at)
VALUES ('00000000-0000-7000-8000-00000000be01', 'bench reward', 'PRIVILEGE', 10, now(), now());
COMMIT;
ANALYZE;
SELECT count(*) AS accounts, sum(balance) AS points FROM loyalty_account;
