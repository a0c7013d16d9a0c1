-- Every list route is paged by key, oldest first: a time, then an id to break ties. Each
-- list gets an index in exactly that order, so a page is one range scan from the cursor.

-- Memberships keep their indexes: GET /api/members reads a workspace's range of the
-- primary key (workspace_id, user_id) and GET /api/workspaces a user's few rows through
-- ix_memberships_user. An index (workspace_id, created_at, user_id) was tried and made
-- PostgreSQL's plan for the analytics query (GET /admin/analytics) 150 times slower.

-- GET /api/roles (the custom ones)
CREATE INDEX ix_roles_created ON roles (workspace_id, created_at, id);

-- GET /api/invitations
CREATE INDEX ix_invitations_created ON invitations (workspace_id, created_at, id);
DROP INDEX ix_invitations_workspace;

-- GET /api/contacts/{id}/notes
CREATE INDEX ix_contact_notes_created ON contact_notes (contact_id, created_at, id);
DROP INDEX ix_contact_notes_contact;
