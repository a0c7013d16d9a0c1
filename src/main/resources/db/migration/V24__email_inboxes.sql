-- The email channel over IMAP/SMTP (issue 13, decisions 90-95). Portable between H2 and
-- PostgreSQL.

-- A workspace's mailbox. Both passwords are sealed with Encryption for this row and never
-- leave the server. uid_validity and last_uid say how far the import went: after any
-- downtime the poller fetches exactly the UIDs above last_uid (decision 90).
CREATE TABLE email_inboxes (
    id             UUID                     NOT NULL PRIMARY KEY,
    workspace_id   UUID                     NOT NULL REFERENCES workspaces (id),
    display_name   VARCHAR(200)             NOT NULL,
    from_address   VARCHAR(254)             NOT NULL,
    imap_host      VARCHAR(255)             NOT NULL,
    imap_port      INTEGER                  NOT NULL,
    imap_tls       BOOLEAN                  NOT NULL,
    imap_user      VARCHAR(255)             NOT NULL,
    imap_password  VARCHAR(2000)            NOT NULL,
    smtp_host      VARCHAR(255)             NOT NULL,
    smtp_port      INTEGER                  NOT NULL,
    smtp_starttls  BOOLEAN                  NOT NULL,
    smtp_user      VARCHAR(255)             NOT NULL,
    smtp_password  VARCHAR(2000)            NOT NULL,
    signature      VARCHAR(2000),
    uid_validity   BIGINT,
    last_uid       BIGINT                   DEFAULT 0 NOT NULL,
    connected      BOOLEAN                  DEFAULT FALSE NOT NULL,
    last_sync_at   TIMESTAMP WITH TIME ZONE,
    last_error     VARCHAR(500),
    -- one node polls a mailbox at a time: it holds the lease until then (decision 91)
    lease_until    TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_email_inboxes_address UNIQUE (workspace_id, from_address),
    CONSTRAINT ck_email_inboxes_ports CHECK (imap_port BETWEEN 1 AND 65535 AND smtp_port BETWEEN 1 AND 65535)
);

CREATE INDEX ix_email_inboxes_workspace ON email_inboxes (workspace_id, created_at);

-- Every mail a mailbox imported, by its Message-ID, whatever became of it: the key makes
-- a second import of the same mail impossible, also across a resync, and a conversation
-- removed in Parley keeps its rows so it is never made again (decision 92). No foreign
-- key to the conversation for that reason.
CREATE TABLE email_messages (
    inbox_id        UUID                     NOT NULL REFERENCES email_inboxes (id) ON DELETE CASCADE,
    message_id      VARCHAR(500)             NOT NULL,
    workspace_id    UUID                     NOT NULL REFERENCES workspaces (id),
    conversation_id UUID,
    -- the message's place in its conversation, when it became one
    sequence_number BIGINT,
    outgoing        BOOLEAN                  NOT NULL,
    -- who wrote an incoming mail and about what: a reply goes back there
    address         VARCHAR(254),
    subject         VARCHAR(300),
    auto_reply      BOOLEAN                  DEFAULT FALSE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (inbox_id, message_id)
);

CREATE INDEX ix_email_messages_conversation ON email_messages (conversation_id);
