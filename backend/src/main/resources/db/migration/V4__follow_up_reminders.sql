-- Follow-up reminders (001 §4.2: a lead with no interaction for 3 days gets a care reminder for its
-- owner). The care issue reuses them for other reasons.
CREATE TABLE reminder (
    id          uuid PRIMARY KEY,
    owner_id    uuid         NOT NULL REFERENCES app_user (id),
    contact_id  uuid         NOT NULL REFERENCES contact (id),
    lead_id     uuid REFERENCES lead (id),
    reason      varchar(32)  NOT NULL CHECK (reason IN ('LEAD_NO_INTERACTION')),
    note        varchar(500) NOT NULL,
    due_at      timestamptz  NOT NULL,
    done_at     timestamptz,
    created_at  timestamptz  NOT NULL
);
-- At most one open reminder per lead and reason: the job can run any number of times.
CREATE UNIQUE INDEX reminder_open_lead_uq ON reminder (lead_id, reason) WHERE done_at IS NULL;
CREATE INDEX reminder_owner_open_idx ON reminder (owner_id, due_at) WHERE done_at IS NULL;
