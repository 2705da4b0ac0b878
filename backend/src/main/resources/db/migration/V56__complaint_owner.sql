-- The service section for a rep at a million complaints (issue 18): every live count of a rep's complaints (open now,
-- overdue now, the deadlines missed this month, the durations of one hour for the median) joined the complaint to its
-- customer for the owner (~360 ms of the rep's ~460 ms on 1.1 M complaints). The complaint now carries its customer's
-- owner, owned by `complaint`, published as ComplaintReadModel.SLA_CLOCKS.owner_id:
--   complaint.owner_id   the customer's owner now: set from the customer when a complaint is recorded or moved to another
--                        customer (a merge, its undo), and moved when the customer is handed over, by whatever statement.
-- V48's rollups (complaint_month_rollup, complaint_resolve_hours) are now kept from the complaint's own owner_id: a
-- handover moves the complaints' owner_id, and that update moves their counts like any other change of a counted column.
-- This replaces V48's two statement triggers on contact, which joined a handover's transition tables to `complaint` and
-- computed every moved complaint's parts in one statement whose plan depended on estimates the planner does not have for
-- transition tables (a one-statement handover of 60 000 customers in the test suite's database ran past 600 s there).
--
-- Locking (as V48 and V52): a complaint recorded or moved reads its customer FOR SHARE, so a handover committing meanwhile
-- is either seen (the locking read returns the new owner) or waits for this transaction and then, in a statement whose
-- snapshot sees this complaint, moves it too. A step of the playbook (Hibernate writes contact_id unchanged) reads nothing.

-- V48's triggers come off first: the backfill below must not run them over 1.1 M complaints (it changes no count: the
-- rollups already count every complaint under its customer's owner now).
DROP TRIGGER complaint_month_after_insert ON complaint;
DROP TRIGGER complaint_month_after_update ON complaint;
DROP TRIGGER complaint_month_after_delete ON complaint;
DROP TRIGGER complaint_month_after_owner_change ON contact;
DROP TRIGGER complaint_resolve_hours_after_insert ON complaint;
DROP TRIGGER complaint_resolve_hours_after_update ON complaint;
DROP TRIGGER complaint_resolve_hours_after_delete ON complaint;
DROP TRIGGER complaint_resolve_hours_after_owner_change ON contact;
DROP FUNCTION complaint_month_after_owner_change();
DROP FUNCTION complaint_resolve_hours_after_owner_change();

ALTER TABLE complaint ADD COLUMN owner_id uuid;
UPDATE complaint c SET owner_id = k.owner_id FROM contact k WHERE k.id = c.contact_id;
ALTER TABLE complaint ALTER COLUMN owner_id SET NOT NULL;

-- A complaint recorded, or moved to another customer, takes that customer's owner.
CREATE FUNCTION complaint_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.contact_id IS DISTINCT FROM OLD.contact_id THEN
        SELECT k.owner_id INTO NEW.owner_id FROM contact k WHERE k.id = NEW.contact_id FOR SHARE;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER complaint_owner BEFORE INSERT OR UPDATE OF contact_id ON complaint
    FOR EACH ROW EXECUTE FUNCTION complaint_owner();

-- A handover (the customer's owner changes, by whatever statement) moves the customer's complaints. Set-based and safe for
-- any join order: the moved customers are materialised first (the join of the transition tables is aggregated whole, so
-- planned as a hash or merge join: an EXISTS over it may be planned as a nested loop, rows × rows when no owner changed),
-- nothing more is done when there are none (most contact updates change no owner), then their complaints are found by
-- complaint_contact_idx or one hash join.
CREATE FUNCTION complaint_owner_after_handover() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved uuid[];
    owners uuid[];
BEGIN
    SELECT array_agg(n.id), array_agg(n.owner_id) INTO moved, owners
    FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.owner_id IS DISTINCT FROM n.owner_id;
    IF moved IS NULL THEN
        RETURN NULL;
    END IF;
    UPDATE complaint c SET owner_id = m.owner_id FROM unnest(moved, owners) AS m(id, owner_id)
    WHERE c.contact_id = m.id AND c.owner_id <> m.owner_id;
    RETURN NULL;
END $$;
CREATE TRIGGER complaint_owner_after_handover AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_owner_after_handover();

-- V48's rollup triggers, reading the owner from the complaint rows themselves (no read of contact).
CREATE OR REPLACE FUNCTION complaint_month_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO complaint_month_rollup AS r (owner_id, month, category, severity, received, closed, acknowledge_due, acknowledge_met,
                                             resolve_due, resolve_met)
    SELECT n.owner_id, p.month, n.category, n.severity, sum(p.received), sum(p.closed), sum(p.acknowledge_due), sum(p.acknowledge_met),
           sum(p.resolve_due), sum(p.resolve_met)
    FROM new_rows n
    CROSS JOIN LATERAL complaint_month_parts(n.received_at, n.followed_up_at, n.acknowledge_due_at, n.acknowledged_at,
                                             n.resolve_due_at, n.resolved_at, 1) AS p
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (owner_id, month, category, severity) DO UPDATE
        SET received = r.received + EXCLUDED.received, closed = r.closed + EXCLUDED.closed,
            acknowledge_due = r.acknowledge_due + EXCLUDED.acknowledge_due, acknowledge_met = r.acknowledge_met + EXCLUDED.acknowledge_met,
            resolve_due = r.resolve_due + EXCLUDED.resolve_due, resolve_met = r.resolve_met + EXCLUDED.resolve_met;
    RETURN NULL;
END $$;

-- Only the rows whose counted columns changed, the owner now among them (a handover, a merge into another owner's
-- customer): the old values taken out under the old owner, the new ones added under the new.
CREATE OR REPLACE FUNCTION complaint_month_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH x AS (
        SELECT v.* FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES
            (o.owner_id, o.category, o.severity, o.received_at, o.followed_up_at, o.acknowledge_due_at, o.acknowledged_at,
             o.resolve_due_at, o.resolved_at, -1),
            (n.owner_id, n.category, n.severity, n.received_at, n.followed_up_at, n.acknowledge_due_at, n.acknowledged_at,
             n.resolve_due_at, n.resolved_at, 1))
            AS v(owner_id, category, severity, received_at, followed_up_at, acknowledge_due_at, acknowledged_at, resolve_due_at,
                 resolved_at, sign)
        WHERE (o.owner_id, o.category, o.severity, o.received_at, o.followed_up_at, o.acknowledge_due_at, o.acknowledged_at,
               o.resolve_due_at, o.resolved_at)
              IS DISTINCT FROM (n.owner_id, n.category, n.severity, n.received_at, n.followed_up_at, n.acknowledge_due_at,
               n.acknowledged_at, n.resolve_due_at, n.resolved_at))
    INSERT INTO complaint_month_rollup AS r (owner_id, month, category, severity, received, closed, acknowledge_due, acknowledge_met,
                                             resolve_due, resolve_met)
    SELECT x.owner_id, p.month, x.category, x.severity, sum(p.received), sum(p.closed), sum(p.acknowledge_due), sum(p.acknowledge_met),
           sum(p.resolve_due), sum(p.resolve_met)
    FROM x
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

CREATE OR REPLACE FUNCTION complaint_month_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO complaint_month_rollup AS r (owner_id, month, category, severity, received, closed, acknowledge_due, acknowledge_met,
                                             resolve_due, resolve_met)
    SELECT o.owner_id, p.month, o.category, o.severity, sum(p.received), sum(p.closed), sum(p.acknowledge_due), sum(p.acknowledge_met),
           sum(p.resolve_due), sum(p.resolve_met)
    FROM old_rows o
    CROSS JOIN LATERAL complaint_month_parts(o.received_at, o.followed_up_at, o.acknowledge_due_at, o.acknowledged_at,
                                             o.resolve_due_at, o.resolved_at, -1) AS p
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (owner_id, month, category, severity) DO UPDATE
        SET received = r.received + EXCLUDED.received, closed = r.closed + EXCLUDED.closed,
            acknowledge_due = r.acknowledge_due + EXCLUDED.acknowledge_due, acknowledge_met = r.acknowledge_met + EXCLUDED.acknowledge_met,
            resolve_due = r.resolve_due + EXCLUDED.resolve_due, resolve_met = r.resolve_met + EXCLUDED.resolve_met;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION complaint_resolve_hours_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO complaint_resolve_hours AS r (owner_id, month, hours, complaints, micros, micros_sq)
    SELECT n.owner_id, h.month, h.hours, sum(1), sum(h.micros), sum(h.micros * h.micros) FROM new_rows n
    CROSS JOIN LATERAL complaint_resolve_hours_part(n.received_at, n.resolved_at) AS h
    WHERE n.resolved_at IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (owner_id, month, hours) DO UPDATE SET complaints = r.complaints + EXCLUDED.complaints,
        micros = r.micros + EXCLUDED.micros, micros_sq = r.micros_sq + EXCLUDED.micros_sq;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION complaint_resolve_hours_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH x AS (
        SELECT v.* FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.owner_id, o.received_at, o.resolved_at, -1), (n.owner_id, n.received_at, n.resolved_at, 1))
            AS v(owner_id, received_at, resolved_at, sign)
        WHERE (o.owner_id, o.received_at, o.resolved_at) IS DISTINCT FROM (n.owner_id, n.received_at, n.resolved_at))
    INSERT INTO complaint_resolve_hours AS r (owner_id, month, hours, complaints, micros, micros_sq)
    SELECT x.owner_id, h.month, h.hours, sum(x.sign), sum(x.sign * h.micros), sum(x.sign * h.micros * h.micros) FROM x
    CROSS JOIN LATERAL complaint_resolve_hours_part(x.received_at, x.resolved_at) AS h
    GROUP BY 1, 2, 3 HAVING sum(x.sign) <> 0 OR sum(x.sign * h.micros) <> 0 OR sum(x.sign * h.micros * h.micros) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (owner_id, month, hours) DO UPDATE SET complaints = r.complaints + EXCLUDED.complaints,
        micros = r.micros + EXCLUDED.micros, micros_sq = r.micros_sq + EXCLUDED.micros_sq;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION complaint_resolve_hours_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO complaint_resolve_hours AS r (owner_id, month, hours, complaints, micros, micros_sq)
    SELECT o.owner_id, h.month, h.hours, sum(-1), -sum(h.micros), -sum(h.micros * h.micros) FROM old_rows o
    CROSS JOIN LATERAL complaint_resolve_hours_part(o.received_at, o.resolved_at) AS h
    WHERE o.resolved_at IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (owner_id, month, hours) DO UPDATE SET complaints = r.complaints + EXCLUDED.complaints,
        micros = r.micros + EXCLUDED.micros, micros_sq = r.micros_sq + EXCLUDED.micros_sq;
    RETURN NULL;
END $$;

CREATE TRIGGER complaint_month_after_insert AFTER INSERT ON complaint REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_month_after_insert();
CREATE TRIGGER complaint_month_after_update AFTER UPDATE ON complaint REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_month_after_update();
CREATE TRIGGER complaint_month_after_delete AFTER DELETE ON complaint REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_month_after_delete();
CREATE TRIGGER complaint_resolve_hours_after_insert AFTER INSERT ON complaint REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_resolve_hours_after_insert();
CREATE TRIGGER complaint_resolve_hours_after_update AFTER UPDATE ON complaint REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_resolve_hours_after_update();
CREATE TRIGGER complaint_resolve_hours_after_delete AFTER DELETE ON complaint REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_resolve_hours_after_delete();

-- The live counts, index-only with the owner (ServiceRepository):
-- overdue at an instant T, the complaints whose steps were all done before T (every one when T is now): open (not followed
-- up), and the due time of the first step not done has come; keyed by owner and that due time.
CREATE INDEX complaint_open_owner_due_idx ON complaint (owner_id, (CASE WHEN acknowledged_at IS NULL THEN acknowledge_due_at
    WHEN resolved_at IS NULL THEN resolve_due_at ELSE follow_up_due_at END))
    INCLUDE (received_at, acknowledged_at, resolved_at, acknowledge_due_at, resolve_due_at, follow_up_due_at)
    WHERE followed_up_at IS NULL;
-- the others, a step done at or after T (none when T is now; V48's late spans find them for a T in the past);
CREATE INDEX complaint_last_done_idx ON complaint ((greatest(acknowledged_at, resolved_at, followed_up_at)))
    WHERE greatest(acknowledged_at, resolved_at, followed_up_at) IS NOT NULL;
-- V48's indexes of the misses, the receipts and the durations, and V33's of the follow-ups, with the owner.
DROP INDEX complaint_acknowledge_missed_idx, complaint_resolve_missed_idx, complaint_received_follow_up_idx, complaint_followed_up_idx,
    complaint_resolve_duration_idx;
CREATE INDEX complaint_acknowledge_missed_idx ON complaint (acknowledge_due_at) INCLUDE (acknowledged_at, category, severity, contact_id, owner_id)
    WHERE acknowledged_at IS NULL OR acknowledged_at > acknowledge_due_at;
CREATE INDEX complaint_resolve_missed_idx ON complaint (resolve_due_at) INCLUDE (resolved_at, category, severity, contact_id, owner_id)
    WHERE resolved_at IS NULL OR resolved_at > resolve_due_at;
CREATE INDEX complaint_received_follow_up_idx ON complaint (received_at) INCLUDE (followed_up_at, contact_id, owner_id);
CREATE INDEX complaint_followed_up_idx ON complaint (followed_up_at) INCLUDE (received_at, owner_id);
CREATE INDEX complaint_resolve_duration_idx ON complaint ((resolved_at - received_at), resolved_at) INCLUDE (received_at, contact_id, owner_id)
    WHERE resolved_at IS NOT NULL;

-- The satisfaction after a complaint (SurveyReadModel.COMPLAINT_SATISFACTION) is the CSAT answers of the period: they were
-- found by a sequential scan of every answer (the benchmark's 200 000 NPS answers, none CSAT: 222-316 ms for THIS_YEAR on a
-- loaded machine); now read alone.
CREATE INDEX survey_answer_csat_idx ON survey_answer (answered_at) WHERE template = 'CSAT';

-- Same family, V52's handover trigger on contact (owned by `loyalty`): its gate, an EXISTS over the join of the transition
-- tables, is planned as a nested loop (the first match ends it), so a statement updating many customers without changing
-- an owner compared rows × rows (2 222 customers: 1.2 s measured; 60 000 would take ~730 times that). The gate now counts (a hash or merge join);
-- the rest of the body is V52's.
CREATE OR REPLACE FUNCTION loyalty_after_owner_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT count(*) FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.owner_id IS DISTINCT FROM n.owner_id) = 0 THEN
        RETURN NULL;
    END IF;
    UPDATE loyalty_account a SET owner_id = n.owner_id
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE a.contact_id = n.id AND o.owner_id IS DISTINCT FROM n.owner_id;
    WITH moved AS (
        SELECT n.id, o.owner_id AS old_owner, n.owner_id AS new_owner FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE o.owner_id IS DISTINCT FROM n.owner_id),
    parts AS (
        SELECT m.old_owner, m.new_owner, CAST(date_trunc('month', e.created_at AT TIME ZONE 'Asia/Shanghai') AS date) AS month,
               COALESCE(sum(e.points) FILTER (WHERE e.kind IN ('EARN', 'REFERRAL_BONUS') OR (e.kind = 'ADJUST' AND e.points > 0)), 0) AS issued,
               COALESCE(sum(-e.points) FILTER (WHERE e.kind = 'REDEEM' OR e.cause = 'REDEMPTION_CANCELLED'), 0) AS redeemed,
               COALESCE(sum(-e.points) FILTER (WHERE e.kind = 'EXPIRE'), 0) AS expired
        FROM moved m JOIN points_entry e ON e.contact_id = m.id GROUP BY 1, 2, 3),
    delta AS (
        SELECT s.owner_id, p.month, s.sign * p.issued AS issued, s.sign * p.redeemed AS redeemed, s.sign * p.expired AS expired
        FROM parts p CROSS JOIN LATERAL (VALUES (p.old_owner, -1), (p.new_owner, 1)) AS s(owner_id, sign))
    INSERT INTO loyalty_points_month AS r (owner_id, month, issued, redeemed, expired)
    SELECT d.owner_id, d.month, sum(d.issued), sum(d.redeemed), sum(d.expired)
    FROM delta d GROUP BY 1, 2
    HAVING sum(d.issued) <> 0 OR sum(d.redeemed) <> 0 OR sum(d.expired) <> 0
    ORDER BY 1, 2
    ON CONFLICT (owner_id, month) DO UPDATE
        SET issued = r.issued + EXCLUDED.issued, redeemed = r.redeemed + EXCLUDED.redeemed, expired = r.expired + EXCLUDED.expired;
    RETURN NULL;
END $$;
