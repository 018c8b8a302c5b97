-- Read-only links to a conversation as it was when shared (/s/{token}). The snapshot is the path
-- from the first message to leaf_message_id with the title of that moment: later turns hang below
-- the leaf and stay out until the person shares again, which moves the same row (same token).
-- One link per conversation. Deleting the conversation only hides it: its link answers 404, and works
-- again if the conversation is restored. Purging it (or deleting its owner's account) deletes the link.
CREATE TABLE share_link (
    -- 128 random bits, URL-safe base64 without padding: the link's only secret.
    token            VARCHAR(22)              NOT NULL PRIMARY KEY,
    -- Null for links made with accounts off.
    owner_id         UUID                     REFERENCES account (id) ON DELETE CASCADE,
    conversation_id  UUID                     NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    -- Null for a conversation shared before its first message. Not a foreign key: a message
    -- gone from under a link makes the link show nothing, it does not make the link fail.
    leaf_message_id  UUID,
    title            VARCHAR(200)             NOT NULL,
    show_costs       BOOLEAN                  DEFAULT FALSE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT share_link_one_per_conversation UNIQUE (conversation_id)
);

CREATE INDEX share_link_owner ON share_link (owner_id);
