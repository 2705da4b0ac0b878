-- Care campaigns (issue 17, capability 2; 000 ch.3: 联络感情 / 服务 / 营销招揽 / 混合). A campaign names a
-- segment (a saved filter, JSON), a script, a window and an owner; launching it claims one target row per
-- customer (the primary key makes "once" hold however often and however concurrently it is launched) and
-- puts one CAMPAIGN activity on the customer's owner's list.
CREATE TABLE campaign (
    id                   uuid PRIMARY KEY,
    name                 varchar(100) NOT NULL,
    category             varchar(16)  NOT NULL CHECK (category IN ('RELATIONSHIP', 'SERVICE', 'MARKETING', 'MIXED')),
    segment              jsonb        NOT NULL,
    script               text         NOT NULL,
    starts_on            date         NOT NULL,
    ends_on              date         NOT NULL,
    owner_id             uuid         NOT NULL,
    purchase_window_days integer      NOT NULL DEFAULT 30 CHECK (purchase_window_days BETWEEN 1 AND 365),
    state                varchar(16)  NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'LAUNCHED', 'CLOSED', 'CANCELLED')),
    created_by           uuid         NOT NULL,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    launched_at          timestamptz,
    launched_by          uuid,
    closed_at            timestamptz,
    version              bigint       NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on),
    CHECK ((state = 'DRAFT' OR state = 'CANCELLED') = (launched_at IS NULL))
);
CREATE INDEX campaign_list_idx ON campaign (starts_on DESC, id);

CREATE TABLE campaign_target (
    campaign_id uuid        NOT NULL REFERENCES campaign (id),
    contact_id  uuid        NOT NULL,
    assignee_id uuid        NOT NULL,
    activity_id uuid        NOT NULL UNIQUE,
    outcome     varchar(16) CHECK (outcome IN ('REACHED', 'NO_ANSWER', 'DECLINED', 'BOOKED')),
    outcome_at  timestamptz,
    outcome_by  uuid,
    version     bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, contact_id)
);
CREATE INDEX campaign_target_assignee_idx ON campaign_target (assignee_id, campaign_id);
CREATE INDEX campaign_target_contact_idx ON campaign_target (contact_id);
