-- Benchmark data for the complaint SLA scan (docs/benchmarks.md): 1 000 000 complaints over the
-- database's contacts, 200 000 of them open (received in the last 3 days, in every step before the
-- follow-up), 800 000 closed over the last two years. Due times follow the default SLAs.
-- psql -f scripts/bench/generate-complaints.sql <database>
INSERT INTO complaint (id, contact_id, channel, category, severity, description, state, assignee_id,
                       received_at, acknowledged_at, resolved_at, followed_up_at, closed_at,
                       acknowledge_due_at, resolve_due_at, follow_up_due_at,
                       acknowledge_breached_at, resolve_breached_at, follow_up_breached_at,
                       created_by, created_at, updated_at)
SELECT gen_random_uuid(), c.id,
       (ARRAY['HOTLINE', 'ONLINE', 'SOCIAL_MEDIA', 'EMAIL', 'IN_PERSON', 'WECHAT'])[1 + n % 6],
       (ARRAY['LOGISTICS', 'PRODUCT_QUALITY', 'SERVICE_ATTITUDE', 'BILLING', 'OTHER'])[1 + n % 5],
       s.severity, 'bench', st.state, a.agent,
       r.received, CASE WHEN st.state <> 'RECEIVED' THEN r.received + interval '1 hour' END,
       CASE WHEN st.state IN ('RESOLVED', 'CLOSED') THEN r.received + interval '6 hours' END,
       CASE WHEN st.state = 'CLOSED' THEN r.received + interval '20 hours' END,
       CASE WHEN st.state = 'CLOSED' THEN r.received + interval '21 hours' END,
       r.received + make_interval(mins => p.acknowledge_minutes), r.received + make_interval(mins => p.resolve_minutes),
       CASE WHEN st.state IN ('RESOLVED', 'CLOSED') THEN r.received + interval '30 hours' END,
       -- closed complaints were scanned long ago: their breaches are already flagged or never happened
       NULL, NULL, NULL,
       a.agent, r.received, r.received
FROM generate_series(1, 1000000) AS n
CROSS JOIN LATERAL (SELECT (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + n % 4] AS severity) AS s
CROSS JOIN LATERAL (SELECT CASE WHEN n % 5 = 0
                               THEN (ARRAY['RECEIVED', 'ACKNOWLEDGED', 'CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED', 'RESOLVED'])[1 + (n / 5) % 5]
                               ELSE 'CLOSED' END AS state) AS st
CROSS JOIN LATERAL (SELECT CASE WHEN n % 5 = 0 THEN now() - random() * interval '3 days'
                               ELSE now() - interval '3 days' - random() * interval '730 days' END AS received) AS r
JOIN complaint_sla_policy p ON p.severity = s.severity
CROSS JOIN LATERAL (SELECT id FROM contact ORDER BY id OFFSET n % 300 LIMIT 1) AS c
CROSS JOIN LATERAL (SELECT u.id AS agent FROM app_user u JOIN app_user_role ur ON ur.user_id = u.id AND ur.role = 'SERVICE_AGENT' LIMIT 1) AS a;
VACUUM ANALYZE complaint;
