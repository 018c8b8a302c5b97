-- Files a person attaches to their questions: an image, a PDF or a text file each. A file is
-- uploaded before its question is sent, so it belongs to its owner first and to a conversation
-- once sent (conversation_id null until then); deleting the conversation deletes its files.
-- The bytes are kept apart (attachment_content, or files in PONDER_ATTACHMENT_DIR), so that
-- listing a conversation's files never reads them.
CREATE TABLE attachment (
    id               UUID                     NOT NULL PRIMARY KEY,
    owner_id         UUID                     REFERENCES account (id) ON DELETE CASCADE,
    conversation_id  UUID                     REFERENCES conversation (id) ON DELETE CASCADE,
    name             VARCHAR(255)             NOT NULL,
    content_type     VARCHAR(127)             NOT NULL,
    size_bytes       BIGINT                   NOT NULL,
    kind             VARCHAR(16)              NOT NULL,
    sha256           VARCHAR(64)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX attachment_conversation ON attachment (conversation_id);
CREATE INDEX attachment_created_at ON attachment (created_at);

-- Which files a question carries, in the order they were sent. One file may go with several
-- questions of its conversation (an edited question keeps the original's files).
CREATE TABLE message_attachment (
    message_id     UUID    NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    attachment_id  UUID    NOT NULL REFERENCES attachment (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    PRIMARY KEY (message_id, attachment_id)
);

CREATE INDEX message_attachment_attachment ON message_attachment (attachment_id);

-- The text of a PDF, read once when it is uploaded, for servers and models that cannot read PDFs
-- themselves: reading it again on every turn would take seconds. Apart from the row, so that
-- listing files never reads it; extracted null where the PDF's text could not be read.
CREATE TABLE attachment_text (
    attachment_id  UUID NOT NULL PRIMARY KEY REFERENCES attachment (id) ON DELETE CASCADE,
    extracted      TEXT
);
