-- The loyalty section for a rep at a million customers (issue 18): a rep's figures were scoped by joining every points
-- entry and account of the period to contact for its owner (~300 ms each on 1 M customers). Owned by `loyalty`, read
-- through LoyaltyReadModel.FLOWS_BY_OWNER_MONTH and the owner_id of LoyaltyReadModel.BALANCES.
--   loyalty_account.owner_id   the customer's owner now (indexed): the points held, scoped to an owner, read the
--                              owner's accounts only.
--   loyalty_points_month       per owner now and calendar month (Asia/Shanghai) of the entry: the points issued,
--                              redeemed and expired, as the analytics count them (LoyaltyRepository.Flow):
--                              issued   EARN, REFERRAL_BONUS or a positive ADJUST: points
--                              redeemed REDEEM or cause REDEMPTION_CANCELLED: -points
--                              expired  EXPIRE: -points
-- Locking: every ledger write locks the customer's account first (PointsLedgerRepository, PointsExpiryRepository), so the
-- entry trigger reads the owner from the account FOR NO KEY UPDATE (no new lock order, never contact); a handover
-- (contact update) first moves the accounts (waiting for ledger writers of those accounts to commit), then in a new
-- statement, whose snapshot sees what they wrote under the old owner, moves the months' sums.
ALTER TABLE loyalty_account ADD COLUMN owner_id uuid;
UPDATE loyalty_account a SET owner_id = c.owner_id FROM contact c WHERE c.id = a.contact_id;
ALTER TABLE loyalty_account ALTER COLUMN owner_id SET NOT NULL;
CREATE INDEX loyalty_account_owner_idx ON loyalty_account (owner_id) INCLUDE (contact_id, balance);

-- A new account (or one moved to another customer) takes its customer's owner, read FOR SHARE: a handover committing
-- meanwhile is either seen or waits for this transaction and then moves this account too.
CREATE FUNCTION loyalty_account_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.owner_id INTO NEW.owner_id FROM contact c WHERE c.id = NEW.contact_id FOR SHARE;
    RETURN NEW;
END $$;
CREATE TRIGGER loyalty_account_owner BEFORE INSERT OR UPDATE OF contact_id ON loyalty_account
    FOR EACH ROW EXECUTE FUNCTION loyalty_account_owner();

CREATE TABLE loyalty_points_month (
    owner_id uuid   NOT NULL,
    month    date   NOT NULL,  -- first day of the month, Asia/Shanghai
    issued   bigint NOT NULL,
    redeemed bigint NOT NULL,
    expired  bigint NOT NULL,
    PRIMARY KEY (owner_id, month)
);

-- The entries of a statement add to their owner's months (the owner of their account: every entry has one), in one
-- set-based statement, rollup rows in key order.
CREATE FUNCTION loyalty_points_month_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH o AS (SELECT a.contact_id, a.owner_id FROM loyalty_account a WHERE a.contact_id IN (SELECT n.contact_id FROM new_rows n)
               ORDER BY a.contact_id FOR NO KEY UPDATE)
    INSERT INTO loyalty_points_month AS r (owner_id, month, issued, redeemed, expired)
    SELECT o.owner_id, CAST(date_trunc('month', n.created_at AT TIME ZONE 'Asia/Shanghai') AS date),
           COALESCE(sum(n.points) FILTER (WHERE n.kind IN ('EARN', 'REFERRAL_BONUS') OR (n.kind = 'ADJUST' AND n.points > 0)), 0),
           COALESCE(sum(-n.points) FILTER (WHERE n.kind = 'REDEEM' OR n.cause = 'REDEMPTION_CANCELLED'), 0),
           COALESCE(sum(-n.points) FILTER (WHERE n.kind = 'EXPIRE'), 0)
    FROM new_rows n JOIN o ON o.contact_id = n.contact_id
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (owner_id, month) DO UPDATE
        SET issued = r.issued + EXCLUDED.issued, redeemed = r.redeemed + EXCLUDED.redeemed, expired = r.expired + EXCLUDED.expired;
    RETURN NULL;
END $$;
CREATE TRIGGER loyalty_points_month_after_insert AFTER INSERT ON points_entry REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION loyalty_points_month_after_insert();

-- A handover (the customer's owner changes, by whatever statement) moves the customer's account and month sums.
CREATE FUNCTION loyalty_after_owner_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.owner_id IS DISTINCT FROM n.owner_id) THEN
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
CREATE TRIGGER loyalty_after_owner_change AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION loyalty_after_owner_change();

-- Backfill from the entries already recorded.
INSERT INTO loyalty_points_month (owner_id, month, issued, redeemed, expired)
SELECT c.owner_id, CAST(date_trunc('month', e.created_at AT TIME ZONE 'Asia/Shanghai') AS date),
       COALESCE(sum(e.points) FILTER (WHERE e.kind IN ('EARN', 'REFERRAL_BONUS') OR (e.kind = 'ADJUST' AND e.points > 0)), 0),
       COALESCE(sum(-e.points) FILTER (WHERE e.kind = 'REDEEM' OR e.cause = 'REDEMPTION_CANCELLED'), 0),
       COALESCE(sum(-e.points) FILTER (WHERE e.kind = 'EXPIRE'), 0)
FROM points_entry e JOIN contact c ON c.id = e.contact_id
GROUP BY 1, 2;
