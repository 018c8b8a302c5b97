-- Presets: a person's named set-ups for the composer (endpoint, model, reasoning, system prompt,
-- sampling parameters, and a relay or a compare). Written in the SQL that H2 and PostgreSQL both speak.
CREATE TABLE preset (
    id                 UUID                     NOT NULL PRIMARY KEY,
    -- Null for presets made with accounts off; an account's go with it.
    owner_id           UUID                     REFERENCES account (id) ON DELETE CASCADE,
    name               VARCHAR(100)             NOT NULL,
    -- The owner again, or the nil UUID for accounts off: a UNIQUE key treats NULLs as distinct,
    -- so owner_id alone would let two presets made with accounts off share a name.
    owner_key          UUID                     NOT NULL,
    -- The name in lower case: "Terse" and "terse" are one name for one person. Wider than the
    -- name: lower case can be longer ("İ" becomes two characters).
    name_key           VARCHAR(200)             NOT NULL,
    shared             BOOLEAN                  DEFAULT FALSE NOT NULL,
    endpoint           VARCHAR(64),
    model              VARCHAR(200),
    reasoning_setting  VARCHAR(32),
    system_prompt      TEXT,
    temperature        DOUBLE PRECISION,
    top_p              DOUBLE PRECISION,
    max_tokens         INTEGER,
    seed               BIGINT,
    thinker_model      VARCHAR(200),
    thinker_reasoning  VARCHAR(32),
    -- A compare's columns as a JSON array of {model, endpoint, reasoning, relay}: always read and
    -- written whole with the preset, never queried.
    compare_columns    TEXT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT preset_name_per_owner UNIQUE (owner_key, name_key)
);

CREATE INDEX preset_shared ON preset (shared);
CREATE INDEX preset_owner ON preset (owner_id);
