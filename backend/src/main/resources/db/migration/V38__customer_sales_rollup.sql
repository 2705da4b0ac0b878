-- Each customer's sales to date, one row per customer who has a purchase (issue 18, analytics at a million customers):
-- "bought before the period?" (new vs repeat buyers) and the CLV read one row per customer instead of probing or
-- summing all 10 000 000 purchases. Owned by `purchase`, published as PurchaseReadModel.CUSTOMER_SALES.
-- A sale counts while it is not refunded in full (amount > refunded_amount), as everywhere in analytics.
CREATE TABLE customer_sales (
    contact_id        uuid PRIMARY KEY,
    first_purchase_at timestamptz,                       -- any purchase, refunded ones included
    last_purchase_at  timestamptz,
    first_sale_at     timestamptz,                       -- the first purchase not refunded in full; null if none
    sales             integer        NOT NULL DEFAULT 0, -- purchases not refunded in full
    kept_revenue      numeric(16, 2) NOT NULL DEFAULT 0  -- amount less refunds, summed over every purchase
);

-- Kept fresh in the transaction that writes purchases, whoever writes them (the service, a refund, demo seeding, a
-- bulk load): after each statement the customers it touched are recomputed from their purchases (a handful of rows
-- through purchase_contact_idx). Each customer's row is created if missing and locked first, so two transactions
-- recording sales of one customer recompute it one after the other, the second seeing the first's purchases.
CREATE FUNCTION customer_sales_refresh(contacts uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_sales (contact_id) SELECT t.id FROM unnest(contacts) AS t(id) ORDER BY t.id ON CONFLICT DO NOTHING;
    PERFORM 1 FROM customer_sales s JOIN unnest(contacts) AS t(id) ON t.id = s.contact_id ORDER BY s.contact_id FOR UPDATE OF s;
    UPDATE customer_sales s
    SET first_purchase_at = a.first_purchase_at, last_purchase_at = a.last_purchase_at, first_sale_at = a.first_sale_at,
        sales = a.sales, kept_revenue = a.kept_revenue
    FROM (SELECT p.contact_id, min(p.occurred_at) AS first_purchase_at, max(p.occurred_at) AS last_purchase_at,
                 min(p.occurred_at) FILTER (WHERE p.amount > p.refunded_amount) AS first_sale_at,
                 count(*) FILTER (WHERE p.amount > p.refunded_amount) AS sales,
                 sum(p.amount - p.refunded_amount) AS kept_revenue
          FROM unnest(contacts) AS t(id) JOIN purchase p ON p.contact_id = t.id GROUP BY p.contact_id) AS a
    WHERE s.contact_id = a.contact_id;
    DELETE FROM customer_sales s USING unnest(contacts) AS t(id)
    WHERE s.contact_id = t.id AND NOT EXISTS (SELECT 1 FROM purchase p WHERE p.contact_id = s.contact_id);
END $$;

CREATE FUNCTION customer_sales_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM customer_sales_refresh((SELECT array_agg(DISTINCT n.contact_id) FROM new_rows n));
    RETURN NULL;
END $$;

CREATE FUNCTION customer_sales_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM customer_sales_refresh((SELECT array_agg(DISTINCT c.contact_id) FROM (
        SELECT o.contact_id FROM old_rows o UNION SELECT n.contact_id FROM new_rows n) AS c));
    RETURN NULL;
END $$;

CREATE FUNCTION customer_sales_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM customer_sales_refresh((SELECT array_agg(DISTINCT o.contact_id) FROM old_rows o));
    RETURN NULL;
END $$;

CREATE TRIGGER customer_sales_after_insert AFTER INSERT ON purchase REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_after_insert();
CREATE TRIGGER customer_sales_after_update AFTER UPDATE ON purchase REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_after_update();
CREATE TRIGGER customer_sales_after_delete AFTER DELETE ON purchase REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_after_delete();

-- Backfill from the purchases already recorded.
INSERT INTO customer_sales (contact_id, first_purchase_at, last_purchase_at, first_sale_at, sales, kept_revenue)
SELECT p.contact_id, min(p.occurred_at), max(p.occurred_at), min(p.occurred_at) FILTER (WHERE p.amount > p.refunded_amount),
       count(*) FILTER (WHERE p.amount > p.refunded_amount), sum(p.amount - p.refunded_amount)
FROM purchase p GROUP BY p.contact_id;
