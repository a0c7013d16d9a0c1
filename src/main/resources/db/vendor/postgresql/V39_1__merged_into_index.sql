-- The conversations merged into one, read with its history: partial, so the conversations
-- nobody merged (almost all) have no entry in it.
CREATE INDEX conversations_merged_into ON conversations (merged_into) WHERE merged_into IS NOT NULL;
