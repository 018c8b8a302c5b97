-- Failed log-ins, counted per key ("account-from:<name>@<address>", "address:<address>",
-- "account:<name>"), so that N instances allow the same number of guesses as one. Written in the SQL
-- that H2 and PostgreSQL both speak. Each try is one conditional UPDATE of its row (see LoginThrottle).
-- The time is in milliseconds since the epoch: the wait is arithmetic on it, and integer arithmetic
-- reads the same in both databases.
CREATE TABLE login_failure (
    throttle_key     VARCHAR(200) NOT NULL PRIMARY KEY,
    failures         INTEGER      NOT NULL,
    last_failure_at  BIGINT       NOT NULL
);

CREATE INDEX login_failure_last_failure_at ON login_failure (last_failure_at);
