-- The public survey endpoints' rate limit shared by every replica (issue 22; was a map in each process): requests per
-- client address and per invitation token in a fixed window, counted by one atomic upsert in database time. Owned by
-- `survey` (SurveyRateRepository). Keys: 'addr:' + client address, 'token:' + the token as sent (bounded below).
CREATE TABLE survey_rate_window (
    rate_key     text        PRIMARY KEY CHECK (length(rate_key) <= 200),
    window_start timestamptz NOT NULL,
    requests     integer     NOT NULL CHECK (requests > 0)
);

-- The hourly purge deletes windows that are over.
CREATE INDEX survey_rate_window_start ON survey_rate_window (window_start);
