-- pgbench: the bare conditional update (SPREAD=10000 → any of 10 000 accounts, SPREAD=0 → the hot one)
\set n random(least(:spread, 1), :spread)
UPDATE loyalty_account SET balance = balance - 10
WHERE contact_id = (SELECT contact_id FROM bench_ids WHERE n = :n) AND balance >= 10;
