-- The CLV table (issue 18, analytics at a million customers) without reading every customer: customers who bought, and
-- what they kept buying to date (customer_sales.kept_revenue), counted per current owner and thousand-yuan band (0 for
-- 0–999.99 … 49 for 49 000–49 999.99, 50 for 50 000 and more), so any CLV bucket bounds that are whole thousands up to
-- 50 000 are sums of bands. Owned by `purchase`, published as PurchaseReadModel.SALES_BANDS_BY_OWNER; read only for the
-- current period (the stock now), else the analytics sum customer_sales as before.
CREATE TABLE customer_sales_band (
    owner_id  uuid           NOT NULL,
    band      smallint       NOT NULL CHECK (band BETWEEN 0 AND 50),
    customers bigint         NOT NULL,
    revenue   numeric(18, 2) NOT NULL,
    PRIMARY KEY (owner_id, band)
);

CREATE FUNCTION customer_sales_band_of(kept numeric) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(LEAST(GREATEST(floor(kept / 1000), 0), 50) AS smallint)
$$;

-- Adds a difference per (owner, band), in key order (writers of one owner's customers wait for each other's row, none
-- loses the other's count); rows left at zero go.
CREATE FUNCTION customer_sales_band_apply(delta jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_sales_band AS r (owner_id, band, customers, revenue)
    SELECT d.owner_id, d.band, d.customers, d.revenue
    FROM jsonb_to_recordset(delta) AS d(owner_id uuid, band smallint, customers bigint, revenue numeric)
    WHERE d.customers <> 0 OR d.revenue <> 0
    ORDER BY d.owner_id, d.band
    ON CONFLICT (owner_id, band) DO UPDATE SET customers = r.customers + EXCLUDED.customers, revenue = r.revenue + EXCLUDED.revenue;
    DELETE FROM customer_sales_band r WHERE r.customers = 0 AND r.revenue = 0;
END $$;

-- A customer_sales row counts once it has a purchase (first_purchase_at set), under its customer's owner now. The owner is
-- read with a share lock on the customer (in id order): a handover of the same customer (an UPDATE of contact) waits
-- for this transaction, or this read waits for the handover and sees its owner; either way the counts end up under the
-- owner the customer has.
CREATE FUNCTION customer_sales_band_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta jsonb;
BEGIN
    WITH changed AS (
        SELECT n.contact_id, n.kept_revenue, 1 AS sign FROM new_rows n WHERE n.first_purchase_at IS NOT NULL
        UNION ALL
        SELECT o.contact_id, o.kept_revenue, -1 FROM old_rows o WHERE o.first_purchase_at IS NOT NULL),
    owners AS (
        SELECT c.id, c.owner_id FROM contact c WHERE c.id IN (SELECT ch.contact_id FROM changed ch) ORDER BY c.id FOR SHARE)
    SELECT jsonb_agg(jsonb_build_object('owner_id', x.owner_id, 'band', x.band, 'customers', x.customers, 'revenue', x.revenue))
    INTO delta
    FROM (SELECT w.owner_id, customer_sales_band_of(ch.kept_revenue) AS band, sum(ch.sign) AS customers,
                 sum(ch.sign * ch.kept_revenue) AS revenue
          FROM changed ch JOIN owners w ON w.id = ch.contact_id GROUP BY 1, 2) AS x;
    IF delta IS NOT NULL THEN
        PERFORM customer_sales_band_apply(delta);
    END IF;
    RETURN NULL;
END $$;

-- Transition tables need one trigger per event; the function reads whichever exist (an empty set stands in for the other).
CREATE FUNCTION customer_sales_band_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta jsonb;
BEGIN
    WITH owners AS (
        SELECT c.id, c.owner_id FROM contact c WHERE c.id IN (SELECT n.contact_id FROM new_rows n WHERE n.first_purchase_at IS NOT NULL)
        ORDER BY c.id FOR SHARE)
    SELECT jsonb_agg(jsonb_build_object('owner_id', x.owner_id, 'band', x.band, 'customers', x.customers, 'revenue', x.revenue))
    INTO delta
    FROM (SELECT w.owner_id, customer_sales_band_of(n.kept_revenue) AS band, count(*) AS customers, sum(n.kept_revenue) AS revenue
          FROM new_rows n JOIN owners w ON w.id = n.contact_id GROUP BY 1, 2) AS x;
    IF delta IS NOT NULL THEN
        PERFORM customer_sales_band_apply(delta);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION customer_sales_band_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta jsonb;
BEGIN
    WITH owners AS (
        SELECT c.id, c.owner_id FROM contact c WHERE c.id IN (SELECT o.contact_id FROM old_rows o WHERE o.first_purchase_at IS NOT NULL)
        ORDER BY c.id FOR SHARE)
    SELECT jsonb_agg(jsonb_build_object('owner_id', x.owner_id, 'band', x.band, 'customers', x.customers, 'revenue', x.revenue))
    INTO delta
    FROM (SELECT w.owner_id, customer_sales_band_of(o.kept_revenue) AS band, -count(*) AS customers, -sum(o.kept_revenue) AS revenue
          FROM old_rows o JOIN owners w ON w.id = o.contact_id GROUP BY 1, 2) AS x;
    IF delta IS NOT NULL THEN
        PERFORM customer_sales_band_apply(delta);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER customer_sales_band_after_insert AFTER INSERT ON customer_sales REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_band_after_insert();
CREATE TRIGGER customer_sales_band_after_update AFTER UPDATE ON customer_sales REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_band_after_change();
CREATE TRIGGER customer_sales_band_after_delete AFTER DELETE ON customer_sales REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_band_after_delete();

-- A handover (the customer's owner changes, by whatever statement) moves the customer's band to the new owner. Runs after
-- the UPDATE took the customers' row locks, so a purchase of one of them in flight has committed (it held a share lock)
-- and its customer_sales row is read here as it is now.
CREATE FUNCTION customer_sales_band_after_owner_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta jsonb;
BEGIN
    SELECT jsonb_agg(jsonb_build_object('owner_id', x.owner_id, 'band', x.band, 'customers', x.customers, 'revenue', x.revenue))
    INTO delta
    FROM (SELECT m.owner_id, customer_sales_band_of(s.kept_revenue) AS band, sum(m.sign) AS customers, sum(m.sign * s.kept_revenue) AS revenue
          FROM (SELECT n.id, n.owner_id, 1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.owner_id <> n.owner_id
                UNION ALL
                SELECT o.id, o.owner_id, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.owner_id <> n.owner_id) AS m
          JOIN customer_sales s ON s.contact_id = m.id AND s.first_purchase_at IS NOT NULL
          GROUP BY 1, 2) AS x;
    IF delta IS NOT NULL THEN
        PERFORM customer_sales_band_apply(delta);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER customer_sales_band_after_owner_change AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_band_after_owner_change();

-- Backfill from the customers' sales to date.
INSERT INTO customer_sales_band (owner_id, band, customers, revenue)
SELECT c.owner_id, customer_sales_band_of(s.kept_revenue), count(*), sum(s.kept_revenue)
FROM customer_sales s JOIN contact c ON c.id = s.contact_id
WHERE s.first_purchase_at IS NOT NULL
GROUP BY 1, 2;
