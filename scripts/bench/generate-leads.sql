-- Benchmark data for lead rescoring (docs/benchmarks.md): one open lead for each of the first
-- :leads contacts and :per interactions for each of those contacts over the last 30 days.
-- psql -v leads=1000000 -v per=5 -f scripts/bench/generate-leads.sql <database>
INSERT INTO lead (id, contact_id, source_channel, industry, region, budget, status, owner_id, match_score,
                  activity_count, activity_score, score, policy_version, scored_at, created_at, updated_at, version)
SELECT gen_random_uuid(), c.id, coalesce(c.source_channel, 'WEBSITE'), c.industry, c.region,
       round((random() * 200000)::numeric, 2),
       (ARRAY['NEW', 'CONTACTED', 'QUALIFIED'])[1 + floor(random() * 3)::int], c.owner_id, 0, 0, 0, 0, 1, now(),
       now(), now(), 0
FROM (SELECT id, source_channel, industry, region, owner_id FROM contact ORDER BY id LIMIT :leads) AS c;

INSERT INTO interaction (id, contact_id, channel, direction, occurred_at, summary, author_id, created_at)
SELECT gen_random_uuid(), l.contact_id, 'PHONE', 'OUTBOUND', now() - random() * interval '30 days', 'bench',
       coalesce(l.owner_id, (SELECT id FROM app_user WHERE username = 'admin')), now()   -- queued leads have no owner
FROM lead l CROSS JOIN generate_series(1, :per) AS k;

VACUUM ANALYZE lead;
VACUUM ANALYZE interaction;
