-- A rep's time to first contact (issue 18, REPS at a million leads) without reading the period's leads: the median and
-- p90 need every value, so the value is counted in whole minutes (floor of the time from the lead's creation to its
-- first contact, LEAST(contacted_at, first_interaction_at)) and the leads are counted per owner, month of creation
-- (Asia/Shanghai, GuanxiConfig.zone's default) and minutes. For the months [A, B] the cumulative counts per minute give
-- the values at the two ranks percentile_cont interpolates between, so the median and p90 are exactly percentile_cont
-- over the leads' minutes; "contacted within 24 h" is minutes <= 1440; a lead not contacted yet has minutes null.
-- Bounded: minutes below 0 (a first contact stamped before the creation) are kept as -1 and a week or more
-- (>= 10080) as 10080, so an owner's month has at most 10 083 rows whatever the number of leads. Those two buckets
-- are open: when a percentile's neighbouring rank falls into one of them, the reader computes the figures from the raw
-- leads instead (RepsRepository), so the definition stays exact; within 24 h (<= 1440) never needs them.
-- Owned by `lead`, published as LeadReadModel.FIRST_CONTACT_BY_MONTH; read only for whole months, no region or tier
-- filter and the service in that zone.
-- Kept in the writing transaction, whoever writes (the service, V39's first-interaction stamp, a handover, a merge, a
-- bulk load): after each statement that inserts or deletes leads or changes a lead's owner, creation or first contact,
-- the old keys out and the new keys in, summed per key over the transition tables and added in key order (as V50).
CREATE TABLE lead_first_contact_month (
    month    date   NOT NULL, -- first day of the month the lead was created, Asia/Shanghai
    owner_id uuid,            -- null: in a queue
    minutes  integer,         -- whole minutes to the first contact, -1 (negative) .. 10080 (a week or more); null: none yet
    leads    bigint NOT NULL,
    CONSTRAINT lead_first_contact_month_key UNIQUE NULLS NOT DISTINCT (month, owner_id, minutes)
);
CREATE INDEX lead_first_contact_month_owner_idx ON lead_first_contact_month (owner_id, month);
CREATE INDEX lead_first_contact_month_empty_idx ON lead_first_contact_month (month) WHERE leads = 0;

-- "Missed within 24 h" depends on now: the reader subtracts from the rollup's leads not contacted within 24 h those whose
-- first 24 h are not over. Of those, the ones created from the start of today (Asia/Shanghai) on and not contacted come
-- from lead_funnel_day (V50); the rest are read from these two small partial indexes: the leads not contacted (only the
-- part of a day before today is read) and the leads first contacted 1 441 whole minutes or more after their creation.
CREATE INDEX lead_first_contact_none_idx ON lead (created_at) INCLUDE (owner_id)
    WHERE contacted_at IS NULL AND first_interaction_at IS NULL;
CREATE INDEX lead_first_contact_late_idx ON lead (created_at) INCLUDE (owner_id)
    WHERE LEAST(contacted_at, first_interaction_at) - created_at >= interval '1441 minutes';

-- Whole minutes from creation to first contact as the rollup keeps them (see the bounds above); null: none yet.
CREATE FUNCTION lead_first_contact_bucket(created_at timestamptz, contacted_at timestamptz, first_interaction_at timestamptz)
    RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(CASE WHEN m IS NOT NULL THEN GREATEST(-1, LEAST(10080, m)) END AS integer) -- GREATEST, LEAST skip nulls
    FROM (SELECT floor(EXTRACT(EPOCH FROM LEAST(contacted_at, first_interaction_at) - created_at) / 60) AS m) AS t
$$;

CREATE FUNCTION lead_first_contact_key(created_at timestamptz, owner_id uuid, contacted_at timestamptz, first_interaction_at timestamptz,
                                       leads bigint) RETURNS lead_first_contact_month LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(ROW(lead_open_work_month_of(created_at), owner_id,
                    lead_first_contact_bucket(created_at, contacted_at, first_interaction_at), leads) AS lead_first_contact_month)
$$;

-- Adds a difference (keys with their leads, any number per key), summed per key and in key order; rows left at zero go.
CREATE FUNCTION lead_first_contact_apply(delta lead_first_contact_month[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF delta IS NULL OR cardinality(delta) = 0 THEN
        RETURN;
    END IF;
    INSERT INTO lead_first_contact_month AS r (month, owner_id, minutes, leads)
    SELECT d.month, d.owner_id, d.minutes, sum(d.leads)
    FROM unnest(delta) AS d
    GROUP BY d.month, d.owner_id, d.minutes
    HAVING sum(d.leads) <> 0
    ORDER BY d.month, d.owner_id, d.minutes
    ON CONFLICT (month, owner_id, minutes) DO UPDATE SET leads = r.leads + EXCLUDED.leads;
    DELETE FROM lead_first_contact_month r WHERE r.leads = 0;
END $$;

CREATE FUNCTION lead_first_contact_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_first_contact_apply(ARRAY(
        SELECT CAST(ROW(k.month, k.owner_id, k.minutes, sum(k.leads)) AS lead_first_contact_month)
        FROM new_rows n CROSS JOIN LATERAL lead_first_contact_key(n.created_at, n.owner_id, n.contacted_at, n.first_interaction_at, 1) AS k
        GROUP BY k.month, k.owner_id, k.minutes));
    RETURN NULL;
END $$;

-- Only the leads whose key changed move (a rescoring of every lead moves nothing).
CREATE FUNCTION lead_first_contact_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_first_contact_apply(ARRAY(
        SELECT CAST(ROW(k.month, k.owner_id, k.minutes, sum(k.leads)) AS lead_first_contact_month)
        FROM (SELECT lead_first_contact_key(o.created_at, o.owner_id, o.contacted_at, o.first_interaction_at, -1) AS was,
                     lead_first_contact_key(n.created_at, n.owner_id, n.contacted_at, n.first_interaction_at, 1) AS cur
              FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE o.created_at IS DISTINCT FROM n.created_at OR o.owner_id IS DISTINCT FROM n.owner_id
                 OR o.contacted_at IS DISTINCT FROM n.contacted_at OR o.first_interaction_at IS DISTINCT FROM n.first_interaction_at) AS m
        CROSS JOIN LATERAL (SELECT (m.was).* UNION ALL SELECT (m.cur).*) AS k
        WHERE (m.was).month IS DISTINCT FROM (m.cur).month OR (m.was).owner_id IS DISTINCT FROM (m.cur).owner_id
           OR (m.was).minutes IS DISTINCT FROM (m.cur).minutes
        GROUP BY k.month, k.owner_id, k.minutes));
    RETURN NULL;
END $$;

CREATE FUNCTION lead_first_contact_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_first_contact_apply(ARRAY(
        SELECT CAST(ROW(k.month, k.owner_id, k.minutes, sum(k.leads)) AS lead_first_contact_month)
        FROM old_rows o CROSS JOIN LATERAL lead_first_contact_key(o.created_at, o.owner_id, o.contacted_at, o.first_interaction_at, -1) AS k
        GROUP BY k.month, k.owner_id, k.minutes));
    RETURN NULL;
END $$;

CREATE TRIGGER lead_first_contact_after_insert AFTER INSERT ON lead REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_first_contact_after_insert();
CREATE TRIGGER lead_first_contact_after_update AFTER UPDATE ON lead REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_first_contact_after_update();
CREATE TRIGGER lead_first_contact_after_delete AFTER DELETE ON lead REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_first_contact_after_delete();

-- Backfill from the leads already recorded, one pass.
INSERT INTO lead_first_contact_month (month, owner_id, minutes, leads)
SELECT k.month, k.owner_id, k.minutes, count(*)
FROM lead l CROSS JOIN LATERAL lead_first_contact_key(l.created_at, l.owner_id, l.contacted_at, l.first_interaction_at, 1) AS k
GROUP BY k.month, k.owner_id, k.minutes;
