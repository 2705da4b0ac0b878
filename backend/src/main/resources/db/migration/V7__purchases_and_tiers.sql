-- Purchases, refunds and customer value tiering (SPEC §5, issue 6).

CREATE TABLE purchase (
    id                uuid PRIMARY KEY,
    contact_id        uuid           NOT NULL REFERENCES contact (id),
    amount            numeric(14, 2) NOT NULL CHECK (amount > 0),
    -- Kept by a conditional UPDATE, so concurrent refunds can never exceed what was paid.
    refunded_amount   numeric(14, 2) NOT NULL DEFAULT 0,
    currency          varchar(3)     NOT NULL DEFAULT 'CNY',
    channel           varchar(16)    NOT NULL,
    items             jsonb          NOT NULL DEFAULT '[]',
    external_order_id varchar(100),
    occurred_at       timestamptz    NOT NULL,
    recorded_by       uuid           NOT NULL REFERENCES app_user (id),
    created_at        timestamptz    NOT NULL,
    CONSTRAINT purchase_refund_chk CHECK (refunded_amount >= 0 AND refunded_amount <= amount)
);
CREATE UNIQUE INDEX purchase_external_order_uq ON purchase (external_order_id) WHERE external_order_id IS NOT NULL;
CREATE INDEX purchase_contact_idx ON purchase (contact_id, occurred_at DESC, id);
-- The recompute reads the trailing window of every customer's purchases.
CREATE INDEX purchase_window_idx ON purchase (occurred_at) INCLUDE (contact_id, amount, refunded_amount);

CREATE TABLE refund (
    id          uuid PRIMARY KEY,
    purchase_id uuid           NOT NULL REFERENCES purchase (id),
    amount      numeric(14, 2) NOT NULL CHECK (amount > 0),
    reason      varchar(500)   NOT NULL,
    occurred_at timestamptz    NOT NULL,
    recorded_by uuid           NOT NULL REFERENCES app_user (id),
    created_at  timestamptz    NOT NULL
);
CREATE INDEX refund_purchase_idx ON refund (purchase_id, created_at);

-- Idempotency-Key records (API.md): the first response of a request with effects, replayed for retries.
-- The row is inserted in the same transaction as the effect, so a retry either waits for the first
-- attempt to commit (and replays it) or, if it rolled back, runs itself.
CREATE TABLE idempotency_record (
    user_id       uuid         NOT NULL,
    idem_key      varchar(100) NOT NULL,
    operation     varchar(64)  NOT NULL,
    request_hash  varchar(64)  NOT NULL,
    status        int          NOT NULL,
    location      varchar(500),
    response_body text         NOT NULL,
    created_at    timestamptz  NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);

-- The tiering policy, versioned like the scoring policy.
CREATE TABLE tier_policy (
    version                 int PRIMARY KEY,
    window_months           int          NOT NULL CHECK (window_months BETWEEN 1 AND 60),
    abc_method              varchar(20)  NOT NULL CHECK (abc_method IN ('CUMULATIVE_REVENUE', 'RANK_SHARE')),
    a_cutoff_percent        numeric(5, 2) NOT NULL CHECK (a_cutoff_percent > 0 AND a_cutoff_percent < 100),
    b_cutoff_percent        numeric(5, 2) NOT NULL CHECK (b_cutoff_percent > 0 AND b_cutoff_percent <= 100),
    no_revenue_tier         varchar(8)   NOT NULL CHECK (no_revenue_tier IN ('C', 'INACTIVE')),
    abcd_thresholds         varchar(8)   NOT NULL CHECK (abcd_thresholds IN ('MEDIAN', 'FIXED')),
    frequency_threshold     int          CHECK (frequency_threshold >= 1),
    order_value_threshold   numeric(14, 2) CHECK (order_value_threshold > 0),
    gold_spend              numeric(14, 2) NOT NULL CHECK (gold_spend > 0),
    gold_tenure_days        int          NOT NULL CHECK (gold_tenure_days >= 0),
    platinum_spend          numeric(14, 2) NOT NULL CHECK (platinum_spend > 0),
    platinum_tenure_days    int          NOT NULL CHECK (platinum_tenure_days >= 0),
    expected_lifetime_years numeric(4, 1) NOT NULL CHECK (expected_lifetime_years > 0),
    created_at              timestamptz  NOT NULL,
    created_by              uuid REFERENCES app_user (id),
    CONSTRAINT tier_policy_cutoffs_chk CHECK (a_cutoff_percent < b_cutoff_percent),
    CONSTRAINT tier_policy_levels_chk CHECK (gold_spend < platinum_spend),
    CONSTRAINT tier_policy_fixed_chk CHECK (abcd_thresholds = 'MEDIAN'
        OR (frequency_threshold IS NOT NULL AND order_value_threshold IS NOT NULL))
);
-- Version 1 (001): A until 70 % of revenue, B until 95 %, C the rest, over 12 months; gold from
-- 10 000 CNY a year after 90 days, platinum from 50 000 after a year; lifetime 3 years for CLV.
INSERT INTO tier_policy (version, window_months, abc_method, a_cutoff_percent, b_cutoff_percent, no_revenue_tier,
                         abcd_thresholds, gold_spend, gold_tenure_days, platinum_spend, platinum_tenure_days,
                         expected_lifetime_years, created_at)
VALUES (1, 12, 'CUMULATIVE_REVENUE', 70, 95, 'C', 'MEDIAN', 10000, 90, 50000, 365, 3.0, now());

-- What the recompute derives for each customer (a contact with at least one purchase). Kept apart
-- from contact so that a recompute never bumps a contact's version or touches its row.
CREATE TABLE customer_value (
    contact_id         uuid PRIMARY KEY REFERENCES contact (id),
    revenue            numeric(16, 2) NOT NULL,
    purchase_count     int            NOT NULL,
    average_order      numeric(14, 2) NOT NULL,
    first_purchase_at  timestamptz    NOT NULL,
    last_purchase_at   timestamptz    NOT NULL,
    abc_tier           varchar(8),
    abcd_quadrant      char(1),
    membership_level   varchar(10)    NOT NULL DEFAULT 'SILVER',
    rfm_recency        smallint,
    rfm_frequency      smallint,
    rfm_monetary       smallint,
    clv                numeric(16, 2),
    policy_version     int            NOT NULL REFERENCES tier_policy (version),
    computed_at        timestamptz    NOT NULL,
    CONSTRAINT customer_value_tier_chk CHECK (abc_tier IN ('A', 'B', 'C', 'INACTIVE')),
    CONSTRAINT customer_value_quadrant_chk CHECK (abcd_quadrant IN ('A', 'B', 'C', 'D')),
    CONSTRAINT customer_value_level_chk CHECK (membership_level IN ('SILVER', 'GOLD', 'PLATINUM'))
);
CREATE INDEX customer_value_tier_idx ON customer_value (abc_tier);
CREATE INDEX customer_value_level_idx ON customer_value (membership_level);

CREATE TABLE tier_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id uuid        NOT NULL REFERENCES contact (id),
    dimension  varchar(8)  NOT NULL CHECK (dimension IN ('ABC', 'ABCD', 'LEVEL')),
    from_value varchar(10),
    to_value   varchar(10) NOT NULL,
    cause      varchar(16) NOT NULL CHECK (cause IN ('RECOMPUTE', 'REVIEW', 'PURCHASE')),
    job_id     uuid,
    changed_at timestamptz NOT NULL
);
CREATE INDEX tier_history_contact_idx ON tier_history (contact_id, changed_at DESC, id DESC);
CREATE INDEX tier_history_job_idx ON tier_history (job_id) WHERE job_id IS NOT NULL;

-- Background jobs with progress (GET /api/v1/jobs/{id}). At most one running job per kind: the
-- partial unique index refuses a second one, so there are never two writers.
CREATE TABLE job (
    id           uuid PRIMARY KEY,
    kind         varchar(32) NOT NULL,
    state        varchar(16) NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    phase        varchar(64),
    processed    bigint      NOT NULL DEFAULT 0,
    total        bigint,
    report       jsonb,
    error        varchar(2000),
    requested_by uuid REFERENCES app_user (id),
    created_at   timestamptz NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz
);
CREATE UNIQUE INDEX job_one_running_uq ON job (kind) WHERE state = 'RUNNING';
CREATE INDEX job_kind_created_idx ON job (kind, created_at DESC);

-- A recorded sale makes a prospect a customer (lifecycle stage PURCHASE), recorded with its cause.
ALTER TABLE contact_stage_history DROP CONSTRAINT contact_stage_history_cause_check;
ALTER TABLE contact_stage_history ADD CONSTRAINT contact_stage_history_cause_check
    CHECK (cause IN ('CREATED', 'EDITED', 'LEAD_CONVERTED', 'PURCHASE_RECORDED'));
