-- Mentions in internal notes and the members' notifications (issue 12, decision 86).
-- Portable between H2 and PostgreSQL.

-- The members a note mentions, written with the note in the writer's transaction, and only
-- for a note that mentions someone: every other message writes nothing here.
CREATE TABLE message_mentions (
    conversation_id UUID   NOT NULL,
    sequence_number BIGINT NOT NULL,
    note_number     BIGINT NOT NULL,
    -- the mentioned member's place in the note's list: 0, 1, ...
    ordinal         INTEGER NOT NULL,
    user_id         UUID   NOT NULL REFERENCES users (id),
    CONSTRAINT pk_message_mentions PRIMARY KEY (conversation_id, sequence_number, note_number, ordinal),
    CONSTRAINT fk_message_mentions_message FOREIGN KEY (conversation_id, sequence_number, note_number)
        REFERENCES messages (conversation_id, sequence_number, note_number),
    CONSTRAINT uq_message_mentions_user UNIQUE (conversation_id, sequence_number, note_number, user_id)
);

-- A member's notifications. dedupe_key makes creating one idempotent and coalesces: a
-- mention's and an assignment's name their source for good (a publication run again stores
-- nothing twice); an unread NEW_MESSAGE's names its conversation until it is read, then is
-- cleared, so at most one unread NEW_MESSAGE per conversation and member exists, also under
-- races, and the next customer message after reading starts a new one. NULLs do not
-- collide in a UNIQUE constraint, on H2 as on PostgreSQL.
CREATE TABLE notifications (
    id              UUID                     NOT NULL PRIMARY KEY,
    workspace_id    UUID                     NOT NULL REFERENCES workspaces (id),
    recipient_id    UUID                     NOT NULL REFERENCES users (id),
    kind            VARCHAR(20)              NOT NULL,
    conversation_id UUID                     NOT NULL REFERENCES conversations (id),
    -- who did it: the mentioning or assigning member; NULL for a customer's message or Parley
    actor_id        UUID,
    -- the message it is about (the last one, for coalesced customer messages); NULL for an
    -- assignment
    sequence_number BIGINT,
    note_number     BIGINT,
    excerpt         VARCHAR(200),
    -- how many customer messages a NEW_MESSAGE stands for; 1 otherwise
    message_count   INTEGER                  NOT NULL,
    dedupe_key      VARCHAR(120),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_notifications_kind CHECK (kind IN ('MENTIONED', 'ASSIGNED', 'NEW_MESSAGE')),
    CONSTRAINT uq_notifications_dedupe UNIQUE (recipient_id, dedupe_key)
);

-- A member's list, newest first, and their unread count.
CREATE INDEX ix_notifications_recipient ON notifications (workspace_id, recipient_id, updated_at, id);
CREATE INDEX ix_notifications_unread ON notifications (workspace_id, recipient_id, read_at);
