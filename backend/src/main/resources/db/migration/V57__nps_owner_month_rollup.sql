-- The retention section's NPS for a rep at a million customers (issue 18): `retention.nps`, its three groups and
-- `retention.npsByMonth` joined every NPS answer of the period to `contact` for the customer's owner (127 ms for the
-- manager, 217 ms for a rep over a year of 200 000 answers). Owned by `survey`, published as
-- SurveyReadModel.NPS_BY_OWNER_MONTH: the NPS answers counted per the customer's owner **now** and calendar month of
-- answering in the business time zone Asia/Shanghai (GuanxiConfig.zone's default); the analytics read it only in that
-- zone, for whole months, with no region or tier filter (the rollup has the owner only).
--   promoters   score 9–10 (Nps.PROMOTER_MIN)
--   passives    score 7–8
--   detractors  score 0–6 (Nps.DETRACTOR_MAX)
-- CSAT answers are not counted. Kept in the writing transaction, whoever writes (the public link, a merge moving the
-- answers of the merged customer and its undo, demo seeding, bulk SQL), by statement-level triggers that add the
-- statement's difference, rows in key order (INSERT … ON CONFLICT DO UPDATE: writers of one owner × month both count):
--   survey_answer  insert, delete, and an update of contact_id, template, score or answered_at (the privacy erasure of
--                  a comment writes nothing): the answers' customers are read FOR SHARE in id order, so a handover
--                  committing meanwhile is either seen (the locking read returns the new owner) or waits for this
--                  transaction and then moves what it added (as V48 does for complaints);
--   contact        a handover (the owner changes, by whatever statement) moves the customer's answers' months from
--                  the old owner to the new one.
CREATE TABLE nps_answer_month (
    owner_id   uuid   NOT NULL,
    month      date   NOT NULL,  -- first day of the month of answered_at, Asia/Shanghai
    promoters  bigint NOT NULL,
    passives   bigint NOT NULL,
    detractors bigint NOT NULL,
    PRIMARY KEY (owner_id, month)
);

-- Signed answers (contact, time, score, +1 or -1) added to their customers' owners now. A function of a set of rows, so
-- the three triggers below share it: each passes its transition rows as arrays.
CREATE FUNCTION nps_answer_month_add(contacts uuid[], answered timestamptz[], scores int[], signs int[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(contacts) = 0 THEN
        RETURN;
    END IF;
    WITH x AS (SELECT u.contact_id, u.answered_at, u.score, u.sign FROM unnest(contacts, answered, scores, signs)
                   AS u(contact_id, answered_at, score, sign)),
    k AS (SELECT k.id, k.owner_id FROM contact k WHERE k.id IN (SELECT x.contact_id FROM x) ORDER BY k.id FOR SHARE)
    INSERT INTO nps_answer_month AS r (owner_id, month, promoters, passives, detractors)
    SELECT k.owner_id, CAST(date_trunc('month', x.answered_at AT TIME ZONE 'Asia/Shanghai') AS date),
           COALESCE(sum(x.sign) FILTER (WHERE x.score >= 9), 0),
           COALESCE(sum(x.sign) FILTER (WHERE x.score BETWEEN 7 AND 8), 0),
           COALESCE(sum(x.sign) FILTER (WHERE x.score <= 6), 0)
    FROM x JOIN k ON k.id = x.contact_id
    GROUP BY 1, 2
    HAVING COALESCE(sum(x.sign) FILTER (WHERE x.score >= 9), 0) <> 0 OR COALESCE(sum(x.sign) FILTER (WHERE x.score BETWEEN 7 AND 8), 0) <> 0
        OR COALESCE(sum(x.sign) FILTER (WHERE x.score <= 6), 0) <> 0
    ORDER BY 1, 2
    ON CONFLICT (owner_id, month) DO UPDATE
        SET promoters = r.promoters + EXCLUDED.promoters, passives = r.passives + EXCLUDED.passives,
            detractors = r.detractors + EXCLUDED.detractors;
END $$;

CREATE FUNCTION nps_answer_month_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nps_answer_month_add(array_agg(n.contact_id), array_agg(n.answered_at), array_agg(n.score), array_agg(1))
    FROM new_rows n WHERE n.template = 'NPS' HAVING count(*) > 0;
    RETURN NULL;
END $$;

-- Only the answers whose counted columns changed: the old row taken out, the new one added (a trigger with transition
-- tables cannot name columns, so an update of the comment alone fires it and adds nothing).
CREATE FUNCTION nps_answer_month_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nps_answer_month_add(array_agg(v.contact_id), array_agg(v.answered_at), array_agg(v.score), array_agg(v.sign))
    FROM old_rows o JOIN new_rows n ON n.invitation_id = o.invitation_id
    CROSS JOIN LATERAL (VALUES (o.contact_id, o.template, o.answered_at, o.score, -1), (n.contact_id, n.template, n.answered_at, n.score, 1))
        AS v(contact_id, template, answered_at, score, sign)
    WHERE v.template = 'NPS'
      AND (o.contact_id, o.template, o.answered_at, o.score) IS DISTINCT FROM (n.contact_id, n.template, n.answered_at, n.score)
    HAVING count(*) > 0;
    RETURN NULL;
END $$;

CREATE FUNCTION nps_answer_month_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nps_answer_month_add(array_agg(o.contact_id), array_agg(o.answered_at), array_agg(o.score), array_agg(-1))
    FROM old_rows o WHERE o.template = 'NPS' HAVING count(*) > 0;
    RETURN NULL;
END $$;

-- A handover (the customer's owner changes, by whatever statement) moves the customer's answers to the new owner. The
-- contact rows are locked by the UPDATE itself, so every answer writer of these customers has committed (seen here) or
-- waits for this transaction (and then reads the new owner).
CREATE FUNCTION nps_answer_month_after_owner_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.owner_id IS DISTINCT FROM n.owner_id) THEN
        RETURN NULL;
    END IF;
    WITH moved AS (
        SELECT n.id, o.owner_id AS old_owner, n.owner_id AS new_owner FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE o.owner_id IS DISTINCT FROM n.owner_id),
    parts AS (
        SELECT m.old_owner, m.new_owner, CAST(date_trunc('month', a.answered_at AT TIME ZONE 'Asia/Shanghai') AS date) AS month,
               count(*) FILTER (WHERE a.score >= 9) AS promoters, count(*) FILTER (WHERE a.score BETWEEN 7 AND 8) AS passives,
               count(*) FILTER (WHERE a.score <= 6) AS detractors
        FROM moved m JOIN survey_answer a ON a.contact_id = m.id WHERE a.template = 'NPS' GROUP BY 1, 2, 3),
    delta AS (
        SELECT s.owner_id, p.month, s.sign * p.promoters AS promoters, s.sign * p.passives AS passives, s.sign * p.detractors AS detractors
        FROM parts p CROSS JOIN LATERAL (VALUES (p.old_owner, -1), (p.new_owner, 1)) AS s(owner_id, sign))
    INSERT INTO nps_answer_month AS r (owner_id, month, promoters, passives, detractors)
    SELECT d.owner_id, d.month, sum(d.promoters), sum(d.passives), sum(d.detractors)
    FROM delta d GROUP BY 1, 2
    HAVING sum(d.promoters) <> 0 OR sum(d.passives) <> 0 OR sum(d.detractors) <> 0
    ORDER BY 1, 2
    ON CONFLICT (owner_id, month) DO UPDATE
        SET promoters = r.promoters + EXCLUDED.promoters, passives = r.passives + EXCLUDED.passives,
            detractors = r.detractors + EXCLUDED.detractors;
    RETURN NULL;
END $$;

CREATE TRIGGER nps_answer_month_after_insert AFTER INSERT ON survey_answer REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION nps_answer_month_after_insert();
CREATE TRIGGER nps_answer_month_after_update AFTER UPDATE ON survey_answer
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION nps_answer_month_after_update();
CREATE TRIGGER nps_answer_month_after_delete AFTER DELETE ON survey_answer REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION nps_answer_month_after_delete();
CREATE TRIGGER nps_answer_month_after_owner_change AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION nps_answer_month_after_owner_change();

-- Backfill from the answers already recorded.
INSERT INTO nps_answer_month (owner_id, month, promoters, passives, detractors)
SELECT c.owner_id, CAST(date_trunc('month', a.answered_at AT TIME ZONE 'Asia/Shanghai') AS date),
       count(*) FILTER (WHERE a.score >= 9), count(*) FILTER (WHERE a.score BETWEEN 7 AND 8), count(*) FILTER (WHERE a.score <= 6)
FROM survey_answer a JOIN contact c ON c.id = a.contact_id
WHERE a.template = 'NPS'
GROUP BY 1, 2;
