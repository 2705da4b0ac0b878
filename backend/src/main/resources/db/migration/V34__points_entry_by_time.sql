-- Analytics (issue 18): points issued, redeemed and expired in a period, and the liability at a past instant
-- (today's balances less what was entered since), read the ledger by time.
CREATE INDEX points_entry_created_idx ON points_entry (created_at) INCLUDE (contact_id, kind, cause, points);
