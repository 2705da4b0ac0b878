-- Leads (线索) with an explainable weighted score (SPEC §3):
--   score = match × match_weight + activity × activity_weight, all on 0–100.
-- Only the score's inputs are stored (match points, interaction count, policy version); the breakdown
-- is derived from them and the versioned policy when asked for.
-- Every lead is about a contact (a new person becomes a POTENTIAL contact), so interactions logged on
-- the contact are the lead's activity.

CREATE TABLE lead_scoring_policy (
    version                int PRIMARY KEY,
    match_rules            jsonb        NOT NULL,
    activity_window_days   int          NOT NULL CHECK (activity_window_days BETWEEN 1 AND 365),
    points_per_interaction int          NOT NULL CHECK (points_per_interaction BETWEEN 0 AND 100),
    activity_cap           int          NOT NULL CHECK (activity_cap BETWEEN 0 AND 100),
    match_weight           numeric(4, 3) NOT NULL CHECK (match_weight BETWEEN 0 AND 1),
    activity_weight        numeric(4, 3) NOT NULL CHECK (activity_weight BETWEEN 0 AND 1),
    priority_threshold     int          NOT NULL CHECK (priority_threshold BETWEEN 0 AND 100),
    high_value_threshold   int          NOT NULL CHECK (high_value_threshold BETWEEN 0 AND 100),
    care_after_days        int          NOT NULL CHECK (care_after_days BETWEEN 1 AND 365),
    created_at             timestamptz  NOT NULL,
    created_by             uuid REFERENCES app_user (id),
    CONSTRAINT lead_scoring_policy_weights_chk CHECK (match_weight + activity_weight = 1)
);

-- Version 1: the training material's formula (001): match × 0.6 + interactions in the last 7 days × 0.4,
-- 20 activity points per interaction (5 interactions = full activity), priority at 80, high value at 85.
INSERT INTO lead_scoring_policy (version, match_rules, activity_window_days, points_per_interaction, activity_cap,
                                 match_weight, activity_weight, priority_threshold, high_value_threshold,
                                 care_after_days, created_at)
VALUES (1, '[
  {"field": "SOURCE", "value": "REFERRAL", "points": 30},
  {"field": "SOURCE", "value": "TRADE_SHOW", "points": 20},
  {"field": "SOURCE", "value": "WEBSITE", "points": 10},
  {"field": "BUDGET_AT_LEAST", "value": "100000", "points": 40},
  {"field": "BUDGET_AT_LEAST", "value": "20000", "points": 20},
  {"field": "REGION", "value": "EAST", "points": 10},
  {"field": "INDUSTRY", "value": "科技", "points": 20}
]', 7, 20, 100, 0.600, 0.400, 80, 85, 3, now());

CREATE TABLE lead (
    id               uuid PRIMARY KEY,
    contact_id       uuid          NOT NULL REFERENCES contact (id),
    source_channel   varchar(32)   NOT NULL,
    product_interest varchar(100),
    industry         varchar(64),
    region           varchar(32),
    budget           numeric(14, 2) CHECK (budget >= 0),
    notes            varchar(4000),
    status           varchar(16)   NOT NULL,
    lost_reason      varchar(500),
    owner_id         uuid REFERENCES app_user (id),
    match_score      int           NOT NULL CHECK (match_score BETWEEN 0 AND 100),
    activity_count   int           NOT NULL CHECK (activity_count >= 0),
    activity_score   int           NOT NULL CHECK (activity_score BETWEEN 0 AND 100),
    score            numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    policy_version   int           NOT NULL REFERENCES lead_scoring_policy (version),
    scored_at        timestamptz   NOT NULL,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL DEFAULT 0,
    CONSTRAINT lead_status_chk CHECK (status IN ('NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'LOST')),
    CONSTRAINT lead_lost_reason_chk CHECK (status <> 'LOST' OR lost_reason IS NOT NULL)
);
-- Open leads by owner, best first (a rep's inbox), and the unassigned/priority queues.
CREATE INDEX lead_open_owner_score_idx ON lead (owner_id, score DESC, id)
    WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED');
CREATE INDEX lead_open_score_idx ON lead (score DESC, id) WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED');
CREATE INDEX lead_contact_idx ON lead (contact_id);

CREATE TABLE lead_score_history (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id        uuid          NOT NULL REFERENCES lead (id),
    score          numeric(5, 2) NOT NULL,
    match_score    int           NOT NULL,
    activity_count int           NOT NULL,
    policy_version int           NOT NULL,
    cause          varchar(32)   NOT NULL,
    changed_at     timestamptz   NOT NULL,
    CONSTRAINT lead_score_history_cause_chk
        CHECK (cause IN ('CREATED', 'LEAD_EDITED', 'INTERACTION_LOGGED', 'POLICY_CHANGED', 'WINDOW_SLID'))
);
CREATE INDEX lead_score_history_lead_idx ON lead_score_history (lead_id, changed_at DESC, id DESC);
