-- H2 indexes the foreign key of V39 on its own and has no partial indexes (PostgreSQL's
-- index is in db/vendor/postgresql).
SELECT 1;
