-- Activities (待办/跟进计划, SPEC §8): one model for everything someone must do about a customer. The
-- reminders of V4 and V8 become activities (same ids) and their table goes; /api/v1/reminders with it.
CREATE TABLE activity (
    id            uuid PRIMARY KEY,
    contact_id    uuid         NOT NULL REFERENCES contact (id),
    lead_id       uuid REFERENCES lead (id),
    complaint_id  uuid REFERENCES complaint (id),
    kind          varchar(32)  NOT NULL CHECK (kind IN ('CALL', 'VISIT', 'WECHAT', 'SMS', 'EMAIL', 'MEETING', 'CARE',
                                                        'FOLLOW_UP', 'COMPLAINT_FOLLOW_UP', 'ESCALATION', 'OTHER')),
    title         varchar(200),
    note          varchar(2000),
    assignee_id   uuid         NOT NULL REFERENCES app_user (id),
    due_at        timestamptz  NOT NULL,
    -- A due date without a time: due_at is the start of that day in the business time zone.
    all_day       boolean      NOT NULL DEFAULT false,
    -- When it becomes overdue: due_at, or the end of its day for an all-day one (set by the service,
    -- so that "overdue" and "due today" are plain range scans).
    overdue_at    timestamptz  NOT NULL,
    -- When its assignee was told it fell overdue (once; a reschedule resets it). Not an edit: no version bump.
    overdue_announced_at timestamptz,
    priority      varchar(8)   NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH')),
    status        varchar(16)  NOT NULL CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    outcome       varchar(2000),
    -- The rule that made it (a code the SPA translates, with its parameters), or null when a person did.
    origin_rule   varchar(40) CHECK (origin_rule IN ('LEAD_NO_INTERACTION', 'COMPLAINT_FOLLOW_UP',
                                                     'COMPLAINT_ESCALATED', 'COMPLAINT_SLA_WARNING')),
    origin_params jsonb        NOT NULL DEFAULT '{}',
    created_by    uuid REFERENCES app_user (id),
    created_at    timestamptz  NOT NULL,
    completed_by  uuid REFERENCES app_user (id),
    completed_at  timestamptz,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT activity_closed_has_time CHECK ((status = 'OPEN') = (completed_at IS NULL)),
    CONSTRAINT activity_has_origin CHECK (origin_rule IS NOT NULL OR created_by IS NOT NULL)
);

-- A rule makes at most one open activity per lead or complaint: its job can run any number of times.
CREATE UNIQUE INDEX activity_open_lead_rule_uq ON activity (lead_id, origin_rule) WHERE status = 'OPEN';
CREATE UNIQUE INDEX activity_open_complaint_rule_uq ON activity (complaint_id, origin_rule) WHERE status = 'OPEN';
-- Today: one's open activities by when they fall overdue; the agenda: one's activities by due time.
CREATE INDEX activity_assignee_open_idx ON activity (assignee_id, overdue_at) WHERE status = 'OPEN';
CREATE INDEX activity_assignee_due_idx ON activity (assignee_id, due_at);
CREATE INDEX activity_contact_idx ON activity (contact_id, due_at);
-- The "fell overdue" notification scan reads only what is open and not yet announced.
CREATE INDEX activity_unannounced_overdue_idx ON activity (overdue_at) WHERE status = 'OPEN' AND overdue_announced_at IS NULL;

INSERT INTO activity (id, contact_id, lead_id, complaint_id, kind, assignee_id, due_at, all_day, overdue_at, priority,
                      status, origin_rule, origin_params, created_at, completed_at, updated_at, overdue_announced_at)
SELECT r.id, r.contact_id, r.lead_id, r.complaint_id,
       CASE r.reason WHEN 'LEAD_NO_INTERACTION' THEN 'FOLLOW_UP'
                     WHEN 'COMPLAINT_ESCALATED' THEN 'ESCALATION'
                     ELSE 'COMPLAINT_FOLLOW_UP' END,
       r.owner_id, r.due_at, false, r.due_at,
       CASE WHEN r.reason IN ('COMPLAINT_ESCALATED', 'COMPLAINT_SLA_WARNING') THEN 'HIGH' ELSE 'NORMAL' END,
       CASE WHEN r.done_at IS NULL THEN 'OPEN' ELSE 'DONE' END,
       r.reason,
       -- The old notes were English sentences; what they said becomes parameters.
       CASE WHEN r.reason = 'LEAD_NO_INTERACTION' AND r.note ~ '[0-9]+'
                 THEN jsonb_build_object('days', substring(r.note FROM '[0-9]+'))
            WHEN r.reason = 'COMPLAINT_ESCALATED'
                 THEN jsonb_build_object('missed', CASE WHEN r.note LIKE '%first response%' THEN 'ACKNOWLEDGE'
                                                        WHEN r.note LIKE '%follow-up%' THEN 'FOLLOW_UP'
                                                        ELSE 'RESOLVE' END)
            ELSE '{}'::jsonb END,
       r.created_at, r.done_at, coalesce(r.done_at, r.created_at), now()
FROM reminder r;

DROP TABLE reminder;
