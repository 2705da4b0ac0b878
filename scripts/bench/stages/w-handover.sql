\set k random(1, 200000)
BEGIN;
UPDATE contact SET owner_id = (SELECT id FROM app_user WHERE username = 'bench.rep2'), updated_at = now() WHERE id = (SELECT id FROM stages_ids WHERE n = :k);
ROLLBACK;
