-- System messages are the staff's, numbered with the notes (decision 44). V6, not V5: the
-- paging work holds V5.
ALTER TABLE messages DROP CONSTRAINT ck_conversation_messages_note;
ALTER TABLE messages ADD CONSTRAINT ck_conversation_messages_internal
    CHECK ((message_type IN ('note', 'system')) = (note_number > 0));
