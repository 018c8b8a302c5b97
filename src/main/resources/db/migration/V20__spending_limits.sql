-- Spending limits (issue 18): each person's own limits in US dollars, and the answers in flight
-- held against them. Written in the SQL that H2 and PostgreSQL both speak.

-- One row per person who has limits of their own or has ever been checked: the row a check locks
-- (SELECT ... FOR UPDATE), so that two sends of one person, even on two instances, are decided one
-- after the other. owner_key is the account's id, or the nil UUID for everyone with accounts off.
-- A null limit is no limit of one's own: the default (PONDER_DEFAULT_DAILY_LIMIT, ...) applies.
CREATE TABLE spending_limit (
    owner_key      UUID           NOT NULL PRIMARY KEY,
    daily_limit    NUMERIC(20, 10),
    monthly_limit  NUMERIC(20, 10)
);

-- What an answer in flight may cost at most, held against the limits until the answer ends and its
-- own cost counts instead. answer_id is null only between the check and the question's storing.
CREATE TABLE spending_reservation (
    id          UUID                     NOT NULL PRIMARY KEY,
    owner_key   UUID                     NOT NULL,
    answer_id   UUID,
    amount      NUMERIC(20, 10)          NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX spending_reservation_owner ON spending_reservation (owner_key, created_at);
CREATE INDEX spending_reservation_answer ON spending_reservation (answer_id);
