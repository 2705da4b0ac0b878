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
-- lead writer and an interaction writer of one customer count one after the other, the second seeing the first's rows;
-- a statement touching more than 1 000 customers (a bulk load, a reassignment of a whole book) takes one exclusive lock
-- instead, which every per-customer writer holds shared.
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

-- The month a lead was closed (the earlier of its conversion and loss), infinity while it is neither.
CREATE FUNCTION lead_open_work_closed_month(converted_at timestamptz, lost_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE(lead_open_work_month_of(LEAST(converted_at, lost_at)), DATE 'infinity')
$$;

-- Serialises the writers of these customers (see the top); contacts holds each customer once.
CREATE FUNCTION lead_open_work_lock(contacts uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF contacts IS NULL OR cardinality(contacts) = 0 THEN
        RETURN;
    ELSIF cardinality(contacts) > 1000 THEN
        PERFORM pg_advisory_xact_lock(CAST(47 AS bigint));
    ELSE
        PERFORM pg_advisory_xact_lock_shared(CAST(47 AS bigint));
        PERFORM pg_advisory_xact_lock(47, hashtext(t.id::text)) FROM (SELECT u.id FROM unnest(contacts) AS u(id) ORDER BY u.id) AS t;
    END IF;
END $$;

-- Adds a difference (rows of the rollup's shape, one per key) to the rollup, in key order; rows left at zero go.
CREATE FUNCTION lead_open_work_apply(delta lead_open_work_month[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO lead_open_work_month AS r (owner_id, region, created_month, closed_month, month, leads, interactions)
    SELECT d.owner_id, d.region, d.created_month, d.closed_month, d.month, d.leads, d.interactions
    FROM unnest(delta) AS d WHERE d.leads <> 0 OR d.interactions <> 0
    ORDER BY d.owner_id, d.region, d.created_month, d.closed_month, d.month
    ON CONFLICT (owner_id, region, created_month, closed_month, month) DO UPDATE
        SET leads = r.leads + EXCLUDED.leads, interactions = r.interactions + EXCLUDED.interactions;
    DELETE FROM lead_open_work_month r WHERE r.leads = 0 AND r.interactions = 0;
END $$;

-- Leads inserted: each lead, and its pairs with every interaction on its customer.
CREATE FUNCTION lead_open_work_after_lead_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_open_work_lock(ARRAY(SELECT DISTINCT n.contact_id FROM new_rows n));
    PERFORM lead_open_work_apply(ARRAY(
        SELECT CAST(ROW(d.owner_id, d.region, d.created_month, d.closed_month, d.month, sum(d.leads), sum(d.interactions)) AS lead_open_work_month)
        FROM (SELECT l.owner_id, l.region, lead_open_work_month_of(l.created_at) AS created_month,
                     lead_open_work_closed_month(l.converted_at, l.lost_at) AS closed_month, DATE '-infinity' AS month,
                     l.sign AS leads, 0 AS interactions
              FROM (SELECT 1 AS sign, n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at FROM new_rows n) AS l
              UNION ALL
              SELECT l.owner_id, l.region, lead_open_work_month_of(l.created_at), lead_open_work_closed_month(l.converted_at, l.lost_at),
                     lead_open_work_month_of(i.occurred_at), 0, l.sign
              FROM (SELECT 1 AS sign, n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at FROM new_rows n) AS l JOIN interaction i ON i.contact_id = l.contact_id) AS d
        GROUP BY d.owner_id, d.region, d.created_month, d.closed_month, d.month));
    RETURN NULL;
END $$;

-- Leads changed in a counted column: their old rows out, their new rows in.
CREATE FUNCTION lead_open_work_after_lead_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE (o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at)
                         IS DISTINCT FROM (n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at)) THEN
        RETURN NULL;
    END IF;
    PERFORM lead_open_work_lock(ARRAY(SELECT o.contact_id FROM old_rows o WHERE EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id AND (o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at) IS DISTINCT FROM (n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at))
                                      UNION SELECT n.contact_id FROM new_rows n WHERE EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND (o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at) IS DISTINCT FROM (n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at))));
    PERFORM lead_open_work_apply(ARRAY(
        SELECT CAST(ROW(d.owner_id, d.region, d.created_month, d.closed_month, d.month, sum(d.leads), sum(d.interactions)) AS lead_open_work_month)
        FROM (SELECT l.owner_id, l.region, lead_open_work_month_of(l.created_at) AS created_month,
                     lead_open_work_closed_month(l.converted_at, l.lost_at) AS closed_month, DATE '-infinity' AS month,
                     l.sign AS leads, 0 AS interactions
              FROM (SELECT -1 AS sign, o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at
                    FROM old_rows o WHERE EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id AND (o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at) IS DISTINCT FROM (n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at))
                    UNION ALL SELECT 1 AS sign, n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at
                    FROM new_rows n WHERE EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND (o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at) IS DISTINCT FROM (n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at))) AS l
              UNION ALL
              SELECT l.owner_id, l.region, lead_open_work_month_of(l.created_at), lead_open_work_closed_month(l.converted_at, l.lost_at),
                     lead_open_work_month_of(i.occurred_at), 0, l.sign
              FROM (SELECT -1 AS sign, o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at
                    FROM old_rows o WHERE EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id AND (o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at) IS DISTINCT FROM (n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at))
                    UNION ALL SELECT 1 AS sign, n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at
                    FROM new_rows n WHERE EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND (o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at) IS DISTINCT FROM (n.owner_id, n.region, n.contact_id, n.created_at, n.converted_at, n.lost_at))) AS l JOIN interaction i ON i.contact_id = l.contact_id) AS d
        GROUP BY d.owner_id, d.region, d.created_month, d.closed_month, d.month));
    RETURN NULL;
END $$;

CREATE FUNCTION lead_open_work_after_lead_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_open_work_lock(ARRAY(SELECT DISTINCT o.contact_id FROM old_rows o));
    PERFORM lead_open_work_apply(ARRAY(
        SELECT CAST(ROW(d.owner_id, d.region, d.created_month, d.closed_month, d.month, sum(d.leads), sum(d.interactions)) AS lead_open_work_month)
        FROM (SELECT l.owner_id, l.region, lead_open_work_month_of(l.created_at) AS created_month,
                     lead_open_work_closed_month(l.converted_at, l.lost_at) AS closed_month, DATE '-infinity' AS month,
                     l.sign AS leads, 0 AS interactions
              FROM (SELECT -1 AS sign, o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at FROM old_rows o) AS l
              UNION ALL
              SELECT l.owner_id, l.region, lead_open_work_month_of(l.created_at), lead_open_work_closed_month(l.converted_at, l.lost_at),
                     lead_open_work_month_of(i.occurred_at), 0, l.sign
              FROM (SELECT -1 AS sign, o.owner_id, o.region, o.contact_id, o.created_at, o.converted_at, o.lost_at FROM old_rows o) AS l JOIN interaction i ON i.contact_id = l.contact_id) AS d
        GROUP BY d.owner_id, d.region, d.created_month, d.closed_month, d.month));
    RETURN NULL;
END $$;

-- Interactions inserted: their pairs with every lead of their customer.
CREATE FUNCTION lead_open_work_after_interaction_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_open_work_lock(ARRAY(SELECT DISTINCT n.contact_id FROM new_rows n));
    PERFORM lead_open_work_apply(ARRAY(
        SELECT CAST(ROW(x.owner_id, x.region, lead_open_work_month_of(x.created_at), lead_open_work_closed_month(x.converted_at, x.lost_at),
                        lead_open_work_month_of(i.occurred_at), 0, sum(i.sign)) AS lead_open_work_month)
        FROM (SELECT 1 AS sign, n.contact_id, n.occurred_at FROM new_rows n) AS i JOIN lead x ON x.contact_id = i.contact_id
        GROUP BY x.owner_id, x.region, lead_open_work_month_of(x.created_at), lead_open_work_closed_month(x.converted_at, x.lost_at),
                 lead_open_work_month_of(i.occurred_at)));
    RETURN NULL;
END $$;

CREATE FUNCTION lead_open_work_after_interaction_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE (o.contact_id, o.occurred_at) IS DISTINCT FROM (n.contact_id, n.occurred_at)) THEN
        RETURN NULL;
    END IF;
    PERFORM lead_open_work_lock(ARRAY(SELECT o.contact_id FROM old_rows o WHERE EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id AND (o.contact_id, o.occurred_at) IS DISTINCT FROM (n.contact_id, n.occurred_at))
                                      UNION SELECT n.contact_id FROM new_rows n WHERE EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND (o.contact_id, o.occurred_at) IS DISTINCT FROM (n.contact_id, n.occurred_at))));
    PERFORM lead_open_work_apply(ARRAY(
        SELECT CAST(ROW(x.owner_id, x.region, lead_open_work_month_of(x.created_at), lead_open_work_closed_month(x.converted_at, x.lost_at),
                        lead_open_work_month_of(i.occurred_at), 0, sum(i.sign)) AS lead_open_work_month)
        FROM (SELECT -1 AS sign, o.contact_id, o.occurred_at
              FROM old_rows o WHERE EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id AND (o.contact_id, o.occurred_at) IS DISTINCT FROM (n.contact_id, n.occurred_at))
              UNION ALL SELECT 1 AS sign, n.contact_id, n.occurred_at
              FROM new_rows n WHERE EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND (o.contact_id, o.occurred_at) IS DISTINCT FROM (n.contact_id, n.occurred_at))) AS i JOIN lead x ON x.contact_id = i.contact_id
        GROUP BY x.owner_id, x.region, lead_open_work_month_of(x.created_at), lead_open_work_closed_month(x.converted_at, x.lost_at),
                 lead_open_work_month_of(i.occurred_at)));
    RETURN NULL;
END $$;

CREATE FUNCTION lead_open_work_after_interaction_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_open_work_lock(ARRAY(SELECT DISTINCT o.contact_id FROM old_rows o));
    PERFORM lead_open_work_apply(ARRAY(
        SELECT CAST(ROW(x.owner_id, x.region, lead_open_work_month_of(x.created_at), lead_open_work_closed_month(x.converted_at, x.lost_at),
                        lead_open_work_month_of(i.occurred_at), 0, sum(i.sign)) AS lead_open_work_month)
        FROM (SELECT -1 AS sign, o.contact_id, o.occurred_at FROM old_rows o) AS i JOIN lead x ON x.contact_id = i.contact_id
        GROUP BY x.owner_id, x.region, lead_open_work_month_of(x.created_at), lead_open_work_closed_month(x.converted_at, x.lost_at),
                 lead_open_work_month_of(i.occurred_at)));
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

-- The rep ranking's other two statements read only index pages (issue 18): the period's new leads per owner
-- (reps.newLeads, the hours to first contact, within 24 h, converted: owner, created_at, contacted_at,
-- first_interaction_at, converted_at) and the activities due in the period per assignee (reps.activitiesOnTime:
-- assignee, due_at, status, overdue_at, completed_at). Same keys as the indexes they replace, so every statement those
-- served is served as before.
DROP INDEX lead_owner_created_idx;
CREATE INDEX lead_owner_created_idx ON lead (owner_id, created_at) INCLUDE (contacted_at, first_interaction_at, converted_at);
DROP INDEX activity_assignee_due_idx;
CREATE INDEX activity_assignee_due_idx ON activity (assignee_id, due_at) INCLUDE (status, overdue_at, completed_at);

-- Backfill from the leads and interactions already recorded.
INSERT INTO lead_open_work_month (owner_id, region, created_month, closed_month, month, leads, interactions)
SELECT d.owner_id, d.region, d.created_month, d.closed_month, d.month, sum(d.leads), sum(d.interactions)
FROM (SELECT l.owner_id, l.region, lead_open_work_month_of(l.created_at) AS created_month,
             lead_open_work_closed_month(l.converted_at, l.lost_at) AS closed_month, DATE '-infinity' AS month, 1 AS leads, 0 AS interactions
      FROM lead l
      UNION ALL
      SELECT l.owner_id, l.region, lead_open_work_month_of(l.created_at), lead_open_work_closed_month(l.converted_at, l.lost_at),
             lead_open_work_month_of(i.occurred_at), 0, 1
      FROM lead l JOIN interaction i ON i.contact_id = l.contact_id) AS d
GROUP BY d.owner_id, d.region, d.created_month, d.closed_month, d.month;
