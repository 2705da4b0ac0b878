SELECT x.stage AS stage, sum(x.n) AS n FROM (
    SELECT r.stage AS stage, r.customers AS n FROM (SELECT s.owner_id AS owner_id, s.stage AS stage, s.created_month AS created_month, s.archived AS archived, s.customers AS customers
 FROM contact_stage_count s) AS r
    WHERE r.created_month < :'asofmonth'::date AND NOT r.archived AND TRUE
    UNION ALL
    SELECT c.lifecycle_stage, 1 FROM (SELECT c.id AS id, c.owner_id AS owner_id, c.referred_by_id AS referred_by_id,
        c.last_contacted_at AS last_contacted_at, c.name AS name, c.region AS region,
        c.lifecycle_stage AS lifecycle_stage, c.created_at AS created_at, c.archived_at IS NOT NULL AS archived
 FROM contact c) AS c
    WHERE c.created_at >= :'asofmonthstart'::timestamptz AND c.created_at < :'asof'::timestamptz AND NOT c.archived AND TRUE
    UNION ALL
    SELECT d.stage, d.n FROM (
        SELECT c.lifecycle_stage AS now_stage, coalesce(later.stage_at, c.lifecycle_stage) AS then_stage
        FROM (SELECT DISTINCT ON (h.contact_id) h.contact_id AS contact_id, h.from_stage AS stage_at
              FROM (SELECT h.contact_id AS contact_id, h.from_stage AS from_stage, h.to_stage AS to_stage,
        h.changed_at AS changed_at, h.id AS seq
 FROM contact_stage_history h) AS h WHERE h.changed_at >= :'asof'::timestamptz
              ORDER BY h.contact_id, h.changed_at, h.seq) AS later
        JOIN (SELECT c.id AS id, c.owner_id AS owner_id, c.referred_by_id AS referred_by_id,
        c.last_contacted_at AS last_contacted_at, c.name AS name, c.region AS region,
        c.lifecycle_stage AS lifecycle_stage, c.created_at AS created_at, c.archived_at IS NOT NULL AS archived
 FROM contact c) AS c ON c.id = later.contact_id
        WHERE c.created_at < :'asof'::timestamptz AND NOT c.archived AND TRUE) AS m
    CROSS JOIN LATERAL (VALUES (m.now_stage, -1), (m.then_stage, 1)) AS d(stage, n)
    WHERE m.now_stage <> m.then_stage) AS x
GROUP BY x.stage;
