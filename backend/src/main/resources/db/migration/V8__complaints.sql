-- Complaints (SPEC §7, 001 §2.2.3): the four-step playbook as a state machine with every transition
-- recorded, SLA due times per severity, breaches flagged and escalated once, the 24-hour follow-up.

CREATE TABLE complaint_sla_policy (
    severity              varchar(8) PRIMARY KEY CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    acknowledge_minutes   int NOT NULL CHECK (acknowledge_minutes > 0),
    resolve_minutes       int NOT NULL CHECK (resolve_minutes > 0),
    follow_up_minutes     int NOT NULL CHECK (follow_up_minutes > 0),
    warn_before_minutes   int NOT NULL CHECK (warn_before_minutes >= 0),
    updated_at            timestamptz NOT NULL,
    CONSTRAINT complaint_sla_order_chk CHECK (acknowledge_minutes <= resolve_minutes)
);
-- First response and resolution by severity; the follow-up call within 24 hours of the resolution (001).
INSERT INTO complaint_sla_policy VALUES
    ('CRITICAL', 30, 480, 1440, 10, now()),
    ('HIGH', 120, 1440, 1440, 30, now()),
    ('MEDIUM', 480, 4320, 1440, 60, now()),
    ('LOW', 1440, 10080, 1440, 120, now());

CREATE TABLE complaint (
    id                    uuid PRIMARY KEY,
    contact_id            uuid          NOT NULL REFERENCES contact (id),
    channel               varchar(16)   NOT NULL,
    category              varchar(20)   NOT NULL,
    severity              varchar(8)    NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    description           varchar(4000) NOT NULL,
    related_purchase_id   uuid REFERENCES purchase (id),
    state                 varchar(20)   NOT NULL CHECK (state IN ('RECEIVED', 'ACKNOWLEDGED', 'CAUSE_IDENTIFIED',
                                                     'SOLUTIONS_OFFERED', 'RESOLVED', 'FOLLOWED_UP', 'CLOSED')),
    assignee_id           uuid REFERENCES app_user (id),
    acknowledgement       varchar(2000),
    apology               varchar(2000),
    attributed_cause      varchar(20),
    cause_explanation     varchar(2000),
    options               text[],
    chosen_option         int,
    resolution_note       varchar(2000),
    satisfaction          int CHECK (satisfaction BETWEEN 1 AND 5),
    satisfaction_comment  varchar(2000),
    received_at           timestamptz   NOT NULL,
    acknowledged_at       timestamptz,
    resolved_at           timestamptz,
    followed_up_at        timestamptz,
    closed_at             timestamptz,
    acknowledge_due_at    timestamptz   NOT NULL,
    resolve_due_at        timestamptz   NOT NULL,
    follow_up_due_at      timestamptz,
    acknowledge_breached_at timestamptz,
    resolve_breached_at   timestamptz,
    follow_up_breached_at timestamptz,
    warned_at             timestamptz,
    escalated_at          timestamptz,
    escalated_to          uuid REFERENCES app_user (id),
    reopen_count          int           NOT NULL DEFAULT 0,
    created_by            uuid          NOT NULL REFERENCES app_user (id),
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    version               bigint        NOT NULL DEFAULT 0
);
CREATE INDEX complaint_contact_idx ON complaint (contact_id, received_at DESC);
CREATE INDEX complaint_state_idx ON complaint (state, received_at DESC, id);
CREATE INDEX complaint_assignee_open_idx ON complaint (assignee_id) WHERE state NOT IN ('FOLLOWED_UP', 'CLOSED');
CREATE INDEX complaint_received_idx ON complaint (received_at);
-- The SLA scan reads only what can still breach: small partial indexes on the due times.
CREATE INDEX complaint_ack_due_idx ON complaint (acknowledge_due_at)
    WHERE state = 'RECEIVED' AND acknowledge_breached_at IS NULL;
CREATE INDEX complaint_resolve_due_idx ON complaint (resolve_due_at)
    WHERE state IN ('RECEIVED', 'ACKNOWLEDGED', 'CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED') AND resolve_breached_at IS NULL;
CREATE INDEX complaint_follow_up_due_idx ON complaint (follow_up_due_at)
    WHERE state = 'RESOLVED' AND follow_up_breached_at IS NULL;
CREATE INDEX complaint_warn_idx ON complaint (resolve_due_at)
    WHERE state IN ('RECEIVED', 'ACKNOWLEDGED', 'CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED') AND warned_at IS NULL;

-- Every transition: who, when, what they wrote.
CREATE TABLE complaint_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id uuid          NOT NULL REFERENCES complaint (id),
    action       varchar(20)   NOT NULL,
    from_state   varchar(20),
    to_state     varchar(20)   NOT NULL,
    text         varchar(4000),
    actor_id     uuid REFERENCES app_user (id),
    at           timestamptz   NOT NULL
);
CREATE INDEX complaint_event_complaint_idx ON complaint_event (complaint_id, at, id);

-- Reminders now also serve complaints: the 24-hour follow-up call, a breach escalated to a manager,
-- and the warning before a breach.
ALTER TABLE reminder ADD COLUMN complaint_id uuid REFERENCES complaint (id);
ALTER TABLE reminder DROP CONSTRAINT reminder_reason_check;
ALTER TABLE reminder ADD CONSTRAINT reminder_reason_check
    CHECK (reason IN ('LEAD_NO_INTERACTION', 'COMPLAINT_FOLLOW_UP', 'COMPLAINT_ESCALATED', 'COMPLAINT_SLA_WARNING'));
CREATE UNIQUE INDEX reminder_open_complaint_uq ON reminder (complaint_id, reason) WHERE done_at IS NULL;
