-- The assignee index of V8 was partial on "open" (state NOT IN (FOLLOWED_UP, CLOSED)). Every SLA
-- condition implies that predicate, so on 1 M complaints the planner scanned all 200 000 open
-- complaints through it (143 ms when nothing was due) instead of the small due-time indexes
-- (docs/benchmarks.md). Keyed on the assignee alone, it serves only queries that name an assignee.
DROP INDEX complaint_assignee_open_idx;
CREATE INDEX complaint_assignee_idx ON complaint (assignee_id, state) WHERE assignee_id IS NOT NULL;
