-- Reasoning relay (one model thinks, another answers) and side-by-side compare.

-- A relayed answer: which model did the thinking, and what that thinking cost. The answer's own
-- tokens stay in prompt_tokens/completion_tokens/reasoning_tokens; cost holds the total of both.
ALTER TABLE message ADD COLUMN thinker_model VARCHAR(200);
ALTER TABLE message ADD COLUMN thinker_provider VARCHAR(200);
ALTER TABLE message ADD COLUMN thinker_prompt_tokens INTEGER;
ALTER TABLE message ADD COLUMN thinker_completion_tokens INTEGER;
ALTER TABLE message ADD COLUMN thinker_reasoning_tokens INTEGER;
ALTER TABLE message ADD COLUMN thinker_cost NUMERIC(20, 10);

-- Answers made side by side for one question share a group (the question's id) and keep their column.
ALTER TABLE message ADD COLUMN compare_group UUID;
ALTER TABLE message ADD COLUMN compare_column INTEGER;

-- Settings a person edits in the app (the relay's prompt template), by name.
CREATE TABLE app_setting (
    name        VARCHAR(100) NOT NULL PRIMARY KEY,
    setting_value TEXT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
