-- What the widget needs beyond text (issue 11, decisions 73-76): attachments, ratings,
-- offline messages and first responses. Portable between H2 and PostgreSQL.

-- A message's files. The file itself is in the attachment storage, named by the id; the
-- client's file name is only shown. A row is written with its message, in the writer's
-- transaction, so an attachment never exists without the message that carries it.
CREATE TABLE attachments (
    id              UUID                     NOT NULL PRIMARY KEY,
    workspace_id    UUID                     NOT NULL REFERENCES workspaces (id),
    conversation_id UUID                     NOT NULL REFERENCES conversations (id),
    -- the message's position
    sequence_number BIGINT                   NOT NULL,
    note_number     BIGINT                   NOT NULL,
    -- the attachment's place among the message's attachments: 0, 1, ...
    ordinal         INTEGER                  NOT NULL,
    name            VARCHAR(255)             NOT NULL,
    -- the type sniffed from the content, never the client's
    content_type    VARCHAR(100)             NOT NULL,
    size_bytes      BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_attachments_message FOREIGN KEY (conversation_id, sequence_number, note_number)
        REFERENCES messages (conversation_id, sequence_number, note_number),
    CONSTRAINT uq_attachments_message UNIQUE (conversation_id, sequence_number, note_number, ordinal)
);

-- The customer's rating of a resolved conversation (CSAT): the primary key lets the
-- database itself refuse a second one.
CREATE TABLE conversation_ratings (
    conversation_id UUID                     NOT NULL PRIMARY KEY REFERENCES conversations (id),
    workspace_id    UUID                     NOT NULL REFERENCES workspaces (id),
    contact_id      UUID                     NOT NULL REFERENCES contacts (id),
    score           INTEGER                  NOT NULL,
    comment         VARCHAR(1000),
    rated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_conversation_ratings_score CHECK (score BETWEEN 1 AND 5)
);

CREATE INDEX ix_conversation_ratings_workspace ON conversation_ratings (workspace_id, rated_at);

-- A conversation the customer left through the offline form, with nobody there to answer.
ALTER TABLE conversations ADD COLUMN left_offline BOOLEAN DEFAULT FALSE NOT NULL;

-- When the staff first answered the customer: the first visible message of a member. Not
-- for conversations the staff opened themselves (channel api), where nobody waited.
ALTER TABLE conversations ADD COLUMN first_response_at TIMESTAMP WITH TIME ZONE;
UPDATE conversations SET first_response_at = (
    SELECT MIN(m.created_at) FROM messages m
    WHERE m.conversation_id = conversations.id AND m.author_type = 'member' AND m.note_number = 0)
WHERE channel <> 'api';

-- the recent first responses of a workspace, for the expected wait
CREATE INDEX ix_conversations_first_response ON conversations (workspace_id, first_response_at);
-- the queue: a workspace's unassigned open conversations, oldest first
CREATE INDEX ix_conversations_queue ON conversations (workspace_id, status, created_at);
