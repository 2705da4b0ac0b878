-- When a lead first reached each step of the funnel (issue 18): the analytics cohort funnel and a rep's
-- time to first contact need it, and the status alone keeps no history. Steps are cumulative: a lead
-- that jumps NEW -> QUALIFIED was contacted then too; a won lead was qualified. lost_at is when the
-- lead was lost and is cleared when it is reopened (it is set exactly while the status is LOST).
ALTER TABLE lead
    ADD COLUMN contacted_at timestamptz,
    ADD COLUMN qualified_at timestamptz,
    ADD COLUMN converted_at timestamptz,
    ADD COLUMN lost_at      timestamptz;

-- Existing leads (approximate): the last edit stands for the move to the current status; a contacted lead
-- counts from its first interaction after it was created when that came earlier.
UPDATE lead l
SET contacted_at = CASE WHEN l.status IN ('CONTACTED', 'QUALIFIED', 'CONVERTED') THEN
                            LEAST(l.updated_at, (SELECT min(i.occurred_at) FROM interaction i
                                                 WHERE i.contact_id = l.contact_id AND i.occurred_at >= l.created_at)) END,
    qualified_at = CASE WHEN l.status IN ('QUALIFIED', 'CONVERTED') THEN l.updated_at END,
    converted_at = CASE WHEN l.status = 'CONVERTED' THEN l.updated_at END,
    lost_at      = CASE WHEN l.status = 'LOST' THEN l.updated_at END
WHERE l.status <> 'NEW';

ALTER TABLE lead ADD CONSTRAINT lead_lost_at_chk CHECK ((status = 'LOST') = (lost_at IS NOT NULL));

-- Analytics: the leads created in a period, the team's and one rep's.
CREATE INDEX lead_created_idx ON lead (created_at);
CREATE INDEX lead_owner_created_idx ON lead (owner_id, created_at);
-- Analytics: the activities due in a period across the team (one assignee's use activity_assignee_due_idx).
CREATE INDEX activity_due_idx ON activity (due_at);
