-- Models from several OpenAI-style endpoints. Written in the SQL that H2 and PostgreSQL both speak.

-- The endpoint that served each answer (null for a person's message); everything stored before there
-- were others went to OpenRouter. A default fills the rows without an UPDATE, which H2's full-text
-- triggers would trip over until the index is rebuilt (V4_1).
ALTER TABLE message ADD COLUMN endpoint VARCHAR(64) DEFAULT 'openrouter';

-- The last good GET /models answer of each endpoint, as it came, so that a restart with the endpoint
-- down still has a model list. Kept only for the base URL it came from.
CREATE TABLE model_list (
    endpoint    VARCHAR(64)              NOT NULL PRIMARY KEY,
    base_url    VARCHAR(1000)            NOT NULL,
    body        TEXT                     NOT NULL,
    fetched_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Usage by model and by day reads the finished answers.
CREATE INDEX message_role_created_at ON message (role, created_at);
