\set k random(1, 200000)
BEGIN;
UPDATE contact SET last_contacted_at = greatest(last_contacted_at, now()) WHERE id = (SELECT id FROM stages_ids WHERE n = :k);
ROLLBACK;
