-- Accounts: the people who use an instance, their personal access tokens, and whose each
-- conversation is. Written in the SQL that H2 and PostgreSQL both speak.

CREATE TABLE account (
    id             UUID                     NOT NULL PRIMARY KEY,
    -- Stored in lower case: "Alice" and "alice" are one person.
    username       VARCHAR(64)              NOT NULL UNIQUE,
    -- An adaptive hash with its algorithm named in front ({bcrypt}...), never the password.
    password_hash  VARCHAR(255)             NOT NULL,
    admin          BOOLEAN                  DEFAULT FALSE NOT NULL,
    disabled       BOOLEAN                  DEFAULT FALSE NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE access_token (
    id            UUID                     NOT NULL PRIMARY KEY,
    account_id    UUID                     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name          VARCHAR(100)             NOT NULL,
    -- SHA-256 of the token: tokens are long and random, so a fast hash is enough, and it can be
    -- looked up directly. The token itself is shown once and never stored.
    token_hash    VARCHAR(64)              NOT NULL UNIQUE,
    -- The token's first characters, so that a person can tell their tokens apart.
    token_prefix  VARCHAR(16)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX access_token_account ON access_token (account_id);

-- Whose conversation this is. Null for conversations made with accounts off; the first
-- administrator adopts those.
ALTER TABLE conversation ADD COLUMN owner_id UUID REFERENCES account (id);

CREATE INDEX conversation_owner_listing ON conversation (owner_id, deleted_at, pinned, updated_at);
