-- "Log out everywhere": raised to end every session and remember-me cookie of an account.
ALTER TABLE account ADD COLUMN session_epoch INTEGER DEFAULT 0 NOT NULL;
