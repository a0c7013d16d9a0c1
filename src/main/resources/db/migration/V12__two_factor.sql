-- TOTP two-factor sign-in (seed 002, decisions 53 to 55). Portable between H2 and PostgreSQL.

-- An account's authenticator: pending until confirmed with a code, then enabled.
CREATE TABLE two_factor (
    user_id        UUID                     NOT NULL PRIMARY KEY REFERENCES users (id),
    -- the TOTP seed, sealed with AES-256-GCM (system.Encryption) bound to the user id, in base64
    sealed_seed    VARCHAR(200)             NOT NULL,
    enabled        BOOLEAN                  NOT NULL,
    -- the latest 30-second time step a code was accepted for: each code works once
    last_used_step BIGINT                   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    enabled_at     TIMESTAMP WITH TIME ZONE
);

-- Single-use backup codes, as SHA-256 of the user id and the code (80 random bits each).
CREATE TABLE two_factor_backup_codes (
    user_id   UUID                     NOT NULL REFERENCES users (id),
    code_hash VARCHAR(64)              NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, code_hash)
);

-- The second step of a log-in: a short-lived secret, stored as its SHA-256, handed out once the
-- password was right.
CREATE TABLE login_challenges (
    secret_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id      UUID                     NOT NULL REFERENCES users (id),
    workspace_id UUID                     NOT NULL REFERENCES workspaces (id),
    -- the member has no second factor yet and must set one up (decision 54)
    enrolment    BOOLEAN                  NOT NULL,
    attempts     INTEGER                  NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_login_challenges_expiry ON login_challenges (expires_at);

-- A workspace may require a second factor of its staff.
ALTER TABLE workspaces ADD COLUMN require_two_factor BOOLEAN DEFAULT FALSE NOT NULL;
