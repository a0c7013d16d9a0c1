-- Agents' replies on email conversations waiting to be mailed (issue 13, decision 95).
-- One row per message: the unique key makes a second enqueue impossible; the Message-ID
-- is chosen once, so a retry sends the same mail.
CREATE TABLE email_outbox (
    id              UUID                     NOT NULL PRIMARY KEY,
    inbox_id        UUID                     NOT NULL REFERENCES email_inboxes (id) ON DELETE CASCADE,
    workspace_id    UUID                     NOT NULL REFERENCES workspaces (id),
    conversation_id UUID                     NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    message_id      VARCHAR(500)             NOT NULL,
    -- the reply's text as written, so a later edit does not change a mail half sent
    body            VARCHAR(20000)           NOT NULL,
    state           VARCHAR(12)              NOT NULL,
    attempts        INTEGER                  DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    sent_at         TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_email_outbox_message UNIQUE (conversation_id, sequence_number),
    CONSTRAINT ck_email_outbox_state CHECK (state IN ('pending', 'sent', 'failed'))
);

CREATE INDEX ix_email_outbox_due ON email_outbox (state, next_attempt_at);
