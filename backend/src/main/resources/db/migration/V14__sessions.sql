-- Tokens of a user carry the user's token generation; a role change, a password reset or a
-- deactivation bumps it, and every older token is refused on its next request.
ALTER TABLE app_user ADD COLUMN token_generation integer NOT NULL DEFAULT 0;

-- A web app sign-in: one family of rotating refresh tokens. Only hashes of the tokens are stored.
CREATE TABLE auth_session (
    id           uuid PRIMARY KEY,
    user_id      uuid         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at   timestamptz  NOT NULL,
    last_used_at timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    revoked_at   timestamptz,
    user_agent   varchar(256),
    address      varchar(64)
);
CREATE INDEX auth_session_user_idx ON auth_session (user_id, created_at);

-- Every refresh token a session handed out; a rotated one presented again reveals a stolen family.
CREATE TABLE auth_refresh_token (
    token_hash varchar(64) PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL,
    rotated_at timestamptz
);
CREATE INDEX auth_refresh_token_session_idx ON auth_refresh_token (session_id);
