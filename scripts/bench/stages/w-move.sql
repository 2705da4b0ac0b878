\set k random(1, 200000)
BEGIN;
UPDATE contact SET lifecycle_stage = CASE lifecycle_stage WHEN 'PURCHASE' THEN 'LOYALTY' ELSE 'PURCHASE' END, updated_at = now(), version = version + 1 WHERE id = (SELECT id FROM stages_ids WHERE n = :k);
INSERT INTO contact_stage_history (contact_id, from_stage, to_stage, cause, changed_at) SELECT id, 'PURCHASE', 'LOYALTY', 'EDITED', now() FROM stages_ids WHERE n = :k;
ROLLBACK;
