-- Gmail as a mailbox (issue 13, seed 000, decisions 103-105). Portable between H2 and
-- PostgreSQL.

-- An inbox is read by IMAP/SMTP or through the Gmail API: a Gmail inbox has no servers.
ALTER TABLE email_inboxes ADD COLUMN kind VARCHAR(10) DEFAULT 'imap' NOT NULL;
ALTER TABLE email_inboxes ADD CONSTRAINT ck_email_inboxes_kind CHECK (kind IN ('imap', 'gmail'));
ALTER TABLE email_inboxes ALTER COLUMN imap_host DROP NOT NULL;
ALTER TABLE email_inboxes ALTER COLUMN imap_port DROP NOT NULL;
ALTER TABLE email_inboxes ALTER COLUMN imap_tls DROP NOT NULL;
ALTER TABLE email_inboxes ALTER COLUMN imap_user DROP NOT NULL;
ALTER TABLE email_inboxes ALTER COLUMN imap_password DROP NOT NULL;
ALTER TABLE email_inboxes ALTER COLUMN smtp_host DROP NOT NULL;
ALTER TABLE email_inboxes ALTER COLUMN smtp_port DROP NOT NULL;
ALTER TABLE email_inboxes ALTER COLUMN smtp_starttls DROP NOT NULL;
ALTER TABLE email_inboxes ALTER COLUMN smtp_user DROP NOT NULL;
ALTER TABLE email_inboxes ALTER COLUMN smtp_password DROP NOT NULL;
ALTER TABLE email_inboxes ADD CONSTRAINT ck_email_inboxes_servers CHECK (kind <> 'imap' OR (imap_host IS NOT NULL
    AND imap_port IS NOT NULL AND imap_tls IS NOT NULL AND imap_user IS NOT NULL AND imap_password IS NOT NULL
    AND smtp_host IS NOT NULL AND smtp_port IS NOT NULL AND smtp_starttls IS NOT NULL AND smtp_user IS NOT NULL
    AND smtp_password IS NOT NULL));

-- A Gmail inbox's account: the refresh token Google's consent gave (sealed with
-- Encryption for this row, never returned or logged), the consent under way (only the
-- SHA-256 of its state parameter), where the history was read up to, and the watch on
-- the Pub/Sub topic (decision 104).
CREATE TABLE gmail_accounts (
    inbox_id           UUID                     NOT NULL PRIMARY KEY REFERENCES email_inboxes (id) ON DELETE CASCADE,
    refresh_token      VARCHAR(4000),
    consent_state      VARCHAR(64),
    consent_expires_at TIMESTAMP WITH TIME ZONE,
    history_id         BIGINT,
    watch_expires_at   TIMESTAMP WITH TIME ZONE,
    -- a verified push said there is news: the next round reads the history
    push_pending       BOOLEAN                  DEFAULT FALSE NOT NULL,
    CONSTRAINT uq_gmail_accounts_consent UNIQUE (consent_state)
);

-- Every Gmail message an inbox read or sent, by Gmail's own id: a message is fetched and
-- imported once, also across a full sync; the thread id puts a reply in the same Gmail
-- thread. Rows stay when their conversation goes, as email_messages' do (decision 92).
CREATE TABLE gmail_messages (
    inbox_id   UUID                     NOT NULL REFERENCES email_inboxes (id) ON DELETE CASCADE,
    gmail_id   VARCHAR(100)             NOT NULL,
    thread_id  VARCHAR(100)             NOT NULL,
    -- the mail's Message-ID, as email_messages holds it
    message_id VARCHAR(500)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (inbox_id, gmail_id)
);

CREATE INDEX ix_gmail_messages_message ON gmail_messages (inbox_id, message_id);
