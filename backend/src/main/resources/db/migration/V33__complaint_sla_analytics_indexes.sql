-- Service analytics (issue 18) reads complaints by the time a deadline fell due, was kept or closed the complaint,
-- over any period: the SLA scan's partial indexes cover only what can still breach. With the done time included,
-- a manager's compliance over a year is an index-only range scan.
CREATE INDEX complaint_acknowledge_due_all_idx ON complaint (acknowledge_due_at) INCLUDE (acknowledged_at);
CREATE INDEX complaint_resolve_due_all_idx ON complaint (resolve_due_at) INCLUDE (resolved_at);
CREATE INDEX complaint_resolved_idx ON complaint (resolved_at) INCLUDE (received_at);
-- Open at an instant: not followed up (NULL, which a btree finds) or followed up after it.
CREATE INDEX complaint_followed_up_idx ON complaint (followed_up_at);
