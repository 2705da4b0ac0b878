\timing on
DROP INDEX IF EXISTS contact_search_grams_idx, contact_name_pinyin_idx, contact_name_initials_idx, contact_mobile_trgm_idx, contact_email_trgm_idx;
INSERT INTO app_user (id, username, display_name, password_hash, created_at, updated_at)
SELECT gen_random_uuid(), 'bench.rep' || k, '基准' || k, 'x', now(), now() FROM generate_series(1, 3) k;
-- 1 000 000 customers of 3 reps (10 % LOYALTY, the rest PURCHASE) created over the last five years, 2 % archived.
INSERT INTO contact (id, name, owner_id, lifecycle_stage, created_at, updated_at, archived_at)
SELECT gen_random_uuid(), '客户' || n, r.ids[1 + n % 3], CASE WHEN n % 10 = 0 THEN 'LOYALTY' ELSE 'PURCHASE' END,
       now() - random() * interval '1826 days', now(), CASE WHEN n % 50 = 7 THEN now() - interval '10 days' END
FROM generate_series(1, 1000000) n CROSS JOIN (SELECT array_agg(id ORDER BY username) AS ids FROM app_user WHERE username LIKE 'bench.rep%') r;
VACUUM ANALYZE contact;
