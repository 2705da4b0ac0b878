-- Lead assignment (SPEC §3, 001 §4.2): ordered rules "region + industry + minimum score -> a rep or a
-- pool" (round-robin or least-loaded); without a matching rule, high-value leads go to the least-loaded
-- senior rep. Every assignment records what decided it.

CREATE TABLE lead_assignment_rule (
    id           uuid PRIMARY KEY,
    position     int          NOT NULL,
    name         varchar(100) NOT NULL,
    region       varchar(32),
    industry     varchar(64),
    min_score    numeric(5, 2) CHECK (min_score BETWEEN 0 AND 100),
    assignee_ids uuid[]       NOT NULL CHECK (cardinality(assignee_ids) BETWEEN 1 AND 50),
    strategy     varchar(16)  NOT NULL CHECK (strategy IN ('ROUND_ROBIN', 'LEAST_LOADED')),
    active       boolean      NOT NULL DEFAULT true,
    next_index   int          NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL DEFAULT 0
);
CREATE INDEX lead_assignment_rule_position_idx ON lead_assignment_rule (position, id);

ALTER TABLE lead
    ADD COLUMN assigned_at        timestamptz,
    ADD COLUMN assigned_by_rule   uuid REFERENCES lead_assignment_rule (id) ON DELETE SET NULL,
    ADD COLUMN assignment_kind    varchar(20)
        CHECK (assignment_kind IN ('OWNER', 'RULE', 'HIGH_VALUE', 'MANAGER', 'PRIORITY_QUEUE', 'POTENTIAL_QUEUE')),
    ADD COLUMN assignment_reason  varchar(200);
