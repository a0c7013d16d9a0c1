-- The dashboard's saved inbox views (issue 12): a member's own filters under a name.
-- Portable between H2 and PostgreSQL.
CREATE TABLE saved_views (
    id UUID PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    owner_id UUID NOT NULL,
    name VARCHAR(100) NOT NULL,
    query VARCHAR(1000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX saved_views_owner ON saved_views (workspace_id, owner_id, created_at);
