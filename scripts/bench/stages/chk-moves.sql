SELECT count(*) AS move_mismatches FROM (
 (SELECT owner_id, move_month, created_month, archived, from_stage, to_stage, moves FROM contact_stage_move_count WHERE moves <> 0
  EXCEPT
  SELECT c.owner_id, date_trunc('month', h.changed_at AT TIME ZONE 'Asia/Shanghai')::date, date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai')::date, c.archived_at IS NOT NULL, coalesce(h.from_stage, ''), h.to_stage, count(*)
  FROM contact_stage_history h JOIN contact c ON c.id = h.contact_id GROUP BY 1,2,3,4,5,6)
 UNION ALL
 (SELECT c.owner_id, date_trunc('month', h.changed_at AT TIME ZONE 'Asia/Shanghai')::date, date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai')::date, c.archived_at IS NOT NULL, coalesce(h.from_stage, ''), h.to_stage, count(*)
  FROM contact_stage_history h JOIN contact c ON c.id = h.contact_id GROUP BY 1,2,3,4,5,6
  EXCEPT
  SELECT owner_id, move_month, created_month, archived, from_stage, to_stage, moves FROM contact_stage_move_count WHERE moves <> 0)) x;
