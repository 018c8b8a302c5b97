-- The bytes of attachments kept in the database (PONDER_ATTACHMENT_DIR unset), and their
-- thumbnails: H2 keeps large objects apart from the row as BLOBs.
CREATE TABLE attachment_content (
    attachment_id  UUID NOT NULL PRIMARY KEY REFERENCES attachment (id) ON DELETE CASCADE,
    data           BLOB NOT NULL,
    thumbnail      BLOB
);
