-- Sessions that can end (decision 50): a session is a family of refresh tokens for one member
-- of one workspace, with an absolute end; each refresh uses its token up and adds the next.
CREATE TABLE sessions (
    id              UUID                     NOT NULL PRIMARY KEY,
    workspace_id    UUID                     NOT NULL REFERENCES workspaces (id),
    user_id         UUID                     NOT NULL REFERENCES users (id),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the family's absolute end: no refresh extends it
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_because VARCHAR(20),
    CONSTRAINT ck_sessions_revoked CHECK ((revoked_at IS NULL) = (revoked_because IS NULL)),
    CONSTRAINT ck_sessions_revoked_because CHECK (revoked_because IN ('logout', 'reuse', 'membership'))
);

CREATE INDEX ix_sessions_member ON sessions (workspace_id, user_id);

CREATE TABLE refresh_tokens (
    -- SHA-256 of the token, lower-case hex: the token itself is only ever with its client
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    session_id UUID                     NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- idle expiry, never past the session's end
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- set once, by the refresh that exchanged it (a conditional UPDATE: one refresh wins)
    used_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX ix_refresh_tokens_session ON refresh_tokens (session_id);
