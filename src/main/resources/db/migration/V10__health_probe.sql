-- One row that the readiness probe writes, so that "ready" means the database takes writes,
-- not merely that a connection answers.
CREATE TABLE health_probe (
    id         INTEGER   PRIMARY KEY,
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO health_probe (id, checked_at) VALUES (1, CURRENT_TIMESTAMP);
