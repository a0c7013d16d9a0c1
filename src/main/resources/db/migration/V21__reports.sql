-- Reports (issue 12, decisions 87-89). Portable between H2 and PostgreSQL.

-- The workspace's time zone, an IANA id: the days of its reports.
ALTER TABLE workspaces ADD COLUMN time_zone VARCHAR(60) DEFAULT 'UTC' NOT NULL;

-- When the conversation last became resolved or closed, coming from another status: the
-- clock of its resolution time stops there. Kept by the aggregate; meaningful only while
-- the status is resolved or closed (a customer reopening it leaves a stale value, which
-- the reports ignore). Before V21 nothing recorded it: closed conversations take their
-- closing time, resolved ones their last change.
ALTER TABLE conversations ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
UPDATE conversations SET resolved_at = COALESCE(closed_at, updated_at) WHERE status = 'closed';
UPDATE conversations SET resolved_at = updated_at WHERE status = 'resolved';

-- No index for the reports' ranges: every message updates its conversation's row, and on
-- PostgreSQL such an update (not HOT, updated_at is indexed) writes into every index of the
-- table, so two more indexes would cost every message two index inserts. The reports scan a
-- workspace's conversations instead (see docs/reports.md).
