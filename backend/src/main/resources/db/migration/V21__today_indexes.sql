-- The today page for a rep with 300 000 customers and 1 000 000 activities (docs/benchmarks.md): each of
-- its counts and lists reads one of these, index-only where it counts. Measured before and after.
-- Open activities by due time, with when they fall overdue: "due today" and "the next 7 days".
CREATE INDEX activity_assignee_open_due_idx ON activity (assignee_id, due_at) INCLUDE (overdue_at) WHERE status = 'OPEN';
-- A rep's leads by status, best first: "new leads waiting".
CREATE INDEX lead_owner_status_score_idx ON lead (owner_id, status, score DESC);
-- A rep's customers by when they last heard from them: "customers gone quiet".
CREATE INDEX contact_owner_quiet_idx ON contact (owner_id, (coalesce(last_contacted_at, created_at))) INCLUDE (last_contacted_at, created_at)
    WHERE archived_at IS NULL AND lifecycle_stage IN ('PURCHASE', 'LOYALTY');
