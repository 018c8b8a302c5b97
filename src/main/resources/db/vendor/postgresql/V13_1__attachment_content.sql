-- The bytes of attachments kept in the database (PONDER_ATTACHMENT_DIR unset), and their
-- thumbnails: PostgreSQL's bytea (TOASTed out of the row when large), not large objects, so that
-- deleting a row deletes its bytes.
CREATE TABLE attachment_content (
    attachment_id  UUID  NOT NULL PRIMARY KEY REFERENCES attachment (id) ON DELETE CASCADE,
    data           BYTEA NOT NULL,
    thumbnail      BYTEA
);
