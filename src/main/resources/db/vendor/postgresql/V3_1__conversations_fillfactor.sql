-- PostgreSQL only: every message updates its conversation's row. Room left on each page lets
-- such an update stay on the page as a HOT update, which touches no index (see
-- Conversation.ACTIVITY_RESOLUTION for why the indexed columns mostly stay unchanged).
ALTER TABLE conversations SET (fillfactor = 70);
