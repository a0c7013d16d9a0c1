-- Seed 003's support core: users, conversations and their messages.
-- Portable between H2 and PostgreSQL.

CREATE TABLE users (
    id            UUID                     NOT NULL PRIMARY KEY,
    name          VARCHAR(200)             NOT NULL,
    email         VARCHAR(254)             NOT NULL,
    password_hash VARCHAR(100)             NOT NULL,
    role          VARCHAR(20)              NOT NULL,
    supervisor_id UUID                     REFERENCES users (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_users_email UNIQUE (email)
);

CREATE INDEX ix_users_supervisor ON users (supervisor_id);

CREATE TABLE conversations (
    id                  UUID                     NOT NULL PRIMARY KEY,
    candidate_id        UUID                     NOT NULL REFERENCES users (id),
    supervisor_id       UUID                     NOT NULL REFERENCES users (id),
    agent_id            UUID                     REFERENCES users (id),
    status              VARCHAR(20)              NOT NULL,
    -- the candidate while the conversation is open or assigned, NULL once closed:
    -- the unique constraint allows one active conversation per candidate
    active_candidate_id UUID,
    last_sequence       BIGINT                   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_conversations_active_candidate UNIQUE (active_candidate_id),
    CONSTRAINT ck_conversations_status CHECK (status IN ('open', 'assigned', 'closed'))
);

CREATE INDEX ix_conversations_supervisor ON conversations (supervisor_id);
CREATE INDEX ix_conversations_agent ON conversations (agent_id);
CREATE INDEX ix_conversations_candidate ON conversations (candidate_id);

CREATE TABLE messages (
    conversation_id UUID                     NOT NULL REFERENCES conversations (id),
    sequence_number BIGINT                   NOT NULL,
    sender_id       UUID                     NOT NULL REFERENCES users (id),
    sender_role     VARCHAR(20)              NOT NULL,
    content         VARCHAR(20000)           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, sequence_number)
);
