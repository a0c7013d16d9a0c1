-- The wake-up job's index: partial, so the conversations nobody snoozed (almost all, and
-- every message updates its conversation's row) never get an entry in it.
CREATE INDEX conversations_snoozed ON conversations (snoozed_until) WHERE snoozed_until IS NOT NULL;
