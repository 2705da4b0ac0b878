-- The expiry as one hand-written statement over every due lot (same effect as PointsExpiry: lots zeroed,
-- balances lowered, one EXPIRE entry per account, lot uses), timed and rolled back so the job can run next.
\set ON_ERROR_STOP on
\timing on
BEGIN;
WITH due AS (SELECT id, contact_id, remaining FROM points_lot WHERE remaining > 0 AND expires_at <= now()),
zeroed AS (UPDATE points_lot l SET remaining = 0 FROM due WHERE l.id = due.id RETURNING l.id, l.contact_id, due.remaining AS points),
totals AS (SELECT contact_id, sum(points) AS points FROM zeroed GROUP BY contact_id),
accounts AS (UPDATE loyalty_account a SET balance = a.balance - t.points, updated_at = now() FROM totals t
             WHERE a.contact_id = t.contact_id RETURNING a.contact_id, a.balance, t.points),
entries AS (INSERT INTO points_entry (contact_id, kind, points, balance_after, cause, created_at)
            SELECT contact_id, 'EXPIRE', -points, balance, 'LOTS_EXPIRED', now() FROM accounts RETURNING id, contact_id),
uses AS (INSERT INTO points_lot_use (entry_id, lot_id, points) SELECT e.id, z.id, z.points FROM entries e JOIN zeroed z USING (contact_id)
         RETURNING points)
SELECT count(*) AS lots, sum(points) AS points FROM uses;
ROLLBACK;
