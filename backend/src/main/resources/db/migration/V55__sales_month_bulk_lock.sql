-- V43's sales rollup took one advisory lock per customer a statement touched, held to the end of the transaction: a
-- statement over tens of thousands of customers (a bulk load of purchases, an owner change of a whole book by SQL) ran
-- out of lock slots ("out of shared memory", max_locks_per_transaction). Above 1 000 customers the refresh now takes one
-- exclusive lock instead, which every smaller writer holds shared before its per-customer locks (as V47 does): one at a
-- time while a bulk statement runs, unchanged otherwise. The body is V43's but for that lock.
CREATE OR REPLACE FUNCTION sales_month_refresh(contacts uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF contacts IS NULL OR cardinality(contacts) = 0 THEN
        RETURN;
    END IF;
    IF (SELECT count(DISTINCT u.id) FROM unnest(contacts) AS u(id)) > 1000 THEN
        PERFORM pg_advisory_xact_lock(CAST(18 AS bigint));
    ELSE
        PERFORM pg_advisory_xact_lock_shared(CAST(18 AS bigint));
        PERFORM pg_advisory_xact_lock(18, hashtext(t.id::text)) FROM (SELECT DISTINCT u.id FROM unnest(contacts) AS u(id) ORDER BY u.id) AS t;
    END IF;
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
