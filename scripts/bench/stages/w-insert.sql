BEGIN;
INSERT INTO contact (id, name, owner_id, lifecycle_stage, created_at, updated_at) SELECT gen_random_uuid(), '写入', owner_id, 'POTENTIAL', now(), now() FROM stages_ids WHERE n = 1;
ROLLBACK;
