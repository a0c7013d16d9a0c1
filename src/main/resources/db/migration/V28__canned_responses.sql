-- Canned responses (issue 12, decisions 81 and 82). Portable between H2 and PostgreSQL.

CREATE TABLE canned_responses (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspaces (id),
    -- who wrote a shared response; the only member who sees a private one
    owner_id     UUID                     NOT NULL REFERENCES users (id),
    visibility   VARCHAR(10)              NOT NULL,
    -- the nil UUID for a shared response, its owner for a private one: one constraint
    -- keeps shortcuts unique in the workspace among the shared and per owner among the
    -- private, and a shared and a private response may share a shortcut
    scope_id     UUID                     NOT NULL,
    -- the word typed after '/': lower-case letters, digits and dashes
    shortcut     VARCHAR(32)              NOT NULL,
    title        VARCHAR(200)             NOT NULL,
    -- at most what a message carries (5,000 characters, checked in Java); room to grow
    body         VARCHAR(10000)           NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_canned_responses_visibility CHECK (
        (visibility = 'shared' AND scope_id = CAST('00000000-0000-0000-0000-000000000000' AS UUID))
        OR (visibility = 'private' AND scope_id = owner_id)),
    CONSTRAINT uq_canned_responses_shortcut UNIQUE (workspace_id, scope_id, shortcut)
);

-- the list's order: by shortcut within the workspace
CREATE INDEX ix_canned_responses_shortcut ON canned_responses (workspace_id, shortcut, id);
