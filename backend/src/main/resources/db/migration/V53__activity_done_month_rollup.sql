-- The rep ranking's "activities done on time" (issue 18, analytics at a million activities) without reading the period's
-- activities: the DONE activities counted per assignee and month of their due time (calendar months in the business
-- time zone Asia/Shanghai, GuanxiConfig.zone's default), with those done by their deadline (completed_at <= overdue_at).
-- Whether a DONE activity is due and on time does not depend on when it is read; the other activities counted as due
-- (still OPEN and past their deadline at "now") do, and the analytics count them live through
-- activity_open_due_idx below. Owned by `activity`, published as ActivityReadModel.DONE_BY_MONTH; the analytics read it
-- only in that zone, for whole months, with no region or tier filter (the rollup has the assignee, not the customer).
-- Kept in the writing transaction, whoever writes (the API, a rule's job, a merge, a bulk statement): statement-level
-- triggers add the difference of the transition rows. The difference depends on those rows alone (no other table is
-- read, unlike V47's pairs of leads and interactions), so no advisory lock is needed: rows are added to with
-- INSERT … ON CONFLICT DO UPDATE in key order, which serialises writers of one assignee × month without deadlocking
-- two multi-row statements against each other, and each adds to the other's committed value.
CREATE TABLE activity_done_month (
    assignee_id uuid   NOT NULL,
    month       date   NOT NULL,          -- first day of the month of due_at, Asia/Shanghai
    done        bigint NOT NULL,          -- DONE activities due in that month
    on_time     bigint NOT NULL,          -- of those, completed_at <= overdue_at
    PRIMARY KEY (assignee_id, month)
);

CREATE FUNCTION activity_done_month_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_done_month AS r (assignee_id, month, done, on_time)
    SELECT n.assignee_id, CAST(date_trunc('month', n.due_at AT TIME ZONE 'Asia/Shanghai') AS date), count(*),
           count(*) FILTER (WHERE n.completed_at <= n.overdue_at)
    FROM new_rows n WHERE n.status = 'DONE'
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (assignee_id, month) DO UPDATE SET done = r.done + EXCLUDED.done, on_time = r.on_time + EXCLUDED.on_time;
    RETURN NULL;
END $$;

-- Only the rows whose counted columns changed (notes, priorities, the overdue announcement move nothing): the old
-- values taken out, the new ones added.
CREATE FUNCTION activity_done_month_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_done_month AS r (assignee_id, month, done, on_time)
    SELECT v.assignee_id, CAST(date_trunc('month', v.due_at AT TIME ZONE 'Asia/Shanghai') AS date), sum(v.sign),
           sum(CASE WHEN v.completed_at <= v.overdue_at THEN v.sign ELSE 0 END)
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o.assignee_id, o.due_at, o.overdue_at, o.status, o.completed_at, -1),
                               (n.assignee_id, n.due_at, n.overdue_at, n.status, n.completed_at, 1))
        AS v(assignee_id, due_at, overdue_at, status, completed_at, sign)
    WHERE v.status = 'DONE'
      AND (o.assignee_id, o.due_at, o.overdue_at, o.status, o.completed_at)
          IS DISTINCT FROM (n.assignee_id, n.due_at, n.overdue_at, n.status, n.completed_at)
    GROUP BY 1, 2
    HAVING sum(v.sign) <> 0 OR sum(CASE WHEN v.completed_at <= v.overdue_at THEN v.sign ELSE 0 END) <> 0
    ORDER BY 1, 2
    ON CONFLICT (assignee_id, month) DO UPDATE
        SET done = r.done + EXCLUDED.done, on_time = r.on_time + EXCLUDED.on_time;
    RETURN NULL;
END $$;

CREATE FUNCTION activity_done_month_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_done_month AS r (assignee_id, month, done, on_time)
    SELECT o.assignee_id, CAST(date_trunc('month', o.due_at AT TIME ZONE 'Asia/Shanghai') AS date), -count(*),
           -count(*) FILTER (WHERE o.completed_at <= o.overdue_at)
    FROM old_rows o WHERE o.status = 'DONE'
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (assignee_id, month) DO UPDATE SET done = r.done + EXCLUDED.done, on_time = r.on_time + EXCLUDED.on_time;
    RETURN NULL;
END $$;

CREATE TRIGGER activity_done_month_after_insert AFTER INSERT ON activity REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION activity_done_month_after_insert();
CREATE TRIGGER activity_done_month_after_update AFTER UPDATE ON activity REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION activity_done_month_after_update();
CREATE TRIGGER activity_done_month_after_delete AFTER DELETE ON activity REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION activity_done_month_after_delete();

-- Backfill from the activities already recorded.
INSERT INTO activity_done_month (assignee_id, month, done, on_time)
SELECT a.assignee_id, CAST(date_trunc('month', a.due_at AT TIME ZONE 'Asia/Shanghai') AS date), count(*),
       count(*) FILTER (WHERE a.completed_at <= a.overdue_at)
FROM activity a WHERE a.status = 'DONE'
GROUP BY 1, 2;

-- The live part: the OPEN activities due in a period and past their deadline, read from the index alone in due order
-- (the whole team's; one assignee's is served by activity_assignee_open_due_idx of V21 as before).
CREATE INDEX activity_open_due_idx ON activity (due_at) INCLUDE (assignee_id, overdue_at) WHERE status = 'OPEN';
