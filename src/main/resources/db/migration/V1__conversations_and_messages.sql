-- Conversations and their messages. Written in the SQL that H2 and PostgreSQL both speak.

CREATE TABLE conversation (
    id          UUID                     NOT NULL PRIMARY KEY,
    title       VARCHAR(200)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX conversation_updated_at ON conversation (updated_at DESC);

CREATE TABLE message (
    id                    UUID                     NOT NULL PRIMARY KEY,
    conversation_id       UUID                     NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    -- The message this one answers or follows; siblings under one parent are branches.
    parent_id             UUID                     REFERENCES message (id) ON DELETE CASCADE,
    position              INTEGER                  NOT NULL,
    role                  VARCHAR(16)              NOT NULL,
    status                VARCHAR(16)              NOT NULL,
    content               TEXT                     NOT NULL,
    reasoning             TEXT                     NOT NULL,
    -- The raw reasoning_details as JSON, encrypted blocks included: some models want them back.
    reasoning_details     TEXT,
    model                 VARCHAR(200),
    reasoning_setting     VARCHAR(32),
    provider              VARCHAR(200),
    generation_id         VARCHAR(200),
    finish_reason         VARCHAR(64),
    native_finish_reason  VARCHAR(64),
    error_code            VARCHAR(64),
    error_message         VARCHAR(2000),
    prompt_tokens         INTEGER,
    completion_tokens     INTEGER,
    reasoning_tokens      INTEGER,
    cost                  NUMERIC(20, 10),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    reasoning_started_at  TIMESTAMP WITH TIME ZONE,
    content_started_at    TIMESTAMP WITH TIME ZONE,
    finished_at           TIMESTAMP WITH TIME ZONE
);

CREATE INDEX message_conversation_position ON message (conversation_id, position);
CREATE INDEX message_status ON message (status);
