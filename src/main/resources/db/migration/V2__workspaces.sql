-- Workspaces: every record belongs to one. Seed 003's users and conversations move into
-- the default workspace, created here at first start. Portable between H2 and PostgreSQL.

CREATE TABLE workspaces (
    id                UUID                     NOT NULL PRIMARY KEY,
    name              VARCHAR(200)             NOT NULL,
    -- whether staff may join through POST /auth/signup rather than by invitation only
    staff_signup_open BOOLEAN                  NOT NULL,
    -- seed 001's chat settings and seed 004's widget settings, one JSON document
    chat_settings     VARCHAR(20000)           NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO workspaces (id, name, staff_signup_open, chat_settings, created_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'Default workspace', TRUE, '{}', CURRENT_TIMESTAMP);

CREATE TABLE roles (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspaces (id),
    name         VARCHAR(50)              NOT NULL,
    -- the name in lower case: names are unique per workspace ignoring case
    name_key     VARCHAR(50)              NOT NULL,
    -- permission names separated by spaces
    permissions  VARCHAR(2000)            NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_roles_name UNIQUE (workspace_id, name_key)
);

CREATE TABLE memberships (
    workspace_id   UUID                     NOT NULL REFERENCES workspaces (id),
    user_id        UUID                     NOT NULL REFERENCES users (id),
    -- a built-in role, or 'custom' with custom_role_id
    role           VARCHAR(20)              NOT NULL,
    custom_role_id UUID                     REFERENCES roles (id),
    supervisor_id  UUID                     REFERENCES users (id),
    active         BOOLEAN                  NOT NULL,
    display_name   VARCHAR(200),
    avatar_url     VARCHAR(2000),
    availability   VARCHAR(10)              NOT NULL,
    max_concurrent INTEGER                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, user_id),
    CONSTRAINT ck_memberships_role CHECK (role IN ('owner', 'admin', 'supervisor', 'agent', 'candidate', 'custom')),
    CONSTRAINT ck_memberships_availability CHECK (availability IN ('online', 'away', 'offline'))
);

CREATE INDEX ix_memberships_user ON memberships (user_id);
CREATE INDEX ix_memberships_supervisor ON memberships (workspace_id, supervisor_id);

INSERT INTO memberships (workspace_id, user_id, role, custom_role_id, supervisor_id, active, display_name, avatar_url,
                         availability, max_concurrent, created_at)
SELECT '00000000-0000-0000-0000-000000000001', id, role, NULL, supervisor_id, TRUE, NULL, NULL, 'offline', 5, created_at
FROM users;

CREATE TABLE contacts (
    id            UUID                     NOT NULL PRIMARY KEY,
    workspace_id  UUID                     NOT NULL REFERENCES workspaces (id),
    -- the login of a seed-003 candidate; NULL for visitors and email senders
    user_id       UUID                     REFERENCES users (id),
    name          VARCHAR(200),
    email         VARCHAR(254),
    phone         VARCHAR(40),
    -- an anonymous visitor's widget session
    session_id    VARCHAR(100),
    attributes    VARCHAR(20000)           NOT NULL,
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_contacts_user UNIQUE (workspace_id, user_id),
    CONSTRAINT uq_contacts_email UNIQUE (workspace_id, email),
    CONSTRAINT uq_contacts_phone UNIQUE (workspace_id, phone),
    CONSTRAINT uq_contacts_session UNIQUE (workspace_id, session_id)
);
-- the contact list's order: most recently seen first
CREATE INDEX ix_contacts_seen ON contacts (workspace_id, last_seen_at, id);

-- Existing candidates become contacts with a login; the contact takes the user's id.
INSERT INTO contacts (id, workspace_id, user_id, name, email, phone, session_id, attributes, first_seen_at, last_seen_at)
SELECT id, '00000000-0000-0000-0000-000000000001', id, name, email, NULL, NULL, '{}', created_at, created_at
FROM users
WHERE role = 'candidate';

CREATE TABLE contact_notes (
    id         UUID                     NOT NULL PRIMARY KEY,
    contact_id UUID                     NOT NULL REFERENCES contacts (id),
    author_id  UUID                     NOT NULL REFERENCES users (id),
    content    VARCHAR(5000)            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_contact_notes_contact ON contact_notes (contact_id, created_at);

DROP INDEX ix_users_supervisor;
ALTER TABLE users DROP COLUMN supervisor_id;
ALTER TABLE users DROP COLUMN role;

-- Conversations: the seeds' union.
ALTER TABLE conversations ADD COLUMN workspace_id UUID;
UPDATE conversations SET workspace_id = '00000000-0000-0000-0000-000000000001';
ALTER TABLE conversations ALTER COLUMN workspace_id SET NOT NULL;
ALTER TABLE conversations ADD CONSTRAINT fk_conversations_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id);

ALTER TABLE conversations ADD COLUMN contact_id UUID;
UPDATE conversations SET contact_id = candidate_id;
ALTER TABLE conversations ALTER COLUMN contact_id SET NOT NULL;
ALTER TABLE conversations ADD CONSTRAINT fk_conversations_contact FOREIGN KEY (contact_id) REFERENCES contacts (id);

ALTER TABLE conversations ALTER COLUMN candidate_id DROP NOT NULL;
ALTER TABLE conversations ALTER COLUMN supervisor_id DROP NOT NULL;
ALTER TABLE conversations ADD COLUMN channel VARCHAR(10) DEFAULT 'web' NOT NULL;
ALTER TABLE conversations ADD COLUMN priority VARCHAR(10) DEFAULT 'normal' NOT NULL;
ALTER TABLE conversations ADD COLUMN subject VARCHAR(300);
ALTER TABLE conversations ADD COLUMN page_url VARCHAR(2000);
ALTER TABLE conversations ADD COLUMN referrer VARCHAR(2000);
ALTER TABLE conversations ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
UPDATE conversations SET updated_at = COALESCE(closed_at, created_at);
ALTER TABLE conversations ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE conversations DROP CONSTRAINT ck_conversations_status;
ALTER TABLE conversations ADD CONSTRAINT ck_conversations_status
    CHECK (status IN ('open', 'pending', 'assigned', 'waiting', 'resolved', 'closed'));
ALTER TABLE conversations ADD CONSTRAINT ck_conversations_channel CHECK (channel IN ('web', 'email', 'api'));
ALTER TABLE conversations ADD CONSTRAINT ck_conversations_priority
    CHECK (priority IN ('low', 'normal', 'high', 'urgent'));

-- one active conversation per candidate, per workspace
ALTER TABLE conversations DROP CONSTRAINT uq_conversations_active_candidate;
ALTER TABLE conversations ADD CONSTRAINT uq_conversations_active_candidate UNIQUE (workspace_id, active_candidate_id);

-- the inbox lists a workspace's conversations, most recently changed first
CREATE INDEX ix_conversations_inbox ON conversations (workspace_id, updated_at, id);
CREATE INDEX ix_conversations_contact ON conversations (contact_id);

CREATE TABLE conversation_tags (
    conversation_id UUID        NOT NULL REFERENCES conversations (id),
    tag             VARCHAR(50) NOT NULL,
    PRIMARY KEY (conversation_id, tag)
);

CREATE INDEX ix_conversation_tags_tag ON conversation_tags (tag);

-- seed 004's assignment history: who gave the conversation to whom, when and why;
-- no agent: it was taken back from its agent, who could no longer handle it
CREATE TABLE conversation_assignments (
    id              UUID                     NOT NULL PRIMARY KEY,
    conversation_id UUID                     NOT NULL REFERENCES conversations (id),
    agent_id        UUID                     REFERENCES users (id),
    assigned_by     UUID                     REFERENCES users (id),
    reason          VARCHAR(200),
    assigned_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_conversation_assignments_conversation ON conversation_assignments (conversation_id, assigned_at);

INSERT INTO conversation_assignments (id, conversation_id, agent_id, assigned_by, reason, assigned_at)
SELECT id, id, agent_id, supervisor_id, 'before history was kept', created_at
FROM conversations
WHERE agent_id IS NOT NULL;

-- per-participant read state: the last sequence each reader has seen
CREATE TABLE conversation_reads (
    conversation_id    UUID                     NOT NULL REFERENCES conversations (id),
    reader_id          UUID                     NOT NULL,
    last_read_sequence BIGINT                   NOT NULL,
    read_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, reader_id)
);

ALTER TABLE messages ADD COLUMN message_type VARCHAR(10) DEFAULT 'text' NOT NULL;
ALTER TABLE messages ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE messages ALTER COLUMN sender_role SET DATA TYPE VARCHAR(60);
ALTER TABLE messages ADD CONSTRAINT ck_messages_type CHECK (message_type IN ('text', 'file', 'system', 'bot', 'note'));

CREATE TABLE invitations (
    id             UUID                     NOT NULL PRIMARY KEY,
    workspace_id   UUID                     NOT NULL REFERENCES workspaces (id),
    email          VARCHAR(254)             NOT NULL,
    role           VARCHAR(20)              NOT NULL,
    custom_role_id UUID                     REFERENCES roles (id),
    supervisor_id  UUID                     REFERENCES users (id),
    -- SHA-256 of the link's secret: the secret itself is only in the mail
    token_hash     VARCHAR(64)              NOT NULL,
    invited_by     UUID                     NOT NULL REFERENCES users (id),
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at    TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_invitations_token UNIQUE (token_hash)
);

CREATE INDEX ix_invitations_workspace ON invitations (workspace_id, created_at);
