-- The first-user convention (decision 47): the first account to sign up as admin becomes the
-- default workspace's admin; after that only an admin makes admins. This column records when
-- a workspace got its first admin (for a founded workspace: its founding, by its owner), and
-- the conditional UPDATE that sets it lets exactly one of two concurrent sign-ups win.
ALTER TABLE workspaces ADD COLUMN first_admin_at TIMESTAMP WITH TIME ZONE;

-- an install upgraded to this version already has its admins
UPDATE workspaces SET first_admin_at = created_at
WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = workspaces.id AND m.role IN ('admin', 'owner'));
