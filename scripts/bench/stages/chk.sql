SELECT count(*) AS mismatches FROM (
 (SELECT owner_id, stage, created_month, archived, customers FROM contact_stage_count WHERE customers<>0 EXCEPT SELECT owner_id, lifecycle_stage, date_trunc('month', created_at AT TIME ZONE 'Asia/Shanghai')::date, archived_at IS NOT NULL, count(*) FROM contact GROUP BY 1,2,3,4)
 UNION ALL
 (SELECT owner_id, lifecycle_stage, date_trunc('month', created_at AT TIME ZONE 'Asia/Shanghai')::date, archived_at IS NOT NULL, count(*) FROM contact GROUP BY 1,2,3,4 EXCEPT SELECT owner_id, stage, created_month, archived, customers FROM contact_stage_count WHERE customers<>0)) x;
