-- Customers per owner and lifecycle stage, kept current (issue 18, analytics at a million customers): the lifecycle
-- section's customers per stage at an instant, its customers created and moves of a period, and the retention section's
-- churn base (customers in PURCHASE or LOYALTY at the start of each month) become sums over a few hundred rows per owner
-- instead of every customer's stage read back from the history. Owned by `contact`, published as
-- ContactReadModel.STAGE_COUNTS.
--
-- One row per owner, current stage, month of creation (calendar month of created_at in Asia/Shanghai, the business
-- time zone's default, so that a period's start or end is a month boundary) and archived state: the customers. The
-- customers created in a whole-month period (lifecycle.newCustomers) are a sum over its months; the month of creation
-- also lets a reader leave out the customers created after an instant without reading them: the rows of the months
-- before the instant's month, plus the customers created in its month before it (an index range, empty at a month
-- boundary).
CREATE TABLE contact_stage_count (
    owner_id      uuid        NOT NULL,
    stage         varchar(16) NOT NULL,
    created_month date        NOT NULL,
    archived      boolean     NOT NULL,
    customers     bigint      NOT NULL,
    PRIMARY KEY (owner_id, stage, created_month, archived)
);

-- "Moves after an instant": the history by time (the stage at an instant = the from_stage of the first move at or
-- after it, else the current stage). Covers what the readers need, so they read the index only.
CREATE INDEX contact_stage_history_changed_idx ON contact_stage_history (changed_at) INCLUDE (contact_id, id, from_stage, to_stage);

-- Adds the difference of a statement's rows (old rows out, new rows in) to the counts, in the writing transaction, in key
-- order, so that writers of one owner both count and do not deadlock. Rows whose owner, stage, creation month and
-- archived state did not change cancel out and write nothing (most contact updates).
CREATE FUNCTION contact_stage_count_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_stage_count AS s (owner_id, stage, created_month, archived, customers)
    SELECT n.owner_id, n.lifecycle_stage, CAST(date_trunc('month', n.created_at AT TIME ZONE 'Asia/Shanghai') AS date), n.archived_at IS NOT NULL, count(*)
    FROM new_rows n
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (owner_id, stage, created_month, archived) DO UPDATE SET customers = s.customers + excluded.customers;
    RETURN NULL;
END $$;

CREATE FUNCTION contact_stage_count_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_stage_count AS s (owner_id, stage, created_month, archived, customers)
    SELECT d.owner_id, d.stage, d.created_month, d.archived, sum(d.n)
    FROM (SELECT o.owner_id, o.lifecycle_stage AS stage, CAST(date_trunc('month', o.created_at AT TIME ZONE 'Asia/Shanghai') AS date) AS created_month, o.archived_at IS NOT NULL AS archived, -1 AS n
          FROM old_rows o
          UNION ALL
          SELECT n.owner_id, n.lifecycle_stage, CAST(date_trunc('month', n.created_at AT TIME ZONE 'Asia/Shanghai') AS date), n.archived_at IS NOT NULL, 1
          FROM new_rows n) AS d
    GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (owner_id, stage, created_month, archived) DO UPDATE SET customers = s.customers + excluded.customers;
    RETURN NULL;
END $$;

CREATE FUNCTION contact_stage_count_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_stage_count AS s (owner_id, stage, created_month, archived, customers)
    SELECT o.owner_id, o.lifecycle_stage, CAST(date_trunc('month', o.created_at AT TIME ZONE 'Asia/Shanghai') AS date), o.archived_at IS NOT NULL, -count(*)
    FROM old_rows o
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (owner_id, stage, created_month, archived) DO UPDATE SET customers = s.customers + excluded.customers;
    RETURN NULL;
END $$;

CREATE TRIGGER contact_stage_count_after_insert AFTER INSERT ON contact REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_stage_count_after_insert();
CREATE TRIGGER contact_stage_count_after_update AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_stage_count_after_update();
CREATE TRIGGER contact_stage_count_after_delete AFTER DELETE ON contact REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_stage_count_after_delete();

-- The stage moves of the customers, counted per owner (now), month of the move (changed_at, Asia/Shanghai), month of
-- creation (as above), archived or not (now), from stage ('' for a creation) and to stage. A whole-month period's moves
-- (lifecycle.moves, becameBuyers, churned, flow) are sums over its months. At an instant T that starts a month, the
-- customers not archived and created before T in a stage s were, at T, those in s now less the net flow into s of their
-- moves since T (creations left out): the moves of a customer since T lead, one after the other, from the stage it was
-- in at T to its current stage (the contact feature records every move with the change, from the stage it leaves).
-- Kept by triggers on the history (a move recorded, re-dated or removed) and on contact (a handover, an archiving or a
-- restore, a new creation time move the customer's moves to the new key), in the writing transaction, in key order.
CREATE TABLE contact_stage_move_count (
    owner_id      uuid        NOT NULL,
    move_month    date        NOT NULL,
    created_month date        NOT NULL,
    archived      boolean     NOT NULL,
    from_stage    varchar(16) NOT NULL,
    to_stage      varchar(16) NOT NULL,
    moves         bigint      NOT NULL,
    PRIMARY KEY (owner_id, move_month, created_month, archived, from_stage, to_stage)
);

CREATE FUNCTION contact_stage_move_count_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_stage_move_count AS s (owner_id, move_month, created_month, archived, from_stage, to_stage, moves)
    SELECT c.owner_id, CAST(date_trunc('month', h.changed_at AT TIME ZONE 'Asia/Shanghai') AS date), CAST(date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai') AS date), c.archived_at IS NOT NULL, coalesce(h.from_stage, ''), h.to_stage, count(*)
    FROM new_rows h JOIN contact c ON c.id = h.contact_id
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (owner_id, move_month, created_month, archived, from_stage, to_stage) DO UPDATE SET moves = s.moves + excluded.moves;
    RETURN NULL;
END $$;

CREATE FUNCTION contact_stage_move_count_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_stage_move_count AS s (owner_id, move_month, created_month, archived, from_stage, to_stage, moves)
    SELECT d.owner_id, d.move_month, d.created_month, d.archived, d.from_stage, d.to_stage, sum(d.n)
    FROM (SELECT c.owner_id, CAST(date_trunc('month', h.changed_at AT TIME ZONE 'Asia/Shanghai') AS date) AS move_month, CAST(date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai') AS date) AS created_month, c.archived_at IS NOT NULL AS archived,
                 coalesce(h.from_stage, '') AS from_stage, h.to_stage, -1 AS n
          FROM old_rows h JOIN contact c ON c.id = h.contact_id
          UNION ALL
          SELECT c.owner_id, CAST(date_trunc('month', h.changed_at AT TIME ZONE 'Asia/Shanghai') AS date), CAST(date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai') AS date), c.archived_at IS NOT NULL, coalesce(h.from_stage, ''), h.to_stage, 1
          FROM new_rows h JOIN contact c ON c.id = h.contact_id) AS d
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (owner_id, move_month, created_month, archived, from_stage, to_stage) DO UPDATE SET moves = s.moves + excluded.moves;
    RETURN NULL;
END $$;

CREATE FUNCTION contact_stage_move_count_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_stage_move_count AS s (owner_id, move_month, created_month, archived, from_stage, to_stage, moves)
    SELECT c.owner_id, CAST(date_trunc('month', h.changed_at AT TIME ZONE 'Asia/Shanghai') AS date), CAST(date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai') AS date), c.archived_at IS NOT NULL, coalesce(h.from_stage, ''), h.to_stage, -count(*)
    FROM old_rows h JOIN contact c ON c.id = h.contact_id
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (owner_id, move_month, created_month, archived, from_stage, to_stage) DO UPDATE SET moves = s.moves + excluded.moves;
    RETURN NULL;
END $$;

-- A customer handed over, archived or restored, or re-dated: its moves leave the old key for the new one.
CREATE FUNCTION contact_stage_move_count_after_contact_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_stage_move_count AS s (owner_id, move_month, created_month, archived, from_stage, to_stage, moves)
    SELECT d.owner_id, d.move_month, d.created_month, d.archived, d.from_stage, d.to_stage, sum(d.n)
    FROM (SELECT c.owner_id, c.created_month, c.archived, c.n, CAST(date_trunc('month', h.changed_at AT TIME ZONE 'Asia/Shanghai') AS date) AS move_month, coalesce(h.from_stage, '') AS from_stage, h.to_stage
          FROM (SELECT o.id, o.owner_id, CAST(date_trunc('month', o.created_at AT TIME ZONE 'Asia/Shanghai') AS date) AS created_month, o.archived_at IS NOT NULL AS archived, -1 AS n
                FROM old_rows o JOIN new_rows w ON w.id = o.id
                WHERE (o.owner_id, o.created_at, o.archived_at IS NULL) IS DISTINCT FROM (w.owner_id, w.created_at, w.archived_at IS NULL)
                UNION ALL
                SELECT w.id, w.owner_id, CAST(date_trunc('month', w.created_at AT TIME ZONE 'Asia/Shanghai') AS date), w.archived_at IS NOT NULL, 1
                FROM old_rows o JOIN new_rows w ON w.id = o.id
                WHERE (o.owner_id, o.created_at, o.archived_at IS NULL) IS DISTINCT FROM (w.owner_id, w.created_at, w.archived_at IS NULL)) AS c
          JOIN contact_stage_history h ON h.contact_id = c.id) AS d
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (owner_id, move_month, created_month, archived, from_stage, to_stage) DO UPDATE SET moves = s.moves + excluded.moves;
    RETURN NULL;
END $$;

CREATE TRIGGER contact_stage_move_count_after_insert AFTER INSERT ON contact_stage_history REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_stage_move_count_after_insert();
CREATE TRIGGER contact_stage_move_count_after_update AFTER UPDATE ON contact_stage_history REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_stage_move_count_after_update();
CREATE TRIGGER contact_stage_move_count_after_delete AFTER DELETE ON contact_stage_history REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_stage_move_count_after_delete();
CREATE TRIGGER contact_stage_move_count_after_contact_update AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_stage_move_count_after_contact_update();

-- Backfill from the customers and their moves as they are (the triggers above hold the tables' locks until this migration commits, so
-- no write slips between the count and the triggers).
INSERT INTO contact_stage_count (owner_id, stage, created_month, archived, customers)
SELECT c.owner_id, c.lifecycle_stage, CAST(date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai') AS date), c.archived_at IS NOT NULL, count(*)
FROM contact c
GROUP BY 1, 2, 3, 4;

INSERT INTO contact_stage_move_count (owner_id, move_month, created_month, archived, from_stage, to_stage, moves)
SELECT c.owner_id, CAST(date_trunc('month', h.changed_at AT TIME ZONE 'Asia/Shanghai') AS date), CAST(date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai') AS date), c.archived_at IS NOT NULL, coalesce(h.from_stage, ''), h.to_stage, count(*)
FROM contact_stage_history h JOIN contact c ON c.id = h.contact_id
GROUP BY 1, 2, 3, 4, 5, 6;
