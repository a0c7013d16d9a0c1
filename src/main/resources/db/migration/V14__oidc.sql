-- Sign-in through an OpenID Connect provider (decisions 57, 58). Portable between H2 and PostgreSQL.

-- A Parley account linked to a provider's account: the provider's subject names it for good,
-- whatever email the provider reports later. One link per account and provider.
CREATE TABLE oidc_links (
    provider   VARCHAR(64)              NOT NULL,
    subject    VARCHAR(255)             NOT NULL,
    user_id    UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_oidc_links PRIMARY KEY (provider, subject),
    CONSTRAINT uq_oidc_links_user UNIQUE (user_id, provider)
);

-- Short-lived single-use codes, stored as their SHA-256: a member's ticket to link an account
-- ('link'), and what a provider's callback found, which the browser exchanges once ('sign-in',
-- 'linked', 'refused' with the error's name).
CREATE TABLE oidc_codes (
    code_hash    VARCHAR(64)              NOT NULL PRIMARY KEY,
    purpose      VARCHAR(16)              NOT NULL,
    provider     VARCHAR(64)              NOT NULL,
    user_id      UUID                     REFERENCES users (id) ON DELETE CASCADE,
    workspace_id UUID,
    failure      VARCHAR(64),
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_oidc_codes_expiry ON oidc_codes (expires_at);
