-- Every list route is paged by key, oldest first: a time, then an id to break ties. Each
-- list gets an index in exactly that order, so a page is one range scan from the cursor.

-- GET /api/members
CREATE INDEX ix_memberships_joined ON memberships (workspace_id, created_at, user_id);

-- GET /api/workspaces (a user's memberships); replaces the index on user_id alone
CREATE INDEX ix_memberships_user_joined ON memberships (user_id, created_at, workspace_id);
DROP INDEX ix_memberships_user;

-- GET /api/roles (the custom ones)
CREATE INDEX ix_roles_created ON roles (workspace_id, created_at, id);

-- GET /api/invitations
CREATE INDEX ix_invitations_created ON invitations (workspace_id, created_at, id);
DROP INDEX ix_invitations_workspace;

-- GET /api/contacts/{id}/notes
CREATE INDEX ix_contact_notes_created ON contact_notes (contact_id, created_at, id);
DROP INDEX ix_contact_notes_contact;
