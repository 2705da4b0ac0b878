-- Churn and its causes, and the monthly churn review (issue 17 capabilities 5 and 6; 000: 正常流失 vs
-- 不正常流失, 每月初统计上月流失明细). A customer is churned by the policy's rule (no purchase for N months
-- after being a customer) or by hand; each churn is a row that stays as history when the customer buys
-- again. (V26, V27 and V29+ belong to the other retention slices.)
CREATE TABLE churn_policy (
    version                 int PRIMARY KEY,
    -- A customer (PURCHASE or LOYALTY) with no purchase for this many months is churned by the daily rule.
    months_without_purchase int         NOT NULL CHECK (months_without_purchase BETWEEN 1 AND 36),
    rule_enabled            boolean     NOT NULL,
    created_at              timestamptz NOT NULL,
    created_by              uuid REFERENCES app_user (id)
);
INSERT INTO churn_policy (version, months_without_purchase, rule_enabled, created_at) VALUES (1, 6, true, now());

CREATE TABLE churn_record (
    id              uuid PRIMARY KEY,
    contact_id      uuid         NOT NULL REFERENCES contact (id),
    churned_at      timestamptz  NOT NULL,
    -- The month of churned_at in the business time zone: the review the churn belongs to.
    month           date         NOT NULL CHECK (extract(day FROM month) = 1),
    method          varchar(8)   NOT NULL CHECK (method IN ('RULE', 'HAND')),
    from_stage      varchar(16)  NOT NULL,
    -- Who lost the customer and its ABC tier when it churned (the review's counts by rep and by tier).
    owner_id        uuid         NOT NULL REFERENCES app_user (id),
    abc_tier        varchar(8),
    -- Unknown (null) until someone finds out; normal causes (MOVED, BUSINESS_CLOSED, NEED_ENDED) or abnormal ones.
    cause           varchar(24) CHECK (cause IN ('MOVED', 'BUSINESS_CLOSED', 'NEED_ENDED', 'SERVICE', 'QUALITY', 'PRICE',
                                                 'COMPETITOR', 'COMPLAINT_UNRESOLVED', 'OTHER')),
    -- The investigation: what was found (the review's analysis), by whom and when.
    analysis        varchar(2000),
    investigated_by uuid REFERENCES app_user (id),
    investigated_at timestamptz,
    recorded_by     uuid REFERENCES app_user (id),
    activity_id     uuid REFERENCES activity (id) DEFERRABLE INITIALLY DEFERRED,
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL
);
CREATE INDEX churn_record_contact_idx ON churn_record (contact_id, churned_at DESC);
CREATE INDEX churn_record_month_idx ON churn_record (month, owner_id);

CREATE TABLE churn_review (
    month               date PRIMARY KEY CHECK (extract(day FROM month) = 1),
    -- Customers (PURCHASE or LOYALTY) at the start of the month, from the lifecycle history: the churn rate's base.
    customers_at_start  int         NOT NULL CHECK (customers_at_start >= 0),
    state               varchar(8)  NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    produced_at         timestamptz NOT NULL,
    closed_by           uuid REFERENCES app_user (id),
    closed_at           timestamptz,
    version             bigint      NOT NULL DEFAULT 0,
    CONSTRAINT churn_review_closed_chk CHECK ((state = 'CLOSED') = (closed_at IS NOT NULL))
);

-- The lifecycle history says why a customer moved to CHURNED.
ALTER TABLE contact_stage_history DROP CONSTRAINT contact_stage_history_cause_check;
ALTER TABLE contact_stage_history ADD CONSTRAINT contact_stage_history_cause_check
    CHECK (cause IN ('CREATED', 'EDITED', 'LEAD_CONVERTED', 'PURCHASE_RECORDED', 'CHURN_RULE', 'CHURN_HAND'));
