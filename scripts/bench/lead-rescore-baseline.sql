-- The baseline of scripts/bench/lead-rescore.sh: the scores of the default rules (V2) under weights 0.5 / 0.5 by one
-- hand-written UPDATE (the rules as a fixed CASE, the window counts by GROUP BY), rolled back. No history, no consent
-- check, no policy row: what a DBA would type. -v only_changed=true writes only the leads whose numbers change.
-- psql -v only_changed=false -f scripts/bench/lead-rescore-baseline.sql <database>
\timing on
BEGIN;
UPDATE lead l
SET match_score = x.match_score, activity_count = x.activity_count, activity_score = x.activity_score,
    score = round(x.match_score * 0.5 + x.activity_score * 0.5, 2),
    policy_version = (SELECT max(version) FROM lead_scoring_policy), scored_at = now()
FROM (SELECT l.id,
             LEAST(100, CASE l.source_channel WHEN 'REFERRAL' THEN 30 WHEN 'TRADE_SHOW' THEN 20 WHEN 'WEBSITE' THEN 10 ELSE 0 END
                 + CASE WHEN l.budget >= 100000 THEN 40 ELSE 0 END + CASE WHEN l.budget >= 20000 THEN 20 ELSE 0 END
                 + CASE WHEN l.region = 'EAST' THEN 10 ELSE 0 END + CASE WHEN l.industry = '科技' THEN 20 ELSE 0 END) AS match_score,
             COALESCE(a.n, 0) AS activity_count, LEAST(100, COALESCE(a.n, 0) * 20) AS activity_score
      FROM lead l
      LEFT JOIN (SELECT contact_id, count(*)::int AS n FROM interaction
                 WHERE occurred_at > now() - interval '7 days' AND occurred_at <= now() GROUP BY contact_id) AS a
             ON a.contact_id = l.contact_id
      WHERE l.status IN ('NEW', 'CONTACTED', 'QUALIFIED')) AS x
WHERE l.id = x.id
  AND (NOT :only_changed OR (l.match_score, l.activity_count, l.activity_score, l.score)
       IS DISTINCT FROM (x.match_score, x.activity_count, x.activity_score, round(x.match_score * 0.5 + x.activity_score * 0.5, 2)));
ROLLBACK;
