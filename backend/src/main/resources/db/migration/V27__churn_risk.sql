-- Churn risk (SPEC §8, issue 17 item 4; docs/churn-risk.md): an explainable score per customer from
-- weighted signals under a versioned policy, written set-based (nightly, and for one customer on the
-- events that matter). Each row keeps the facts it was computed from, so the explanation (Java) reads
-- the same inputs the statement (SQL) used.
CREATE TABLE churn_risk_policy (
    version                 int PRIMARY KEY,
    -- Weights of the signals (each signal is a number in [0, 1]); they add up to 100, so the score is 0–100.
    quiet_weight            int         NOT NULL CHECK (quiet_weight BETWEEN 0 AND 100),
    purchase_drop_weight    int         NOT NULL CHECK (purchase_drop_weight BETWEEN 0 AND 100),
    complaint_weight        int         NOT NULL CHECK (complaint_weight BETWEEN 0 AND 100),
    detractor_weight        int         NOT NULL CHECK (detractor_weight BETWEEN 0 AND 100),
    level_down_weight       int         NOT NULL CHECK (level_down_weight BETWEEN 0 AND 100),
    expiring_points_weight  int         NOT NULL CHECK (expiring_points_weight BETWEEN 0 AND 100),
    medium_threshold        int         NOT NULL CHECK (medium_threshold BETWEEN 1 AND 100),
    high_threshold          int         NOT NULL CHECK (high_threshold BETWEEN 1 AND 100),
    -- The usual gap between interactions of a customer with fewer than three in the last year.
    default_cadence_days    int         NOT NULL CHECK (default_cadence_days BETWEEN 1 AND 365),
    -- Points count as about to expire when their lot expires within this many days.
    expiring_within_days    int         NOT NULL CHECK (expiring_within_days BETWEEN 1 AND 365),
    created_at              timestamptz NOT NULL,
    created_by              uuid REFERENCES app_user (id),
    CONSTRAINT churn_risk_policy_weights_chk CHECK (quiet_weight + purchase_drop_weight + complaint_weight + detractor_weight
                                                    + level_down_weight + expiring_points_weight = 100),
    CONSTRAINT churn_risk_policy_thresholds_chk CHECK (medium_threshold < high_threshold)
);
INSERT INTO churn_risk_policy (version, quiet_weight, purchase_drop_weight, complaint_weight, detractor_weight, level_down_weight,
                               expiring_points_weight, medium_threshold, high_threshold, default_cadence_days, expiring_within_days,
                               created_at)
VALUES (1, 30, 25, 20, 10, 10, 5, 30, 60, 30, 30, now());

-- One row per customer (lifecycle PURCHASE or LOYALTY, or who bought; not archived). No foreign key
-- to contact: the recompute rewrites a million rows and contacts are archived, never deleted (as V9).
CREATE TABLE churn_risk (
    contact_id          uuid PRIMARY KEY,
    score               int          NOT NULL CHECK (score BETWEEN 0 AND 100),
    level               varchar(8)   NOT NULL CHECK (level IN ('LOW', 'MEDIUM', 'HIGH')),
    -- The signals, each in [0, 1].
    quiet               numeric(5, 4) NOT NULL,
    purchase_drop       numeric(5, 4) NOT NULL,
    complaint           numeric(5, 4) NOT NULL,
    detractor           numeric(5, 4) NOT NULL,
    level_down          numeric(5, 4) NOT NULL,
    expiring_points     numeric(5, 4) NOT NULL,
    -- The facts the signals came from (what the explanation shows).
    days_quiet          int,
    usual_gap_days      int          NOT NULL,
    usual_gap_default   boolean      NOT NULL,
    recent_purchases    int          NOT NULL,
    earlier_purchases   int          NOT NULL,
    complaint_severity  varchar(8),
    complaint_open      boolean,
    detractor_score     int,
    level_from          varchar(10),
    level_to            varchar(10),
    points_expiring     bigint       NOT NULL,
    points_balance      bigint       NOT NULL,
    policy_version      int          NOT NULL REFERENCES churn_risk_policy (version),
    computed_at         timestamptz  NOT NULL
);
CREATE INDEX churn_risk_level_score_idx ON churn_risk (level, score DESC, contact_id);
CREATE INDEX churn_risk_score_idx ON churn_risk (score DESC, contact_id);
