-- The login throttle shared by every replica (issue 22): failed logins per username and per client address, counted by
-- one atomic upsert in database time, so five wrong passwords spread over three replicas lock the account on all of
-- them. Owned by `auth` (LoginThrottleRepository). Keys: 'user:' + lower-case username, 'addr:' + client address.
CREATE TABLE login_throttle (
    throttle_key   text        PRIMARY KEY CHECK (length(throttle_key) <= 100),
    -- failures are counted since window_start (a username's: since its last successful login)
    window_start   timestamptz NOT NULL,
    failures       integer     NOT NULL CHECK (failures > 0),
    locked_until   timestamptz,
    last_failed_at timestamptz NOT NULL
);

-- The hourly purge deletes rows neither locked nor failed lately.
CREATE INDEX login_throttle_last_failed ON login_throttle (last_failed_at);
