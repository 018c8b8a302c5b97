-- Background jobs that must run once across instances (purges, refreshes, cleanups). Written in
-- the SQL that H2 and PostgreSQL both speak.

-- ShedLock's table: which instance runs a background job now, and until when nobody else may.
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until  TIMESTAMP    NOT NULL,
    locked_at   TIMESTAMP    NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
);
