-- In-app notifications (issue 15): what happened that someone should know, stored per recipient. The
-- text is a code (kind) the SPA translates; names are looked up when read, never copied here.
CREATE TABLE notification (
    id            uuid PRIMARY KEY,
    recipient_id  uuid         NOT NULL REFERENCES app_user (id),
    kind          varchar(32)  NOT NULL CHECK (kind IN ('LEAD_ASSIGNED', 'LEAD_REASSIGNED_AWAY', 'LEAD_CLAIMED',
                                                        'ESCALATION', 'ACTIVITY_OVERDUE', 'ACTIVITY_ASSIGNED',
                                                        'COMPLAINT_ASSIGNED', 'MENTION')),
    params        jsonb        NOT NULL DEFAULT '{}',
    -- What it is about, for the link; the target checks visibility when opened.
    contact_id    uuid,
    lead_id       uuid,
    activity_id   uuid,
    complaint_id  uuid,
    -- Who caused it; null for a rule.
    actor_id      uuid REFERENCES app_user (id),
    created_at    timestamptz  NOT NULL,
    read_at       timestamptz
);

CREATE INDEX notification_recipient_idx ON notification (recipient_id, created_at DESC, id DESC);
CREATE INDEX notification_unread_idx ON notification (recipient_id) WHERE read_at IS NULL;
