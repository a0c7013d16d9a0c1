-- Where a Gmail consent returns to (issue 13, decision 115): NULL for the REST API's
-- consent, whose callback answers JSON; 'dashboard' for one started on the dashboard's
-- mailbox page, whose callback sends the browser back there. Portable between H2 and
-- PostgreSQL.
ALTER TABLE gmail_accounts ADD COLUMN consent_return VARCHAR(20);
ALTER TABLE gmail_accounts ADD CONSTRAINT ck_gmail_accounts_consent_return
    CHECK (consent_return IS NULL OR consent_return = 'dashboard');
