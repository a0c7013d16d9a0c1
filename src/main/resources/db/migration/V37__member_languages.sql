-- The language a member chose for the dashboard (issue 12), theirs in every workspace;
-- without a row the browser's Accept-Language decides. Portable between H2 and PostgreSQL.
CREATE TABLE dashboard_languages (
    user_id UUID PRIMARY KEY,
    language VARCHAR(10) NOT NULL
);
