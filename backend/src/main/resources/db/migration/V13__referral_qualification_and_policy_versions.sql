-- Issue 13 finding 2: a referral bonus needs a qualifying purchase of at least this much (CNY) by the
-- referred customer; a refund that takes that purchase below it reverses the bonus.
ALTER TABLE loyalty_policy ADD COLUMN referral_min_purchase numeric(12, 2) NOT NULL DEFAULT 100
    CHECK (referral_min_purchase >= 0);

-- Issue 13 finding 12: the SLA policy is edited with If-Match like every other resource; its ETag is
-- this version (the four rows change together).
ALTER TABLE complaint_sla_policy ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- The referral earning names the purchase that qualified it, so a refund of that purchase finds it.
CREATE INDEX points_earning_referral_purchase_idx ON points_earning (purchase_id) WHERE source = 'REFERRAL';

-- A refund may now reverse two things once each: the purchase's own points and the referrer's bonus.
DROP INDEX points_entry_refund_once_idx;
CREATE UNIQUE INDEX points_entry_refund_once_idx ON points_entry (refund_id, cause) WHERE kind = 'REVERSE';
