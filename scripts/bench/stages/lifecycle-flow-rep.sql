SELECT x.stage AS stage, sum(x.n) AS n FROM (
    SELECT r.stage AS stage, r.customers AS n FROM (SELECT s.owner_id AS owner_id, s.stage AS stage, s.created_month AS created_month, s.archived AS archived, s.customers AS customers
 FROM contact_stage_count s) AS r WHERE r.created_month < :'asofmonth'::date AND NOT r.archived AND r.owner_id = :'rep'::uuid
    UNION ALL
    SELECT m.from_stage, m.moves FROM (SELECT m.owner_id AS owner_id, m.move_month AS move_month, m.created_month AS created_month, m.archived AS archived,
        m.from_stage AS from_stage, m.to_stage AS to_stage, m.moves AS moves
 FROM contact_stage_move_count m) AS m WHERE m.move_month >= :'asofmonth'::date AND m.created_month < :'asofmonth'::date AND NOT m.archived AND m.from_stage <> '' AND m.owner_id = :'rep'::uuid
    UNION ALL
    SELECT m.to_stage, -m.moves FROM (SELECT m.owner_id AS owner_id, m.move_month AS move_month, m.created_month AS created_month, m.archived AS archived,
        m.from_stage AS from_stage, m.to_stage AS to_stage, m.moves AS moves
 FROM contact_stage_move_count m) AS m WHERE m.move_month >= :'asofmonth'::date AND m.created_month < :'asofmonth'::date AND NOT m.archived AND m.from_stage <> '' AND m.owner_id = :'rep'::uuid) AS x
GROUP BY x.stage;
