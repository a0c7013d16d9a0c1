-- The conversation core for every channel. Portable between H2 and PostgreSQL.
--
-- A message's author is a member, a contact, a bot or the system, with no foreign key to
-- users. Messages the customer may see are numbered 1, 2, 3, ... without gaps
-- (sequence_number); internal notes keep the visible number they follow and count on their
-- own (note_number), so a customer can tell a missed message from a hidden one. A client's
-- own message id makes a repeated send return the stored message.
--
-- The table is made anew, because the foreign key of sender_id has a generated name that
-- differs between the two databases.

CREATE TABLE conversation_messages (
    conversation_id   UUID                     NOT NULL REFERENCES conversations (id),
    -- messages the customer may see: 1, 2, 3, ...; a note: the visible message it follows
    sequence_number   BIGINT                   NOT NULL,
    -- 0 for messages the customer may see; internal notes: 1, 2, 3, ...
    note_number       BIGINT                   NOT NULL,
    author_type       VARCHAR(10)              NOT NULL,
    -- the member's user id, the contact's id, the bot's id; NULL for the system
    author_id         UUID,
    author_name       VARCHAR(200),
    author_avatar_url VARCHAR(2000),
    -- seed 003's senderId: the login that wrote it, or NULL for a visitor, a bot, the system
    sender_id         UUID,
    sender_role       VARCHAR(60)              NOT NULL,
    message_type      VARCHAR(10)              NOT NULL,
    content           VARCHAR(20000)           NOT NULL,
    client_message_id VARCHAR(100),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (conversation_id, sequence_number, note_number),
    CONSTRAINT uq_conversation_messages_client UNIQUE (conversation_id, client_message_id),
    CONSTRAINT ck_conversation_messages_author CHECK (author_type IN ('member', 'contact', 'bot', 'system')),
    CONSTRAINT ck_conversation_messages_type CHECK (message_type IN ('text', 'file', 'system', 'bot', 'note')),
    CONSTRAINT ck_conversation_messages_note CHECK ((message_type = 'note') = (note_number > 0))
);

-- Visible messages are numbered anew without the notes; notes count on their own and
-- follow the visible message before them.
INSERT INTO conversation_messages (conversation_id, sequence_number, note_number, author_type, author_id, author_name,
                                   author_avatar_url, sender_id, sender_role, message_type, content,
                                   client_message_id, created_at, edited_at)
SELECT m.conversation_id,
       (SELECT COUNT(*) FROM messages v
        WHERE v.conversation_id = m.conversation_id AND v.message_type <> 'note'
          AND v.sequence_number <= m.sequence_number),
       CASE WHEN m.message_type = 'note'
            THEN (SELECT COUNT(*) FROM messages n
                  WHERE n.conversation_id = m.conversation_id AND n.message_type = 'note'
                    AND n.sequence_number <= m.sequence_number)
            ELSE 0 END,
       CASE WHEN m.sender_role = 'candidate' AND m.sender_id = c.candidate_id THEN 'contact' ELSE 'member' END,
       CASE WHEN m.sender_role = 'candidate' AND m.sender_id = c.candidate_id THEN c.contact_id ELSE m.sender_id END,
       u.name, NULL, m.sender_id, m.sender_role, m.message_type, m.content, NULL, m.created_at, m.edited_at
FROM messages m
JOIN conversations c ON c.id = m.conversation_id
LEFT JOIN users u ON u.id = m.sender_id;

-- read marks count visible messages only
UPDATE conversation_reads SET last_read_sequence = (
    SELECT COUNT(*) FROM messages v
    WHERE v.conversation_id = conversation_reads.conversation_id AND v.message_type <> 'note'
      AND v.sequence_number <= conversation_reads.last_read_sequence);

ALTER TABLE conversations ADD COLUMN last_note_number BIGINT DEFAULT 0 NOT NULL;
UPDATE conversations SET
    last_sequence = (SELECT COUNT(*) FROM messages v WHERE v.conversation_id = conversations.id
                     AND v.message_type <> 'note'),
    last_note_number = (SELECT COUNT(*) FROM messages n WHERE n.conversation_id = conversations.id
                        AND n.message_type = 'note');

DROP TABLE messages;
ALTER TABLE conversation_messages RENAME TO messages;
