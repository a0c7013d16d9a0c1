-- Spring Modulith's event publication registry (2.1, schema "v2"): the outbox of events
-- between modules. One row per event and module listener, kept until the listener has
-- finished; completed rows are deleted (decision 35), so the table holds only the work
-- still to do. Columns as in the library's schema-h2.sql and schema-postgresql.sql;
-- portable between H2 and PostgreSQL.

CREATE TABLE event_publication (
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)             NOT NULL,
    event_type             VARCHAR(512)             NOT NULL,
    -- the event as JSON; events carry ids, never secrets (decision 35)
    serialized_event       VARCHAR(4000)            NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    -- PUBLISHED, PROCESSING, COMPLETED, FAILED or RESUBMITTED
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);

-- The failed ones are looked up by status to be retried, oldest first. The library's own
-- index on the serialized event is left out: PostgreSQL's is a hash index, which H2 does
-- not have, and a B-tree entry of up to 4000 characters may exceed PostgreSQL's limit;
-- the table stays small because completed rows are deleted.
CREATE INDEX ix_event_publication_status ON event_publication (status, publication_date);
