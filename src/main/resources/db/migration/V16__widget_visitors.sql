-- A widget visitor the host site vouched for (identity verification) is one contact on every
-- device: known by the site's own id for them.
ALTER TABLE contacts ADD COLUMN external_id VARCHAR(255);
ALTER TABLE contacts ADD CONSTRAINT uq_contacts_external UNIQUE (workspace_id, external_id);
