-- Expiry benchmark data (docs/benchmarks.md): every contact without points gets an account with five
-- credits of 1 000 points as EARN entries and lots, three of them already due (expired yesterday,
-- as at an END_OF_NEXT_YEAR cut-off), two not; balance_after chained, so the ledger adds up.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE holders AS SELECT id AS contact_id FROM contact WHERE id NOT IN (SELECT contact_id FROM loyalty_account);
INSERT INTO loyalty_account (contact_id, balance, created_at, updated_at)
SELECT contact_id, 5000, now() - interval '2 years', now() FROM holders;
WITH e AS (
    INSERT INTO points_entry (contact_id, kind, points, balance_after, cause, created_at)
    SELECT h.contact_id, 'EARN', 1000, 1000 * n, 'PURCHASE', now() - interval '2 years' + n * interval '1 day'
    FROM holders h CROSS JOIN generate_series(1, 5) n ORDER BY h.contact_id, n
    RETURNING id, contact_id, balance_after / 1000 AS n)
INSERT INTO points_lot (contact_id, entry_id, points, remaining, earned_at, expires_at)
SELECT contact_id, id, 1000, 1000, now() - interval '2 years',
       CASE WHEN n <= 3 THEN now() - interval '1 day' ELSE now() + interval '1 year' END FROM e;
COMMIT;
ANALYZE;
SELECT count(*) AS accounts, sum(balance) AS points,
       (SELECT count(*) FROM points_lot WHERE remaining > 0 AND expires_at <= now()) AS due_lots FROM loyalty_account;
