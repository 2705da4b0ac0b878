-- The value section's sales per owner and month (issue 18, analytics at a million customers): a year's revenue,
-- sales, buyers, new and repeat buyers and revenue by month become sums over a few hundred rows per owner instead of
-- grouping the year's 4.6 M sales per buyer. Owned by `purchase`, published as PurchaseReadModel.SALES_BY_OWNER_MONTH.
-- Months are calendar months in the business time zone Asia/Shanghai (GuanxiConfig.zone's default); the analytics read
-- it only when the service runs in that zone and the period is whole months, else they sum the raw sales as before.
-- A sale counts while it is not refunded in full (amount > refunded_amount); its revenue is the kept amount.

-- Each customer's months with at least one sale, with the month of their sale before and after (null: none), and the
-- customer's owner when the row was written (what the rollup row below was counted under).
CREATE TABLE customer_month_sales (
    contact_id uuid           NOT NULL,
    month      date           NOT NULL,       -- first day of the month, business time zone
    owner_id   uuid           NOT NULL,
    sales      integer        NOT NULL,
    revenue    numeric(16, 2) NOT NULL,
    prev_month date,
    next_month date,
    PRIMARY KEY (contact_id, month)
);

-- The customer months summed per owner, month, and what a period's buyer figures need to know without grouping per
-- buyer: for a period of months [A, B],
--   buyers         = customers of rows in [A, B] whose prev_month < A (a buyer's first month in the period),
--   new customers  = customers of rows in [A, B] whose prev_month = -infinity (no sale before that month),
--   one-time new   = customers of rows in [A, B] whose one_time_until > B (first month, one sale, next sale after B),
--   repeat buyers  = buyers - one-time new (two sales in the period, or one in it and one before).
-- one_time_until is the next month with a sale (infinity: none) for a customer's first month with exactly one sale,
-- else -infinity.
CREATE TABLE sales_month_rollup (
    owner_id       uuid           NOT NULL,
    month          date           NOT NULL,
    prev_month     date           NOT NULL,
    one_time_until date           NOT NULL,
    customers      integer        NOT NULL,
    sales          bigint         NOT NULL,
    revenue        numeric(18, 2) NOT NULL,
    PRIMARY KEY (owner_id, month, prev_month, one_time_until)
);

-- Recomputes the customer months of the given customers from their purchases and moves the difference into the
-- rollup, in the writing transaction. A transaction-level advisory lock per customer (taken in id order) makes two
-- writers of one customer (two sales, a sale and a handover) recompute one after the other, the second seeing the
-- first's rows; the rollup rows are updated in key order, by adding the difference, so writers of different
-- customers of one owner both count.
CREATE FUNCTION sales_month_refresh(contacts uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF contacts IS NULL OR cardinality(contacts) = 0 THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(18, hashtext(t.id::text)) FROM (SELECT DISTINCT u.id FROM unnest(contacts) AS u(id) ORDER BY u.id) AS t;
    WITH fresh AS (
        SELECT m.contact_id, c.owner_id, m.month, m.sales, m.revenue,
               lag(m.month) OVER w AS prev_month, lead(m.month) OVER w AS next_month
        FROM (SELECT p.contact_id, CAST(date_trunc('month', p.occurred_at AT TIME ZONE 'Asia/Shanghai') AS date) AS month,
                     count(*) AS sales, sum(p.amount - p.refunded_amount) AS revenue
              FROM purchase p WHERE p.contact_id = ANY (contacts) AND p.amount > p.refunded_amount GROUP BY 1, 2) AS m
        JOIN contact c ON c.id = m.contact_id
        WINDOW w AS (PARTITION BY m.contact_id ORDER BY m.month)),
    delta AS (
        SELECT f.owner_id, f.month, f.prev_month, f.next_month, f.sales, f.revenue, 1 AS sign FROM fresh f
        UNION ALL
        SELECT d.owner_id, d.month, d.prev_month, d.next_month, d.sales, d.revenue, -1 FROM customer_month_sales d
        WHERE d.contact_id = ANY (contacts)),
    sums AS (
        SELECT d.owner_id, d.month, COALESCE(d.prev_month, DATE '-infinity') AS prev_month,
               CASE WHEN d.prev_month IS NULL AND d.sales = 1 THEN COALESCE(d.next_month, DATE 'infinity') ELSE DATE '-infinity' END AS one_time_until,
               sum(d.sign) AS customers, sum(d.sign * d.sales) AS sales, sum(d.sign * d.revenue) AS revenue
        FROM delta d GROUP BY 1, 2, 3, 4
        HAVING sum(d.sign) <> 0 OR sum(d.sign * d.sales) <> 0 OR sum(d.sign * d.revenue) <> 0)
    INSERT INTO sales_month_rollup AS r (owner_id, month, prev_month, one_time_until, customers, sales, revenue)
    SELECT s.owner_id, s.month, s.prev_month, s.one_time_until, s.customers, s.sales, s.revenue
    FROM sums s ORDER BY s.owner_id, s.month, s.prev_month, s.one_time_until
    ON CONFLICT (owner_id, month, prev_month, one_time_until) DO UPDATE
        SET customers = r.customers + EXCLUDED.customers, sales = r.sales + EXCLUDED.sales, revenue = r.revenue + EXCLUDED.revenue;
    DELETE FROM customer_month_sales d WHERE d.contact_id = ANY (contacts);
    INSERT INTO customer_month_sales (contact_id, month, owner_id, sales, revenue, prev_month, next_month)
    SELECT m.contact_id, m.month, c.owner_id, m.sales, m.revenue, lag(m.month) OVER w, lead(m.month) OVER w
    FROM (SELECT p.contact_id, CAST(date_trunc('month', p.occurred_at AT TIME ZONE 'Asia/Shanghai') AS date) AS month,
                 count(*) AS sales, sum(p.amount - p.refunded_amount) AS revenue
          FROM purchase p WHERE p.contact_id = ANY (contacts) AND p.amount > p.refunded_amount GROUP BY 1, 2) AS m
    JOIN contact c ON c.id = m.contact_id
    WINDOW w AS (PARTITION BY m.contact_id ORDER BY m.month);
END $$;

CREATE FUNCTION sales_month_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM sales_month_refresh((SELECT array_agg(DISTINCT n.contact_id) FROM new_rows n));
    RETURN NULL;
END $$;

CREATE FUNCTION sales_month_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM sales_month_refresh((SELECT array_agg(DISTINCT c.contact_id) FROM (
        SELECT o.contact_id FROM old_rows o UNION SELECT n.contact_id FROM new_rows n) AS c));
    RETURN NULL;
END $$;

CREATE FUNCTION sales_month_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM sales_month_refresh((SELECT array_agg(DISTINCT o.contact_id) FROM old_rows o));
    RETURN NULL;
END $$;

-- A handover (the customer's owner changes, by whatever statement) moves the customer's months to the new owner.
CREATE FUNCTION sales_month_after_owner_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM sales_month_refresh((SELECT array_agg(DISTINCT n.id) FROM new_rows n JOIN old_rows o ON o.id = n.id
                                 WHERE o.owner_id IS DISTINCT FROM n.owner_id
                                   AND EXISTS (SELECT 1 FROM customer_month_sales d WHERE d.contact_id = n.id)));
    RETURN NULL;
END $$;

CREATE TRIGGER sales_month_after_insert AFTER INSERT ON purchase REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_month_after_insert();
CREATE TRIGGER sales_month_after_update AFTER UPDATE ON purchase REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_month_after_update();
CREATE TRIGGER sales_month_after_delete AFTER DELETE ON purchase REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_month_after_delete();
CREATE TRIGGER sales_month_after_owner_change AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sales_month_after_owner_change();

-- Backfill from the purchases already recorded.
INSERT INTO customer_month_sales (contact_id, month, owner_id, sales, revenue, prev_month, next_month)
SELECT m.contact_id, m.month, c.owner_id, m.sales, m.revenue, lag(m.month) OVER w, lead(m.month) OVER w
FROM (SELECT p.contact_id, CAST(date_trunc('month', p.occurred_at AT TIME ZONE 'Asia/Shanghai') AS date) AS month,
             count(*) AS sales, sum(p.amount - p.refunded_amount) AS revenue
      FROM purchase p WHERE p.amount > p.refunded_amount GROUP BY 1, 2) AS m
JOIN contact c ON c.id = m.contact_id
WINDOW w AS (PARTITION BY m.contact_id ORDER BY m.month);

INSERT INTO sales_month_rollup (owner_id, month, prev_month, one_time_until, customers, sales, revenue)
SELECT d.owner_id, d.month, COALESCE(d.prev_month, DATE '-infinity'),
       CASE WHEN d.prev_month IS NULL AND d.sales = 1 THEN COALESCE(d.next_month, DATE 'infinity') ELSE DATE '-infinity' END,
       count(*), sum(d.sales), sum(d.revenue)
FROM customer_month_sales d GROUP BY 1, 2, 3, 4;
