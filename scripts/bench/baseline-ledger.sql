-- pgbench: the conditional update plus its ledger row, one statement per redemption
\set n random(least(:spread, 1), :spread)
WITH a AS (
    UPDATE loyalty_account SET balance = balance - 10
    WHERE contact_id = (SELECT contact_id FROM bench_ids WHERE n = :n) AND balance >= 10
    RETURNING contact_id, balance)
INSERT INTO points_entry (contact_id, kind, points, balance_after, cause, created_at)
SELECT contact_id, 'REDEEM', -10, balance, 'REDEMPTION', now() FROM a;
