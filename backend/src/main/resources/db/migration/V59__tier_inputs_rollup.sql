-- Tier recompute from per-customer rollups (issue 21 target 5). Owned by `tier`.
--
-- tier_input: each customer's recompute inputs as of the last recompute (the window (inputs_window_start,
-- inputs_as_of] of tier_state): kept revenue and kept sales in the window, first and last purchase up to then. The
-- next recompute brings it forward by recomputing from their purchases only the customers whose inputs can have
-- changed: those marked in tier_dirty since (a purchase written, refunded, moved or deleted), and those with a
-- purchase between the two window starts (ageing out) or between the two instants (coming of age). A full
-- classification then ranks the million rows of tier_input instead of grouping the ten million purchases.
CREATE TABLE tier_input (
    contact_id uuid PRIMARY KEY,
    revenue    numeric        NOT NULL, -- unconstrained: the same scale as the sum it holds
    cnt        integer        NOT NULL,
    aov        numeric        NOT NULL, -- revenue / cnt to the cent, 0 without a sale
    first_at   timestamptz    NOT NULL,
    last_at    timestamptz    NOT NULL,
    -- The classes the last recompute gave (as written to customer_value): the report's shares are summed over this
    -- one table when only a few customers were classified again.
    abc_tier      varchar(8),
    abcd_quadrant varchar(1),
    level         varchar(10)
);
-- Where a cut-off moved a little, the customers between its old and new value are found through these (and the value
-- at a position near the old one). A rebuild drops and creates them around its bulk insert (TierRecomputeRepository).
CREATE INDEX tier_input_revenue_idx ON tier_input (revenue);
CREATE INDEX tier_input_cnt_idx ON tier_input (cnt);
CREATE INDEX tier_input_aov_idx ON tier_input (aov);
CREATE INDEX tier_input_last_at_idx ON tier_input (last_at);

-- The window tier_input holds, and what the last classification's global cut-offs were (null: classify everyone
-- next time). One row at most; no row: tier_input is not current and the next recompute rebuilds it from purchases.
CREATE TABLE tier_state (
    id                  boolean PRIMARY KEY DEFAULT true CHECK (id),
    inputs_as_of        timestamptz NOT NULL,
    inputs_window_start timestamptz NOT NULL,
    policy_version      integer,          -- the policy of the last classification
    policy_key          text,             -- … and its parameters (TierRecompute.policyKey): the cut-offs are its own
    customers           bigint,           -- customers (contacts with a purchase up to then)
    paying              bigint,           -- of them with window revenue above 0
    total_revenue       numeric,          -- their window revenue
    median_count        double precision, -- percentile_cont(0.5) of paying customers' window sales
    median_order        double precision  -- … and of their average order
);

-- The cut-offs of the last classification, as values and where they stood in the order of all customers (RFM) or of
-- the paying ones (medians, ABC): a later recompute adds the changed customers' differences to below/upto, moves each
-- value to where it now stands (a few steps through the indexes above), and classifies again only the changed customers
-- and those between an old and a new value (TierCutoffs).
--   R1..R4, F1..F4, M1..M4: the least last purchase / window sales / window revenue scoring above k (RFM);
--                           below = customers with a smaller value, upto = with a smaller or equal one.
--   CNT_LO, CNT_HI, AOV_LO, AOV_HI: the two middle values of the paying customers' sales and average order.
--   ABC_A, ABC_B: the least revenue in tier A (in A or B); below = the revenue (or the number of paying customers,
--                 by the ABC method) of those above that value, upto = of those at or above it.
CREATE TABLE tier_cutoff (
    name     varchar(8) PRIMARY KEY,
    value    numeric,
    value_at timestamptz,
    below    numeric NOT NULL,
    upto     numeric NOT NULL
);

-- Customers whose purchases changed since the last recompute, one row per customer and writing statement (appended
-- by statement triggers on purchase; a recompute deletes exactly the rows it read, never one written meanwhile).
CREATE TABLE tier_dirty (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id uuid NOT NULL
);

CREATE FUNCTION tier_dirty_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tier_dirty (contact_id) SELECT DISTINCT n.contact_id FROM new_rows n;
    RETURN NULL;
END $$;

-- Only a change of what the recompute reads marks a customer (the customer, the time, the amounts).
CREATE FUNCTION tier_dirty_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tier_dirty (contact_id)
    SELECT DISTINCT c.contact_id FROM (
        SELECT o.contact_id, n.contact_id AS new_contact_id FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.contact_id, o.occurred_at, o.amount, o.refunded_amount) IS DISTINCT FROM
              (n.contact_id, n.occurred_at, n.amount, n.refunded_amount)) AS moved
    CROSS JOIN LATERAL (VALUES (moved.contact_id), (moved.new_contact_id)) AS c(contact_id);
    RETURN NULL;
END $$;

CREATE FUNCTION tier_dirty_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tier_dirty (contact_id) SELECT DISTINCT o.contact_id FROM old_rows o;
    RETURN NULL;
END $$;

-- A TRUNCATE of purchases leaves nothing to bring forward: the next recompute rebuilds.
CREATE FUNCTION tier_inputs_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tier_state;
    RETURN NULL;
END $$;

CREATE TRIGGER tier_dirty_after_insert AFTER INSERT ON purchase REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tier_dirty_after_insert();
CREATE TRIGGER tier_dirty_after_update AFTER UPDATE ON purchase REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tier_dirty_after_update();
CREATE TRIGGER tier_dirty_after_delete AFTER DELETE ON purchase REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tier_dirty_after_delete();
CREATE TRIGGER tier_inputs_after_truncate AFTER TRUNCATE ON purchase
    FOR EACH STATEMENT EXECUTE FUNCTION tier_inputs_forget();

-- No backfill: without a tier_state row the first recompute rebuilds tier_input from the purchases.
