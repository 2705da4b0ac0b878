-- Satisfaction and NPS surveys (issue 17 item 8; 004 客户满意度和净推荐值调查): a versioned policy, personal
-- invitations with an unguessable token, at most one invitation per customer per policy period (a gate row per
-- customer, claimed by one conditional upsert), and at most one answer per invitation (the answer's primary key).
CREATE TABLE survey_policy (
    version            int PRIMARY KEY,
    expiry_days        int         NOT NULL CHECK (expiry_days BETWEEN 1 AND 90),
    min_days_between   int         NOT NULL CHECK (min_days_between BETWEEN 0 AND 730),
    triggers           text[]      NOT NULL,
    periodic_months    int         NOT NULL CHECK (periodic_months BETWEEN 1 AND 36),
    complaint_template varchar(8)  NOT NULL CHECK (complaint_template IN ('NPS', 'CSAT')),
    purchase_template  varchar(8)  NOT NULL CHECK (purchase_template IN ('NPS', 'CSAT')),
    created_at         timestamptz NOT NULL,
    created_by         uuid REFERENCES app_user (id)
);
INSERT INTO survey_policy (version, expiry_days, min_days_between, triggers, periodic_months, complaint_template,
                           purchase_template, created_at)
VALUES (1, 14, 90, '{COMPLAINT_CLOSED,PURCHASE,PERIODIC}', 12, 'CSAT', 'NPS', now());

-- One row per customer ever invited: when the last invitation was made. A new invitation claims the row with
-- INSERT … ON CONFLICT DO UPDATE … WHERE last_invited_at is old enough, so of two concurrent attempts inside
-- the period exactly one gets it (the other waits on the row and then finds it too recent).
CREATE TABLE survey_gate (
    contact_id      uuid PRIMARY KEY REFERENCES contact (id),
    last_invited_at timestamptz NOT NULL
);

CREATE TABLE survey_invitation (
    id             uuid PRIMARY KEY,
    -- 192 random bits from SecureRandom, base64url without padding (32 characters).
    token          varchar(64) NOT NULL UNIQUE CHECK (length(token) >= 22),
    contact_id     uuid        NOT NULL REFERENCES contact (id),
    template       varchar(8)  NOT NULL CHECK (template IN ('NPS', 'CSAT')),
    trigger        varchar(20) NOT NULL CHECK (trigger IN ('COMPLAINT_CLOSED', 'PURCHASE', 'PERIODIC', 'MANUAL')),
    source_id      uuid,
    policy_version int         NOT NULL REFERENCES survey_policy (version),
    created_at     timestamptz NOT NULL,
    created_by     uuid REFERENCES app_user (id),
    expires_at     timestamptz NOT NULL,
    sent_at        timestamptz,
    sent_by        uuid REFERENCES app_user (id),
    sent_channel   varchar(16) CHECK (sent_channel IN ('SMS', 'WECHAT', 'EMAIL', 'OTHER')),
    CHECK (expires_at > created_at)
);
CREATE INDEX survey_invitation_contact_idx ON survey_invitation (contact_id, created_at DESC);
CREATE INDEX survey_invitation_unsent_idx ON survey_invitation (created_at) WHERE sent_at IS NULL;

-- The primary key is the "one answer per invitation" rule: a second answer conflicts, however concurrent.
CREATE TABLE survey_answer (
    invitation_id uuid PRIMARY KEY REFERENCES survey_invitation (id),
    contact_id    uuid        NOT NULL REFERENCES contact (id),
    template      varchar(8)  NOT NULL CHECK (template IN ('NPS', 'CSAT')),
    score         int         NOT NULL,
    comment       varchar(1000),
    answered_at   timestamptz NOT NULL,
    CHECK ((template = 'NPS' AND score BETWEEN 0 AND 10) OR (template = 'CSAT' AND score BETWEEN 1 AND 5))
);
CREATE INDEX survey_answer_time_idx ON survey_answer (answered_at);
CREATE INDEX survey_answer_contact_idx ON survey_answer (contact_id, answered_at);
