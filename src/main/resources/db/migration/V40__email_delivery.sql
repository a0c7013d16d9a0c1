-- The email channel's delivery marks (issue 13, decisions 100-101): a reply the customer's
-- server bounced is 'bounced', beside 'failed' (given up after the last try); both show
-- as not delivered and may be queued again. The bounce's reason is kept in last_error.
ALTER TABLE email_outbox DROP CONSTRAINT ck_email_outbox_state;
ALTER TABLE email_outbox ADD CONSTRAINT ck_email_outbox_state
    CHECK (state IN ('pending', 'sent', 'failed', 'bounced'));

-- A bounce names the Message-ID of the reply it returns: found by it, per mailbox.
CREATE INDEX ix_email_outbox_message ON email_outbox (inbox_id, message_id);
