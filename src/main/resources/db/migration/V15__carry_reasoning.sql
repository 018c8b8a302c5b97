-- "Let the model see its earlier reasoning": per conversation, off by default (earlier turns go
-- upstream without their reasoning, as before). Each answer records whether it was asked with
-- earlier answers' reasoning sent back, so that its meta line can say so later.
ALTER TABLE conversation ADD COLUMN carry_reasoning BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE message ADD COLUMN carried_reasoning BOOLEAN DEFAULT FALSE NOT NULL;
