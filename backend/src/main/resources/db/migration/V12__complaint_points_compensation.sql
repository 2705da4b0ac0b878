-- Points a complaint's resolution gave the customer (the ledger entry says why and who).
ALTER TABLE complaint ADD COLUMN compensation_points bigint NOT NULL DEFAULT 0 CHECK (compensation_points >= 0);
