-- Merging two conversations of a contact (issue 12, decisions 84 and 85): the merged one is
-- closed and points at the one it was merged into. No message moves or is renumbered: the
-- staff's history of the surviving conversation reads both. Nothing but a merge writes the
-- column, so the updates every message makes to its conversation's row never touch it.
ALTER TABLE conversations ADD COLUMN merged_into UUID REFERENCES conversations (id) ON DELETE SET NULL;
