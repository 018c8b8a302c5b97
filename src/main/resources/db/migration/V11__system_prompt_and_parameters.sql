-- A conversation's system prompt, sent first on every turn; and the sampling set-up each
-- answer was asked with (null: the server's default).
ALTER TABLE conversation ADD COLUMN system_prompt TEXT;

ALTER TABLE message ADD COLUMN temperature DOUBLE PRECISION;
ALTER TABLE message ADD COLUMN top_p DOUBLE PRECISION;
ALTER TABLE message ADD COLUMN max_tokens INTEGER;
ALTER TABLE message ADD COLUMN seed BIGINT;
