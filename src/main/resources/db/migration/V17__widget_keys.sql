-- The widget's public key (in the embed snippet, rotatable) and the secret of its identity
-- hashes (sealed with system.Encryption), both made the first time they are needed.
ALTER TABLE workspaces ADD COLUMN widget_key VARCHAR(64);
ALTER TABLE workspaces ADD CONSTRAINT uq_workspaces_widget_key UNIQUE (widget_key);
ALTER TABLE workspaces ADD COLUMN widget_identity_secret VARCHAR(500);
-- the attributes the host page set for this conversation (Parley('setConversationAttributes')),
-- a JSON object, and the visitor's browser when it started (seed 004's page context)
ALTER TABLE conversations ADD COLUMN attributes VARCHAR(20000);
