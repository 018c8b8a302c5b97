-- Conversations asked through the OpenAI-compatible API (/v1/chat/completions) say so.
ALTER TABLE conversation ADD COLUMN made_through_api BOOLEAN DEFAULT FALSE NOT NULL;
-- A call made without saving ("X-Ponder-Save: false", or a token made not to save) is a
-- conversation that is never listed nor opened: its texts are erased when its answer ends, its
-- costs and tokens stay for the usage figures and spending limits.
ALTER TABLE conversation ADD COLUMN kept BOOLEAN DEFAULT TRUE NOT NULL;
-- A fingerprint of the thread from the first message down to this one (SHA-256 over each
-- message's role and text, chained), kept for conversations made through the API: a later call
-- whose messages repeat a thread continues it instead of starting another conversation.
ALTER TABLE message ADD COLUMN thread_hash VARCHAR(64);
CREATE INDEX message_thread_hash ON message (thread_hash);
-- The stop sequences an answer was asked with, as a JSON array of strings.
ALTER TABLE message ADD COLUMN stop_sequences VARCHAR(4000);
-- A token made for a script whose calls through the API are not to be kept.
ALTER TABLE access_token ADD COLUMN saves_calls BOOLEAN DEFAULT TRUE NOT NULL;
-- Presets keep the same sampling set-up as answers (AnswerParameters), stop sequences included.
ALTER TABLE preset ADD COLUMN stop_sequences VARCHAR(4000);
