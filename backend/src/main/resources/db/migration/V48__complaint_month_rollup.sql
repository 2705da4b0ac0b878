-- The service section's complaint counts per owner and month (issue 18, analytics at a million complaints): a year's
-- received, first-response and resolution compliance by category, severity and month become sums over a few hundred
-- rows per owner instead of scanning the year's complaints ten times. Owned by `complaint`, published as
-- ComplaintReadModel.SLA_BY_OWNER_MONTH. Months are calendar months in the business time zone Asia/Shanghai
-- (GuanxiConfig.zone's default); the analytics read it only in that zone, for whole months and an owner scope at most.
-- Each complaint counts under its customer's owner now, in the month (of the instant named) of:
--   received         received_at
--   closed           greatest(received_at, followed_up_at), when followed up: "received before T and followed up
--                    before T" for a month boundary T, so open at T = received - closed over the months before T
--   acknowledge_due  acknowledge_due_at; acknowledge_met when acknowledged_at <= acknowledge_due_at
--   resolve_due      resolve_due_at;     resolve_met     when resolved_at     <= resolve_due_at
-- "Met" does not depend on when it is read (a deadline is kept before it falls due); what is still open and past due
-- at an instant is not stored (the analytics count it live).
CREATE TABLE complaint_month_rollup (
    owner_id        uuid        NOT NULL,
    month           date        NOT NULL,       -- first day of the month, business time zone
    category        varchar(20) NOT NULL,
    severity        varchar(8)  NOT NULL,
    received        bigint      NOT NULL,
    closed          bigint      NOT NULL,
    acknowledge_due bigint      NOT NULL,
    acknowledge_met bigint      NOT NULL,
    resolve_due     bigint      NOT NULL,
    resolve_met     bigint      NOT NULL,
    PRIMARY KEY (owner_id, month, category, severity)
);

-- One complaint's contributions as (month, measures) rows; sign -1 takes them out.
CREATE FUNCTION complaint_month_parts(received_at timestamptz, followed_up_at timestamptz, acknowledge_due_at timestamptz,
                                      acknowledged_at timestamptz, resolve_due_at timestamptz, resolved_at timestamptz, sign int)
    RETURNS TABLE (month date, received int, closed int, acknowledge_due int, acknowledge_met int, resolve_due int, resolve_met int)
    LANGUAGE sql STABLE AS $$
    SELECT CAST(date_trunc('month', v.at AT TIME ZONE 'Asia/Shanghai') AS date), v.r * sign, v.c * sign, v.ad * sign, v.am * sign,
           v.rd * sign, v.rm * sign
    FROM (VALUES (received_at, 1, 0, 0, 0, 0, 0),
                 (greatest(received_at, followed_up_at), 0, CASE WHEN followed_up_at IS NULL THEN 0 ELSE 1 END, 0, 0, 0, 0),
                 (acknowledge_due_at, 0, 0, 1, CASE WHEN acknowledged_at <= acknowledge_due_at THEN 1 ELSE 0 END, 0, 0),
                 (resolve_due_at, 0, 0, 0, 0, 1, CASE WHEN resolved_at <= resolve_due_at THEN 1 ELSE 0 END))
        AS v(at, r, c, ad, am, rd, rm)
$$;

-- The complaints of a statement's transition rows add their contributions to the rollup under their customer's owner
-- now, in one set-based statement (a bulk load of a million complaints is one pass). The customers are read FOR SHARE
-- (in id order), so a handover committing meanwhile is either seen (the locking read returns its owner) or waits for this
-- transaction and then moves what this one added; rollup rows are updated by adding, in key order, so writers of
-- complaints of one owner both count.
CREATE FUNCTION complaint_month_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH x AS (SELECT n.*, 1 AS sign FROM new_rows n),
    k AS (SELECT k.id, k.owner_id FROM contact k WHERE k.id IN (SELECT x.contact_id FROM x) ORDER BY k.id FOR SHARE)
    INSERT INTO complaint_month_rollup AS r (owner_id, month, category, severity, received, closed, acknowledge_due, acknowledge_met,
                                             resolve_due, resolve_met)
    SELECT k.owner_id, p.month, x.category, x.severity, sum(p.received), sum(p.closed), sum(p.acknowledge_due), sum(p.acknowledge_met),
           sum(p.resolve_due), sum(p.resolve_met)
    FROM x JOIN k ON k.id = x.contact_id
    CROSS JOIN LATERAL complaint_month_parts(x.received_at, x.followed_up_at, x.acknowledge_due_at, x.acknowledged_at,
                                             x.resolve_due_at, x.resolved_at, 1) AS p
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (owner_id, month, category, severity) DO UPDATE
        SET received = r.received + EXCLUDED.received, closed = r.closed + EXCLUDED.closed,
            acknowledge_due = r.acknowledge_due + EXCLUDED.acknowledge_due, acknowledge_met = r.acknowledge_met + EXCLUDED.acknowledge_met,
            resolve_due = r.resolve_due + EXCLUDED.resolve_due, resolve_met = r.resolve_met + EXCLUDED.resolve_met;
    RETURN NULL;
END $$;

-- Only the rows whose counted columns changed (the SLA scan's breach stamps, notes and states alone move nothing): the
-- old values taken out, the new ones added.
CREATE FUNCTION complaint_month_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH x AS (
        SELECT v.* FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES
            (o.contact_id, o.category, o.severity, o.received_at, o.followed_up_at, o.acknowledge_due_at, o.acknowledged_at,
             o.resolve_due_at, o.resolved_at, -1),
            (n.contact_id, n.category, n.severity, n.received_at, n.followed_up_at, n.acknowledge_due_at, n.acknowledged_at,
             n.resolve_due_at, n.resolved_at, 1))
            AS v(contact_id, category, severity, received_at, followed_up_at, acknowledge_due_at, acknowledged_at, resolve_due_at,
                 resolved_at, sign)
        WHERE (o.contact_id, o.category, o.severity, o.received_at, o.followed_up_at, o.acknowledge_due_at, o.acknowledged_at,
               o.resolve_due_at, o.resolved_at)
              IS DISTINCT FROM (n.contact_id, n.category, n.severity, n.received_at, n.followed_up_at, n.acknowledge_due_at,
               n.acknowledged_at, n.resolve_due_at, n.resolved_at)),
    k AS (SELECT k.id, k.owner_id FROM contact k WHERE k.id IN (SELECT x.contact_id FROM x) ORDER BY k.id FOR SHARE)
    INSERT INTO complaint_month_rollup AS r (owner_id, month, category, severity, received, closed, acknowledge_due, acknowledge_met,
                                             resolve_due, resolve_met)
    SELECT k.owner_id, p.month, x.category, x.severity, sum(p.received), sum(p.closed), sum(p.acknowledge_due), sum(p.acknowledge_met),
           sum(p.resolve_due), sum(p.resolve_met)
    FROM x JOIN k ON k.id = x.contact_id
    CROSS JOIN LATERAL complaint_month_parts(x.received_at, x.followed_up_at, x.acknowledge_due_at, x.acknowledged_at,
                                             x.resolve_due_at, x.resolved_at, x.sign) AS p
    GROUP BY 1, 2, 3, 4
    HAVING sum(p.received) <> 0 OR sum(p.closed) <> 0 OR sum(p.acknowledge_due) <> 0 OR sum(p.acknowledge_met) <> 0
        OR sum(p.resolve_due) <> 0 OR sum(p.resolve_met) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (owner_id, month, category, severity) DO UPDATE
        SET received = r.received + EXCLUDED.received, closed = r.closed + EXCLUDED.closed,
            acknowledge_due = r.acknowledge_due + EXCLUDED.acknowledge_due, acknowledge_met = r.acknowledge_met + EXCLUDED.acknowledge_met,
            resolve_due = r.resolve_due + EXCLUDED.resolve_due, resolve_met = r.resolve_met + EXCLUDED.resolve_met;
    RETURN NULL;
END $$;

CREATE FUNCTION complaint_month_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH x AS (SELECT o.*, -1 AS sign FROM old_rows o),
    k AS (SELECT k.id, k.owner_id FROM contact k WHERE k.id IN (SELECT x.contact_id FROM x) ORDER BY k.id FOR SHARE)
    INSERT INTO complaint_month_rollup AS r (owner_id, month, category, severity, received, closed, acknowledge_due, acknowledge_met,
                                             resolve_due, resolve_met)
    SELECT k.owner_id, p.month, x.category, x.severity, sum(p.received), sum(p.closed), sum(p.acknowledge_due), sum(p.acknowledge_met),
           sum(p.resolve_due), sum(p.resolve_met)
    FROM x JOIN k ON k.id = x.contact_id
    CROSS JOIN LATERAL complaint_month_parts(x.received_at, x.followed_up_at, x.acknowledge_due_at, x.acknowledged_at,
                                             x.resolve_due_at, x.resolved_at, -1) AS p
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (owner_id, month, category, severity) DO UPDATE
        SET received = r.received + EXCLUDED.received, closed = r.closed + EXCLUDED.closed,
            acknowledge_due = r.acknowledge_due + EXCLUDED.acknowledge_due, acknowledge_met = r.acknowledge_met + EXCLUDED.acknowledge_met,
            resolve_due = r.resolve_due + EXCLUDED.resolve_due, resolve_met = r.resolve_met + EXCLUDED.resolve_met;
    RETURN NULL;
END $$;

-- A handover (the customer's owner changes, by whatever statement) moves the customer's complaint counts to the new owner.
CREATE FUNCTION complaint_month_after_owner_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH moved AS (
        SELECT n.id, o.owner_id AS old_owner, n.owner_id AS new_owner FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE o.owner_id IS DISTINCT FROM n.owner_id),
    parts AS (
        SELECT m.old_owner, m.new_owner, c.category, c.severity, p.*
        FROM moved m JOIN complaint c ON c.contact_id = m.id
        CROSS JOIN LATERAL complaint_month_parts(c.received_at, c.followed_up_at, c.acknowledge_due_at, c.acknowledged_at,
                                                 c.resolve_due_at, c.resolved_at, 1) AS p),
    delta AS (
        SELECT s.owner_id, p.month, p.category, p.severity, s.sign * p.received AS received, s.sign * p.closed AS closed,
               s.sign * p.acknowledge_due AS acknowledge_due, s.sign * p.acknowledge_met AS acknowledge_met,
               s.sign * p.resolve_due AS resolve_due, s.sign * p.resolve_met AS resolve_met
        FROM parts p CROSS JOIN LATERAL (VALUES (p.old_owner, -1), (p.new_owner, 1)) AS s(owner_id, sign))
    INSERT INTO complaint_month_rollup AS r (owner_id, month, category, severity, received, closed, acknowledge_due, acknowledge_met,
                                             resolve_due, resolve_met)
    SELECT d.owner_id, d.month, d.category, d.severity, sum(d.received), sum(d.closed), sum(d.acknowledge_due), sum(d.acknowledge_met),
           sum(d.resolve_due), sum(d.resolve_met)
    FROM delta d GROUP BY 1, 2, 3, 4
    HAVING sum(d.received) <> 0 OR sum(d.closed) <> 0 OR sum(d.acknowledge_due) <> 0 OR sum(d.acknowledge_met) <> 0
        OR sum(d.resolve_due) <> 0 OR sum(d.resolve_met) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (owner_id, month, category, severity) DO UPDATE
        SET received = r.received + EXCLUDED.received, closed = r.closed + EXCLUDED.closed,
            acknowledge_due = r.acknowledge_due + EXCLUDED.acknowledge_due, acknowledge_met = r.acknowledge_met + EXCLUDED.acknowledge_met,
            resolve_due = r.resolve_due + EXCLUDED.resolve_due, resolve_met = r.resolve_met + EXCLUDED.resolve_met;
    RETURN NULL;
END $$;

CREATE TRIGGER complaint_month_after_insert AFTER INSERT ON complaint REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_month_after_insert();
CREATE TRIGGER complaint_month_after_update AFTER UPDATE ON complaint REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_month_after_update();
CREATE TRIGGER complaint_month_after_delete AFTER DELETE ON complaint REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_month_after_delete();
CREATE TRIGGER complaint_month_after_owner_change AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_month_after_owner_change();

-- Backfill from the complaints already recorded.
INSERT INTO complaint_month_rollup (owner_id, month, category, severity, received, closed, acknowledge_due, acknowledge_met,
                                    resolve_due, resolve_met)
SELECT k.owner_id, p.month, c.category, c.severity, sum(p.received), sum(p.closed), sum(p.acknowledge_due), sum(p.acknowledge_met),
       sum(p.resolve_due), sum(p.resolve_met)
FROM complaint c JOIN contact k ON k.id = c.contact_id
CROSS JOIN LATERAL complaint_month_parts(c.received_at, c.followed_up_at, c.acknowledge_due_at, c.acknowledged_at, c.resolve_due_at,
                                         c.resolved_at, 1) AS p
GROUP BY 1, 2, 3, 4;

-- What stays live is bounded by indexes over the deadlines not kept (few where the service keeps its SLAs):
-- the misses counted from the month of the as-of instant on (due by then, done late or not yet), index-only;
CREATE INDEX complaint_acknowledge_missed_idx ON complaint (acknowledge_due_at) INCLUDE (acknowledged_at, category, severity, contact_id)
    WHERE acknowledged_at IS NULL OR acknowledged_at > acknowledge_due_at;
CREATE INDEX complaint_resolve_missed_idx ON complaint (resolve_due_at) INCLUDE (resolved_at, category, severity, contact_id)
    WHERE resolved_at IS NULL OR resolved_at > resolve_due_at;
-- the complaints received since the start of the as-of instant's month and whether they were followed up, index-only;
CREATE INDEX complaint_received_follow_up_idx ON complaint (received_at) INCLUDE (followed_up_at, contact_id);
-- and the complaints overdue at an instant T: each clock's span from its due time to when it was done (open-ended while
-- not done), for the clocks done at or after their due time; a complaint overdue at T is on a clock whose span holds T.
CREATE INDEX complaint_acknowledge_late_span_idx ON complaint USING gist ((CASE WHEN acknowledged_at IS NULL OR acknowledged_at >= acknowledge_due_at
    THEN tstzrange(acknowledge_due_at, acknowledged_at, '[]') END)) WHERE acknowledged_at IS NULL OR acknowledged_at >= acknowledge_due_at;
CREATE INDEX complaint_resolve_late_span_idx ON complaint USING gist ((CASE WHEN resolved_at IS NULL OR resolved_at >= resolve_due_at
    THEN tstzrange(resolve_due_at, resolved_at, '[]') END)) WHERE resolved_at IS NULL OR resolved_at >= resolve_due_at;
CREATE INDEX complaint_follow_up_late_span_idx ON complaint USING gist ((CASE WHEN follow_up_due_at IS NOT NULL
    AND (followed_up_at IS NULL OR followed_up_at >= follow_up_due_at) THEN tstzrange(follow_up_due_at, followed_up_at, '[]') END))
    WHERE follow_up_due_at IS NOT NULL AND (followed_up_at IS NULL OR followed_up_at >= follow_up_due_at);

-- The median hours to resolve needs the durations themselves: the resolved complaints counted per owner now, month of
-- the resolution (Asia/Shanghai) and whole hours from receipt to resolution (floor). For a whole-month period the
-- analytics find the hour the median falls in from these counts; when every duration counted in that hour is the same
-- (count x sum of squares = sum squared) it is the sum / count, else they read the exact durations of that hour only,
-- through complaint_resolve_duration_idx (ordered by the duration); either way percentile_cont's answer exactly.
CREATE TABLE complaint_resolve_hours (
    owner_id   uuid   NOT NULL,
    month      date   NOT NULL,
    hours      bigint NOT NULL,
    complaints bigint  NOT NULL,
    micros     numeric NOT NULL,  -- the sum of their durations in microseconds
    micros_sq  numeric NOT NULL,  -- the sum of their squares: complaints x micros_sq = micros^2 when all are equal
    PRIMARY KEY (owner_id, month, hours)
);
CREATE FUNCTION complaint_resolve_hours_part(received_at timestamptz, resolved_at timestamptz) RETURNS TABLE (month date, hours bigint, micros numeric)
    LANGUAGE sql STABLE AS $$
    SELECT CAST(date_trunc('month', resolved_at AT TIME ZONE 'Asia/Shanghai') AS date),
           CAST(floor(extract(epoch FROM resolved_at - received_at) / 3600) AS bigint),
           extract(epoch FROM resolved_at - received_at) * 1000000
    WHERE resolved_at IS NOT NULL
$$;
CREATE FUNCTION complaint_resolve_hours_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH x AS (SELECT n.contact_id, n.received_at, n.resolved_at FROM new_rows n WHERE n.resolved_at IS NOT NULL),
    k AS (SELECT k.id, k.owner_id FROM contact k WHERE k.id IN (SELECT x.contact_id FROM x) ORDER BY k.id FOR SHARE)
    INSERT INTO complaint_resolve_hours AS r (owner_id, month, hours, complaints, micros, micros_sq)
    SELECT k.owner_id, h.month, h.hours, sum(1), sum(h.micros), sum(h.micros * h.micros) FROM x JOIN k ON k.id = x.contact_id
    CROSS JOIN LATERAL complaint_resolve_hours_part(x.received_at, x.resolved_at) AS h
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (owner_id, month, hours) DO UPDATE SET complaints = r.complaints + EXCLUDED.complaints,
        micros = r.micros + EXCLUDED.micros, micros_sq = r.micros_sq + EXCLUDED.micros_sq;
    RETURN NULL;
END $$;
CREATE FUNCTION complaint_resolve_hours_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH x AS (
        SELECT v.* FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.contact_id, o.received_at, o.resolved_at, -1), (n.contact_id, n.received_at, n.resolved_at, 1))
            AS v(contact_id, received_at, resolved_at, sign)
        WHERE (o.contact_id, o.received_at, o.resolved_at) IS DISTINCT FROM (n.contact_id, n.received_at, n.resolved_at)),
    k AS (SELECT k.id, k.owner_id FROM contact k WHERE k.id IN (SELECT x.contact_id FROM x) ORDER BY k.id FOR SHARE)
    INSERT INTO complaint_resolve_hours AS r (owner_id, month, hours, complaints, micros, micros_sq)
    SELECT k.owner_id, h.month, h.hours, sum(x.sign), sum(x.sign * h.micros), sum(x.sign * h.micros * h.micros) FROM x JOIN k ON k.id = x.contact_id
    CROSS JOIN LATERAL complaint_resolve_hours_part(x.received_at, x.resolved_at) AS h
    GROUP BY 1, 2, 3 HAVING sum(x.sign) <> 0 OR sum(x.sign * h.micros) <> 0 OR sum(x.sign * h.micros * h.micros) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (owner_id, month, hours) DO UPDATE SET complaints = r.complaints + EXCLUDED.complaints,
        micros = r.micros + EXCLUDED.micros, micros_sq = r.micros_sq + EXCLUDED.micros_sq;
    RETURN NULL;
END $$;
CREATE FUNCTION complaint_resolve_hours_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH x AS (SELECT o.contact_id, o.received_at, o.resolved_at FROM old_rows o WHERE o.resolved_at IS NOT NULL),
    k AS (SELECT k.id, k.owner_id FROM contact k WHERE k.id IN (SELECT x.contact_id FROM x) ORDER BY k.id FOR SHARE)
    INSERT INTO complaint_resolve_hours AS r (owner_id, month, hours, complaints, micros, micros_sq)
    SELECT k.owner_id, h.month, h.hours, sum(-1), -sum(h.micros), -sum(h.micros * h.micros) FROM x JOIN k ON k.id = x.contact_id
    CROSS JOIN LATERAL complaint_resolve_hours_part(x.received_at, x.resolved_at) AS h
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (owner_id, month, hours) DO UPDATE SET complaints = r.complaints + EXCLUDED.complaints,
        micros = r.micros + EXCLUDED.micros, micros_sq = r.micros_sq + EXCLUDED.micros_sq;
    RETURN NULL;
END $$;
CREATE FUNCTION complaint_resolve_hours_after_owner_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH moved AS (
        SELECT n.id, o.owner_id AS old_owner, n.owner_id AS new_owner FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE o.owner_id IS DISTINCT FROM n.owner_id),
    delta AS (
        SELECT s.owner_id, h.month, h.hours, s.sign, h.micros
        FROM moved m JOIN complaint c ON c.contact_id = m.id AND c.resolved_at IS NOT NULL
        CROSS JOIN LATERAL complaint_resolve_hours_part(c.received_at, c.resolved_at) AS h
        CROSS JOIN LATERAL (VALUES (m.old_owner, -1), (m.new_owner, 1)) AS s(owner_id, sign))
    INSERT INTO complaint_resolve_hours AS r (owner_id, month, hours, complaints, micros, micros_sq)
    SELECT d.owner_id, d.month, d.hours, sum(d.sign), sum(d.sign * d.micros), sum(d.sign * d.micros * d.micros) FROM delta d
    GROUP BY 1, 2, 3 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (owner_id, month, hours) DO UPDATE SET complaints = r.complaints + EXCLUDED.complaints,
        micros = r.micros + EXCLUDED.micros, micros_sq = r.micros_sq + EXCLUDED.micros_sq;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_resolve_hours_after_insert AFTER INSERT ON complaint REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_resolve_hours_after_insert();
CREATE TRIGGER complaint_resolve_hours_after_update AFTER UPDATE ON complaint REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_resolve_hours_after_update();
CREATE TRIGGER complaint_resolve_hours_after_delete AFTER DELETE ON complaint REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_resolve_hours_after_delete();
CREATE TRIGGER complaint_resolve_hours_after_owner_change AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_resolve_hours_after_owner_change();
INSERT INTO complaint_resolve_hours (owner_id, month, hours, complaints, micros, micros_sq)
SELECT k.owner_id, h.month, h.hours, count(*), sum(h.micros), sum(h.micros * h.micros) FROM complaint c JOIN contact k ON k.id = c.contact_id
CROSS JOIN LATERAL complaint_resolve_hours_part(c.received_at, c.resolved_at) AS h GROUP BY 1, 2, 3;
CREATE INDEX complaint_resolve_duration_idx ON complaint ((resolved_at - received_at), resolved_at) INCLUDE (received_at, contact_id)
    WHERE resolved_at IS NOT NULL;
