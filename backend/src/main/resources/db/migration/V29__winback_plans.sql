-- PDCA win-back plans (000: Plan → Do → Check → Act; SPEC §8): which customers to win back, the goal, the
-- actions and script, who owns it and when it is checked; DO puts a WINBACK activity on each customer's
-- owner's list, CHECK measures who bought again after the plan started, ACT records what changes and can
-- open the next cycle. Every state change is kept with who and when.
CREATE TABLE winback_plan (
    id               uuid PRIMARY KEY,
    name             varchar(120)  NOT NULL,
    state            varchar(10)   NOT NULL CHECK (state IN ('PLAN', 'DO', 'CHECK', 'ACT', 'CANCELLED')),
    cycle            int           NOT NULL DEFAULT 1 CHECK (cycle >= 1),
    previous_plan_id uuid UNIQUE REFERENCES winback_plan (id),
    -- Where the targets came from: picked by hand, a month's churn review, or a segment.
    source           varchar(16)   NOT NULL CHECK (source IN ('HAND', 'CHURN_REVIEW', 'SEGMENT', 'PREVIOUS_CYCLE')),
    -- The review's month (yyyy-MM) for CHURN_REVIEW.
    source_ref       varchar(64),
    goal_percent     int           NOT NULL CHECK (goal_percent BETWEEN 1 AND 100),
    goal_days        int           NOT NULL CHECK (goal_days BETWEEN 1 AND 365),
    actions          varchar(2000) NOT NULL,
    script           varchar(2000),
    owner_id         uuid          NOT NULL REFERENCES app_user (id),
    check_date       date          NOT NULL,
    started_at       timestamptz,
    checked_at       timestamptz,
    -- What CHECK measured, kept as it was on that day.
    checked_targets  int,
    checked_won_back int,
    acted_at         timestamptz,
    change_policy    varchar(2000),
    change_script    varchar(2000),
    change_training  varchar(2000),
    version          bigint        NOT NULL DEFAULT 0,
    created_by       uuid          NOT NULL REFERENCES app_user (id),
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    CONSTRAINT winback_plan_started_chk CHECK ((state IN ('PLAN', 'CANCELLED')) OR started_at IS NOT NULL)
);
CREATE INDEX winback_plan_state_idx ON winback_plan (state, check_date);

CREATE TABLE winback_target (
    id           uuid PRIMARY KEY,
    plan_id      uuid        NOT NULL REFERENCES winback_plan (id),
    contact_id   uuid        NOT NULL REFERENCES contact (id),
    activity_id  uuid REFERENCES activity (id) DEFERRABLE INITIALLY DEFERRED,
    outcome      varchar(16) CHECK (outcome IN ('REACHED', 'NO_ANSWER', 'DECLINED', 'BOOKED')),
    outcome_note varchar(500),
    outcome_by   uuid REFERENCES app_user (id),
    outcome_at   timestamptz,
    -- The first purchase after the plan started, frozen by CHECK.
    won_back_at  timestamptz,
    version      bigint      NOT NULL DEFAULT 0,
    UNIQUE (plan_id, contact_id)
);
CREATE INDEX winback_target_contact_idx ON winback_target (contact_id);

CREATE TABLE winback_event (
    id         uuid PRIMARY KEY,
    plan_id    uuid        NOT NULL REFERENCES winback_plan (id),
    from_state varchar(10),
    to_state   varchar(10) NOT NULL,
    actor_id   uuid        NOT NULL REFERENCES app_user (id),
    at         timestamptz NOT NULL
);
CREATE INDEX winback_event_plan_idx ON winback_event (plan_id, at);
