-- The rep ranking's "interactions per open lead" (issue 18, analytics at a million leads) without counting the period's
-- interactions once per open lead: the pairs (lead, interaction on the lead's customer) and the leads themselves,
-- counted per lead owner, lead region, month the lead was created, month it was closed and month of the interaction.
-- For the months [A, B] (Asia/Shanghai, GuanxiConfig.zone's default), a lead is open in the period when it was created
-- in a month <= B and closed (the earlier of converted_at and lost_at) in a month >= A or not at all, so
--   open leads   = sum(leads)        of the rows with created_month <= B, closed_month >= A, month = -infinity,
--   interactions = sum(interactions) of the rows with created_month <= B, closed_month >= A, month in [A, B].
-- Owned by `lead`, published as LeadReadModel.OPEN_WORK_BY_MONTH; the analytics read it only when the service runs in
-- that zone, the period is whole months and there is no tier filter, else they count the raw interactions as before.
-- Kept in the writing transaction, whoever writes: a lead inserted, deleted or changed in a counted column (owner,
-- region, customer, creation, conversion, loss) and an interaction inserted, deleted or moved (customer, time) move
-- their pairs by adding the difference. A transaction-level advisory lock per customer (taken in id order) makes a
-- lead writer and an interaction writer of one customer count one after the other, the second seeing the first's rows.
CREATE TABLE lead_open_work_month (
    owner_id      uuid,                   -- the lead's owner; null: in a queue
    region        varchar(32),            -- the lead's region, null if none
    created_month date   NOT NULL,        -- first day of the month the lead was created
    closed_month  date   NOT NULL,        -- first day of the month of LEAST(converted_at, lost_at); infinity: neither
    month         date   NOT NULL,        -- first day of the interactions' month; -infinity on the row counting leads
    leads         bigint NOT NULL,
    interactions  bigint NOT NULL,
    CONSTRAINT lead_open_work_month_key UNIQUE NULLS NOT DISTINCT (owner_id, region, created_month, closed_month, month)
);
CREATE INDEX lead_open_work_month_empty_idx ON lead_open_work_month (owner_id) WHERE leads = 0 AND interactions = 0;

CREATE FUNCTION lead_open_work_month_of(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(date_trunc('month', at AT TIME ZONE 'Asia/Shanghai') AS date)
$$;

CREATE FUNCTION lead_open_work_lock(contacts uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(47, hashtext(t.id::text))
    FROM (SELECT DISTINCT u.id FROM unnest(contacts) AS u(id) WHERE u.id IS NOT NULL ORDER BY u.id) AS t;
END $$;

-- Adds sign × (each lead, and each pair of a lead and an interaction on its customer) to the rollup, in key order.
-- Exactly one of changed_leads (pairs with all their customer's interactions) and changed_interactions (pairs with all
-- their customer's leads) is given.
CREATE FUNCTION lead_open_work_add(changed_leads lead[], changed_interactions interaction[], sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO lead_open_work_month AS r (owner_id, region, created_month, closed_month, month, leads, interactions)
    SELECT d.owner_id, d.region, lead_open_work_month_of(d.created_at),
           COALESCE(lead_open_work_month_of(LEAST(d.converted_at, d.lost_at)), DATE 'infinity'), d.month,
           sum(d.leads), sum(d.interactions)
    FROM (SELECT l.owner_id, l.region, l.created_at, l.converted_at, l.lost_at, DATE '-infinity' AS month, sign AS leads, 0 AS interactions
          FROM unnest(changed_leads) AS l
          UNION ALL
          SELECT l.owner_id, l.region, l.created_at, l.converted_at, l.lost_at, lead_open_work_month_of(i.occurred_at), 0, sign
          FROM unnest(changed_leads) AS l JOIN interaction i ON i.contact_id = l.contact_id
          UNION ALL
          SELECT x.owner_id, x.region, x.created_at, x.converted_at, x.lost_at, lead_open_work_month_of(i.occurred_at), 0, sign
          FROM unnest(changed_interactions) AS i JOIN lead x ON x.contact_id = i.contact_id) AS d
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (owner_id, region, created_month, closed_month, month) DO UPDATE
        SET leads = r.leads + EXCLUDED.leads, interactions = r.interactions + EXCLUDED.interactions;
    DELETE FROM lead_open_work_month r WHERE r.leads = 0 AND r.interactions = 0;
END $$;

CREATE FUNCTION lead_open_work_after_lead_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_open_work_lock((SELECT array_agg(n.contact_id) FROM new_rows n));
    PERFORM lead_open_work_add((SELECT array_agg(CAST(ROW(n.*) AS lead)) FROM new_rows n), NULL, 1);
    RETURN NULL;
END $$;

CREATE FUNCTION lead_open_work_after_lead_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_leads lead[];
    new_leads lead[];
BEGIN
    SELECT array_agg(CAST(ROW(o.*) AS lead)), array_agg(CAST(ROW(n.*) AS lead)) INTO old_leads, new_leads
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at)
          IS DISTINCT FROM (n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at);
    IF old_leads IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM lead_open_work_lock((SELECT array_agg(b.contact_id) FROM unnest(old_leads) AS b) || (SELECT array_agg(a.contact_id) FROM unnest(new_leads) AS a));
    PERFORM lead_open_work_add(old_leads, NULL, -1);
    PERFORM lead_open_work_add(new_leads, NULL, 1);
    RETURN NULL;
END $$;

CREATE FUNCTION lead_open_work_after_lead_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_open_work_lock((SELECT array_agg(o.contact_id) FROM old_rows o));
    PERFORM lead_open_work_add((SELECT array_agg(CAST(ROW(o.*) AS lead)) FROM old_rows o), NULL, -1);
    RETURN NULL;
END $$;

CREATE FUNCTION lead_open_work_after_interaction_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_open_work_lock((SELECT array_agg(n.contact_id) FROM new_rows n));
    PERFORM lead_open_work_add(NULL, (SELECT array_agg(CAST(ROW(n.*) AS interaction)) FROM new_rows n), 1);
    RETURN NULL;
END $$;

CREATE FUNCTION lead_open_work_after_interaction_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_items interaction[];
    new_items interaction[];
BEGIN
    SELECT array_agg(CAST(ROW(o.*) AS interaction)), array_agg(CAST(ROW(n.*) AS interaction)) INTO old_items, new_items
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.contact_id, o.occurred_at) IS DISTINCT FROM (n.contact_id, n.occurred_at);
    IF old_items IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM lead_open_work_lock((SELECT array_agg(b.contact_id) FROM unnest(old_items) AS b) || (SELECT array_agg(a.contact_id) FROM unnest(new_items) AS a));
    PERFORM lead_open_work_add(NULL, old_items, -1);
    PERFORM lead_open_work_add(NULL, new_items, 1);
    RETURN NULL;
END $$;

CREATE FUNCTION lead_open_work_after_interaction_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_open_work_lock((SELECT array_agg(o.contact_id) FROM old_rows o));
    PERFORM lead_open_work_add(NULL, (SELECT array_agg(CAST(ROW(o.*) AS interaction)) FROM old_rows o), -1);
    RETURN NULL;
END $$;

CREATE TRIGGER lead_open_work_after_lead_insert AFTER INSERT ON lead REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_open_work_after_lead_insert();
CREATE TRIGGER lead_open_work_after_lead_update AFTER UPDATE ON lead REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_open_work_after_lead_update();
CREATE TRIGGER lead_open_work_after_lead_delete AFTER DELETE ON lead REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_open_work_after_lead_delete();
CREATE TRIGGER lead_open_work_after_interaction_insert AFTER INSERT ON interaction REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_open_work_after_interaction_insert();
CREATE TRIGGER lead_open_work_after_interaction_update AFTER UPDATE ON interaction REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_open_work_after_interaction_update();
CREATE TRIGGER lead_open_work_after_interaction_delete AFTER DELETE ON interaction REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_open_work_after_interaction_delete();

-- Backfill from the leads and interactions already recorded.
INSERT INTO lead_open_work_month (owner_id, region, created_month, closed_month, month, leads, interactions)
SELECT d.owner_id, d.region, lead_open_work_month_of(d.created_at),
       COALESCE(lead_open_work_month_of(LEAST(d.converted_at, d.lost_at)), DATE 'infinity'), d.month, sum(d.leads), sum(d.interactions)
FROM (SELECT l.owner_id, l.region, l.created_at, l.converted_at, l.lost_at, DATE '-infinity' AS month, 1 AS leads, 0 AS interactions
      FROM lead l
      UNION ALL
      SELECT l.owner_id, l.region, l.created_at, l.converted_at, l.lost_at, lead_open_work_month_of(i.occurred_at), 0, 1
      FROM lead l JOIN interaction i ON i.contact_id = l.contact_id) AS d
GROUP BY 1, 2, 3, 4, 5;
