-- How far a conversation's contact (a widget visitor) has read it, shown to the staff as a
-- read receipt (decision 66). One row per conversation: its contact is the one customer.
CREATE TABLE contact_reads (
    conversation_id    UUID                     NOT NULL PRIMARY KEY REFERENCES conversations (id),
    last_read_sequence BIGINT                   NOT NULL,
    read_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
