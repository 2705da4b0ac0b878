-- Leads that move (issue 15): why a lead was lost, from a taxonomy (the free text stays as its note),
-- and what a manager wrote when handing leads to someone else.
ALTER TABLE lead ADD COLUMN lost_reason_code varchar(16)
    CHECK (lost_reason_code IN ('PRICE', 'COMPETITOR', 'NO_NEED', 'NO_BUDGET', 'NO_RESPONSE', 'TIMING', 'PRODUCT_FIT', 'OTHER'));
UPDATE lead SET lost_reason_code = 'OTHER' WHERE status = 'LOST';
ALTER TABLE lead DROP CONSTRAINT lead_lost_reason_chk;
ALTER TABLE lead ADD CONSTRAINT lead_lost_reason_chk CHECK (status <> 'LOST' OR lost_reason_code IS NOT NULL);
ALTER TABLE lead ADD COLUMN assignment_note varchar(500);
