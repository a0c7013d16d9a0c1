-- H2 has no partial indexes; the embedded database's wake-up job scans (PostgreSQL's
-- index is in db/vendor/postgresql).
SELECT 1;
