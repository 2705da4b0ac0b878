-- Issue 19 items 3-5: rights requests (PIPL Art. 44-47, 50), anonymisation and the retention review.

-- When a customer's personal data was erased; the row stays (ids, stage, owner, dates) so the books add up.
ALTER TABLE contact ADD COLUMN anonymised_at timestamptz;

CREATE TABLE privacy_request (
    id               uuid PRIMARY KEY,
    contact_id       uuid          NOT NULL REFERENCES contact (id),
    kind             varchar(16)   NOT NULL CHECK (kind IN ('ACCESS', 'CORRECTION', 'DELETION', 'WITHDRAWAL', 'EXPLANATION')),
    state            varchar(16)   NOT NULL CHECK (state IN ('RECEIVED', 'VERIFIED', 'FULFILLED', 'REFUSED')),
    channel          varchar(16)   NOT NULL CHECK (channel IN ('PHONE', 'EMAIL', 'WECHAT', 'IN_PERSON', 'LETTER', 'OTHER')),
    details          varchar(2000),
    received_at      timestamptz   NOT NULL,
    due_on           date          NOT NULL,
    registered_by    uuid          NOT NULL REFERENCES app_user (id),
    verified_by      uuid REFERENCES app_user (id),
    verified_at      timestamptz,
    verification     varchar(500),
    handled_by       uuid REFERENCES app_user (id),
    handled_at       timestamptz,
    note             varchar(2000),
    refusal_reason   varchar(2000),
    -- The access copy as handed over (ACCESS, once fulfilled): one object of sections. Erased with the customer.
    access_copy      jsonb,
    rows_anonymised  int,
    version          bigint        NOT NULL DEFAULT 0,
    updated_at       timestamptz   NOT NULL,
    CHECK ((state = 'REFUSED') = (refusal_reason IS NOT NULL))
);
CREATE INDEX privacy_request_state_due_idx ON privacy_request (state, due_on);
CREATE INDEX privacy_request_contact_idx ON privacy_request (contact_id, received_at DESC);

-- The retention review: customers with no contact for the policy's years, listed monthly for an admin's decision.
CREATE TABLE retention_review (
    id               uuid PRIMARY KEY,
    contact_id       uuid          NOT NULL REFERENCES contact (id),
    last_contact_at  timestamptz   NOT NULL,
    listed_at        timestamptz   NOT NULL,
    state            varchar(16)   NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'KEPT')),
    decided_by       uuid REFERENCES app_user (id),
    decided_at       timestamptz,
    reason           varchar(500),
    version          bigint        NOT NULL DEFAULT 0,
    CHECK ((state = 'PENDING') = (decided_at IS NULL))
);
-- One open review per customer, however often the job runs.
CREATE UNIQUE INDEX retention_review_pending_uq ON retention_review (contact_id) WHERE state = 'PENDING';
CREATE INDEX retention_review_state_idx ON retention_review (state, listed_at DESC);
