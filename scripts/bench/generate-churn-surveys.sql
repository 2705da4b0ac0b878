-- NPS answers for the churn-risk benchmark (the DETRACTOR signal), after generate-churn.sql, in a database that
-- also holds the survey tables (psql -f backend/src/main/resources/db/migration/V26__surveys.sql): 200 000
-- customers answered once in the last 120 days, scores spread evenly over 0–10 (so 7 in 11 are detractors).
-- psql -h 127.0.0.1 -U postgres -f scripts/bench/generate-churn-surveys.sql guanxi_bench_churn
\set ON_ERROR_STOP on
CREATE TEMP TABLE picked AS
SELECT id, row_number() OVER (ORDER BY id) AS n FROM (SELECT id FROM contact ORDER BY id LIMIT 200000) c;
INSERT INTO survey_invitation (id, token, contact_id, template, trigger, policy_version, created_at, expires_at)
SELECT gen_random_uuid(), md5(random()::text || p.n), p.id, 'NPS', 'PURCHASE', 1,
       now() - (p.n % 120) * interval '1 day' - interval '2 hours', now() - (p.n % 120) * interval '1 day' + interval '14 days'
FROM picked p;
INSERT INTO survey_answer (invitation_id, contact_id, template, score, answered_at)
SELECT i.id, i.contact_id, 'NPS', p.n % 11, i.created_at + interval '1 hour'
FROM survey_invitation i JOIN picked p ON p.id = i.contact_id;
ANALYZE survey_invitation;
ANALYZE survey_answer;
