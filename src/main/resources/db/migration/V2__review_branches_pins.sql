-- Reviewing saved conversations: pins, deletion with an undo window, and the branch each
-- conversation follows. Written in the SQL that H2 and PostgreSQL both speak.

ALTER TABLE conversation ADD COLUMN pinned BOOLEAN DEFAULT FALSE NOT NULL;

-- Set when a conversation is deleted; it is hidden at once and purged once the undo window passes.
ALTER TABLE conversation ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

-- The last message of the branch the conversation follows (null: the most recent branch).
-- No foreign key: messages already depend on their conversation, and the cycle would make
-- deleting either awkward.
ALTER TABLE conversation ADD COLUMN active_leaf_id UUID;

CREATE INDEX conversation_listing ON conversation (deleted_at, pinned, updated_at);
CREATE INDEX message_parent ON message (conversation_id, parent_id);
