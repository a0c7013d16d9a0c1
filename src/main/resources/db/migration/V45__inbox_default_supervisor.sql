-- The supervisor an inbox's new conversations are sent to (issue 13, decision 114): a
-- member who may assign conversations routes them to their agents; none leaves them to
-- whoever oversees the whole workspace. A deleted account leaves the inbox unrouted.
ALTER TABLE email_inboxes ADD COLUMN default_supervisor_id UUID REFERENCES users (id) ON DELETE SET NULL;
