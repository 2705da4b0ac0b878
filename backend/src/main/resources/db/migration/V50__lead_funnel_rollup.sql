-- The cohort funnel (issue 18, analytics at a million leads) without grouping the period's leads five ways: the leads
-- counted per day they were created (Asia/Shanghai, GuanxiConfig.zone's default), owner, source, region, lost reason
-- and the steps each has reached by now (contacted: a first contact, qualified, converted, lost: LOST now). For whole
-- days [A, B] the cohort's counts, by source, region, owner or lost reason, are sums over the rows with day in [A, B].
-- Owned by `lead`, published as LeadReadModel.FUNNEL_BY_DAY (and per month, FUNNEL_BY_MONTH, below); the funnel reads it only when the service runs in that
-- zone and there is no tier filter, else it groups the raw leads as before. "Repeat customer" (converted and the
-- customer has two sales or more, purchase's customer_sales) is not in here: it changes with purchases, so the funnel
-- counts it live over the period's converted leads only (lead_funnel_converted_idx below).
-- Kept in the writing transaction, whoever writes: after each statement that inserts, deletes or changes leads in a
-- counted column, the difference (old keys out, new keys in) is summed per key, set-based over the transition tables
-- (a bulk load of a million leads adds a few hundred rows; no lock per lead or customer), and added in key order.
-- The counts are sums of differences, so writers of the same key wait only for each other's row lock, never for a
-- recomputation; a lead's own row lock orders two changes of one lead. Rows counting no lead any more are deleted.
CREATE TABLE lead_funnel_day (
    day              date        NOT NULL, -- the day the lead was created, Asia/Shanghai
    owner_id         uuid,                 -- null: in a queue
    source_channel   varchar(32) NOT NULL,
    region           varchar(32),
    lost_reason_code varchar(32),
    contacted        boolean     NOT NULL, -- contacted_at or first_interaction_at set
    qualified        boolean     NOT NULL,
    converted        boolean     NOT NULL,
    lost             boolean     NOT NULL, -- status = 'LOST'
    leads            bigint      NOT NULL,
    CONSTRAINT lead_funnel_day_key UNIQUE NULLS NOT DISTINCT
        (day, owner_id, source_channel, region, lost_reason_code, contacted, qualified, converted, lost)
);
CREATE INDEX lead_funnel_day_owner_idx ON lead_funnel_day (owner_id, day);
CREATE INDEX lead_funnel_day_empty_idx ON lead_funnel_day (day) WHERE leads = 0;

-- The same counts per calendar month (Asia/Shanghai; month = its first day): a year of a million leads spread over
-- every owner, source and region is ~240 000 day rows but ~15 000 month rows. A period reads its whole months here and
-- only the days before the first and after the last whole month from lead_funnel_day.
CREATE TABLE lead_funnel_month (
    month            date        NOT NULL,
    owner_id         uuid,
    source_channel   varchar(32) NOT NULL,
    region           varchar(32),
    lost_reason_code varchar(32),
    contacted        boolean     NOT NULL,
    qualified        boolean     NOT NULL,
    converted        boolean     NOT NULL,
    lost             boolean     NOT NULL,
    leads            bigint      NOT NULL,
    CONSTRAINT lead_funnel_month_key UNIQUE NULLS NOT DISTINCT
        (month, owner_id, source_channel, region, lost_reason_code, contacted, qualified, converted, lost)
);
CREATE INDEX lead_funnel_month_owner_idx ON lead_funnel_month (owner_id, month);
CREATE INDEX lead_funnel_month_empty_idx ON lead_funnel_month (month) WHERE leads = 0;

-- The period's converted leads, for the live repeat-customer count (a fraction of the cohort, read from the index).
CREATE INDEX lead_funnel_converted_idx ON lead (created_at) INCLUDE (contact_id, owner_id, region) WHERE converted_at IS NOT NULL;

CREATE FUNCTION lead_funnel_day_of(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(at AT TIME ZONE 'Asia/Shanghai' AS date)
$$;

-- A lead's key in the rollup, counting `leads` (+1 in, -1 out).
CREATE FUNCTION lead_funnel_key(created_at timestamptz, owner_id uuid, source_channel varchar, region varchar, lost_reason_code varchar,
                                contacted_at timestamptz, first_interaction_at timestamptz, qualified_at timestamptz,
                                converted_at timestamptz, status varchar, leads bigint) RETURNS lead_funnel_day LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(ROW(lead_funnel_day_of(created_at), owner_id, source_channel, region, lost_reason_code,
                    contacted_at IS NOT NULL OR first_interaction_at IS NOT NULL, qualified_at IS NOT NULL, converted_at IS NOT NULL,
                    status = 'LOST', leads) AS lead_funnel_day)
$$;

-- Adds a difference (keys with their leads, any number per key) to the day and the month rollup, summed per key and in
-- key order (days, then months: every writer locks in the same order); rows left at zero go.
CREATE FUNCTION lead_funnel_apply(delta lead_funnel_day[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF delta IS NULL OR cardinality(delta) = 0 THEN
        RETURN;
    END IF;
    INSERT INTO lead_funnel_day AS r (day, owner_id, source_channel, region, lost_reason_code, contacted, qualified, converted, lost, leads)
    SELECT d.day, d.owner_id, d.source_channel, d.region, d.lost_reason_code, d.contacted, d.qualified, d.converted, d.lost, sum(d.leads)
    FROM unnest(delta) AS d
    GROUP BY d.day, d.owner_id, d.source_channel, d.region, d.lost_reason_code, d.contacted, d.qualified, d.converted, d.lost
    HAVING sum(d.leads) <> 0
    ORDER BY d.day, d.owner_id, d.source_channel, d.region, d.lost_reason_code, d.contacted, d.qualified, d.converted, d.lost
    ON CONFLICT (day, owner_id, source_channel, region, lost_reason_code, contacted, qualified, converted, lost) DO UPDATE
        SET leads = r.leads + EXCLUDED.leads;
    DELETE FROM lead_funnel_day r WHERE r.leads = 0;
    INSERT INTO lead_funnel_month AS r (month, owner_id, source_channel, region, lost_reason_code, contacted, qualified, converted, lost, leads)
    SELECT CAST(date_trunc('month', d.day) AS date), d.owner_id, d.source_channel, d.region, d.lost_reason_code, d.contacted, d.qualified,
           d.converted, d.lost, sum(d.leads)
    FROM unnest(delta) AS d
    GROUP BY CAST(date_trunc('month', d.day) AS date), d.owner_id, d.source_channel, d.region, d.lost_reason_code, d.contacted, d.qualified,
             d.converted, d.lost
    HAVING sum(d.leads) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (month, owner_id, source_channel, region, lost_reason_code, contacted, qualified, converted, lost) DO UPDATE
        SET leads = r.leads + EXCLUDED.leads;
    DELETE FROM lead_funnel_month r WHERE r.leads = 0;
END $$;

-- The keys of a statement's leads are summed in the statement (GROUP BY) before they reach lead_funnel_apply, so a bulk
-- statement hands over a few hundred keys, not one array element per lead.
CREATE FUNCTION lead_funnel_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_funnel_apply(ARRAY(
        SELECT CAST(ROW(k.day, k.owner_id, k.source_channel, k.region, k.lost_reason_code, k.contacted, k.qualified, k.converted, k.lost,
                        sum(k.leads)) AS lead_funnel_day)
        FROM new_rows n CROSS JOIN LATERAL lead_funnel_key(n.created_at, n.owner_id, n.source_channel, n.region, n.lost_reason_code,
                 n.contacted_at, n.first_interaction_at, n.qualified_at, n.converted_at, n.status, 1) AS k
        GROUP BY k.day, k.owner_id, k.source_channel, k.region, k.lost_reason_code, k.contacted, k.qualified, k.converted, k.lost));
    RETURN NULL;
END $$;

-- Only the leads whose key changed move (a rescoring of every lead moves nothing): the old key out, the new key in.
CREATE FUNCTION lead_funnel_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_funnel_apply(ARRAY(
        SELECT CAST(ROW(k.day, k.owner_id, k.source_channel, k.region, k.lost_reason_code, k.contacted, k.qualified, k.converted, k.lost,
                        sum(k.leads)) AS lead_funnel_day)
        FROM (SELECT lead_funnel_key(o.created_at, o.owner_id, o.source_channel, o.region, o.lost_reason_code, o.contacted_at,
                                     o.first_interaction_at, o.qualified_at, o.converted_at, o.status, -1) AS was,
                     lead_funnel_key(n.created_at, n.owner_id, n.source_channel, n.region, n.lost_reason_code, n.contacted_at,
                                     n.first_interaction_at, n.qualified_at, n.converted_at, n.status, 1) AS cur
              FROM old_rows o JOIN new_rows n ON n.id = o.id) AS m
        CROSS JOIN LATERAL (SELECT (m.was).* UNION ALL SELECT (m.cur).*) AS k
        WHERE (m.was).day IS DISTINCT FROM (m.cur).day OR (m.was).owner_id IS DISTINCT FROM (m.cur).owner_id
           OR (m.was).source_channel IS DISTINCT FROM (m.cur).source_channel OR (m.was).region IS DISTINCT FROM (m.cur).region
           OR (m.was).lost_reason_code IS DISTINCT FROM (m.cur).lost_reason_code OR (m.was).contacted <> (m.cur).contacted
           OR (m.was).qualified <> (m.cur).qualified OR (m.was).converted <> (m.cur).converted OR (m.was).lost <> (m.cur).lost
        GROUP BY k.day, k.owner_id, k.source_channel, k.region, k.lost_reason_code, k.contacted, k.qualified, k.converted, k.lost));
    RETURN NULL;
END $$;

CREATE FUNCTION lead_funnel_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_funnel_apply(ARRAY(
        SELECT CAST(ROW(k.day, k.owner_id, k.source_channel, k.region, k.lost_reason_code, k.contacted, k.qualified, k.converted, k.lost,
                        sum(k.leads)) AS lead_funnel_day)
        FROM old_rows o CROSS JOIN LATERAL lead_funnel_key(o.created_at, o.owner_id, o.source_channel, o.region, o.lost_reason_code,
                 o.contacted_at, o.first_interaction_at, o.qualified_at, o.converted_at, o.status, -1) AS k
        GROUP BY k.day, k.owner_id, k.source_channel, k.region, k.lost_reason_code, k.contacted, k.qualified, k.converted, k.lost));
    RETURN NULL;
END $$;

CREATE TRIGGER lead_funnel_after_insert AFTER INSERT ON lead REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_funnel_after_insert();
CREATE TRIGGER lead_funnel_after_update AFTER UPDATE ON lead REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_funnel_after_update();
CREATE TRIGGER lead_funnel_after_delete AFTER DELETE ON lead REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_funnel_after_delete();

-- Backfill from the leads already recorded, one pass.
INSERT INTO lead_funnel_day (day, owner_id, source_channel, region, lost_reason_code, contacted, qualified, converted, lost, leads)
SELECT lead_funnel_day_of(l.created_at), l.owner_id, l.source_channel, l.region, l.lost_reason_code,
       l.contacted_at IS NOT NULL OR l.first_interaction_at IS NOT NULL, l.qualified_at IS NOT NULL, l.converted_at IS NOT NULL,
       l.status = 'LOST', count(*)
FROM lead l
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO lead_funnel_month (month, owner_id, source_channel, region, lost_reason_code, contacted, qualified, converted, lost, leads)
SELECT CAST(date_trunc('month', f.day) AS date), f.owner_id, f.source_channel, f.region, f.lost_reason_code, f.contacted, f.qualified,
       f.converted, f.lost, sum(f.leads)
FROM lead_funnel_day f
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
