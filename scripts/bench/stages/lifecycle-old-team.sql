SELECT s.stage AS stage, count(*) AS n FROM (
SELECT c.id AS id, c.name AS name, c.owner_id AS owner_id, c.created_at AS created_at,
       coalesce(later.stage_at, c.lifecycle_stage) AS stage
FROM (SELECT c.id AS id, c.owner_id AS owner_id, c.referred_by_id AS referred_by_id,
        c.last_contacted_at AS last_contacted_at, c.name AS name, c.region AS region,
        c.lifecycle_stage AS lifecycle_stage, c.created_at AS created_at, c.archived_at IS NOT NULL AS archived
 FROM contact c) AS c
LEFT JOIN (SELECT DISTINCT ON (h.contact_id) h.contact_id AS contact_id, h.from_stage AS stage_at
           FROM (SELECT h.contact_id AS contact_id, h.from_stage AS from_stage, h.to_stage AS to_stage,
        h.changed_at AS changed_at, h.id AS seq
 FROM contact_stage_history h) AS h WHERE h.changed_at >= :'asof'::timestamptz
           ORDER BY h.contact_id, h.changed_at, h.seq) AS later ON later.contact_id = c.id
WHERE c.created_at < :'asof'::timestamptz AND NOT c.archived AND TRUE) AS s GROUP BY s.stage;
