-- H2 keeps its rows in a B-tree of its own: nothing to tune here (see the PostgreSQL version).
SELECT 1;
