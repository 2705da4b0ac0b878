-- Benchmark data for the tier recompute (docs/benchmarks.md): every contact gets 1 to 19 purchases
-- (10 on average: 1 M contacts → about 10 M purchases) over the last two years, amounts skewed like
-- real revenue (most small, a few large), 3 % fully refunded.
-- psql -f scripts/bench/generate-purchases.sql <database>
INSERT INTO purchase (id, contact_id, amount, refunded_amount, channel, items, occurred_at, recorded_by, created_at)
SELECT gen_random_uuid(), c.id, s.amount, CASE WHEN random() < 0.03 THEN s.amount ELSE 0 END,
       'STORE', '[]', now() - random() * interval '730 days', c.owner_id, now()
FROM contact c
CROSS JOIN LATERAL (
    SELECT round((30 * exp(power(random(), 2) * 8))::numeric, 2) + 0 * k AS amount
    FROM generate_series(1, 1 + abs(hashtext(c.id::text)) % 19) AS k) AS s;

VACUUM ANALYZE purchase;
