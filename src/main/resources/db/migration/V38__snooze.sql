-- Snoozing a conversation (issue 12, decision 83): hidden from the inbox's active views
-- until snoozed_until, or until anything happens in it after snoozed_at. Portable between
-- H2 and PostgreSQL; PostgreSQL's partial index for the wake-up job is in db/vendor.
ALTER TABLE conversations ADD COLUMN snoozed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversations ADD COLUMN snoozed_at TIMESTAMP WITH TIME ZONE;
