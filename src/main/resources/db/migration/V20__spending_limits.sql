-- Spending limits (issue 18): each person's own limits in US dollars, and the answers in flight
-- held against them. Written in the SQL that H2 and PostgreSQL both speak.

-- One row per person who has limits of their own or has ever been checked: the row a check locks
-- (SELECT ... FOR UPDATE), so that two sends of one person, even on two instances, are decided one
-- after the other. owner_key is the account's id, or the nil UUID for everyone with accounts off.
-- A person's own limit is one of three: an amount (0 or more), null for nothing of one's own (the
-- default, PONDER_DEFAULT_DAILY_LIMIT, ..., applies), or -1 for no limit even when there is a default
-- (a person exempt from it). -1 rather than a column of its own so that every reader of the row, the
-- send's check included, learns all three from the same column; the check keeps other negatives out.
CREATE TABLE spending_limit (
    owner_key      UUID           NOT NULL PRIMARY KEY,
    daily_limit    NUMERIC(20, 10) CHECK (daily_limit >= 0 OR daily_limit = -1),
    monthly_limit  NUMERIC(20, 10) CHECK (monthly_limit >= 0 OR monthly_limit = -1),
    -- The models the person may use, as patterns one a line (deepseek/*, ollama:*); null for all.
    allowed_models VARCHAR(4000)
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

-- What each answer cost, written in the transaction that ends it: what a limit counts. A ledger of its
-- own because the trash purges a deleted conversation 30 s after its delete: spend must not go with
-- it. (Answers asked through the API with "don't save" are never purged: their conversation stays,
-- hidden, with its texts forgotten.) at is when the answer was asked for, as the usage page counts
-- days. estimated is true where the upstream reported no cost (an answer stopped, or cut short by a
-- crash, is billed all the same): cost is then Ponder's estimate, from the prompt and the characters
-- written, at most the answer's hold.
CREATE TABLE spending_ledger (
    answer_id  UUID                     NOT NULL PRIMARY KEY,
    owner_key  UUID                     NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    cost       NUMERIC(20, 10)          NOT NULL,
    estimated  BOOLEAN                  NOT NULL DEFAULT FALSE
);

CREATE INDEX spending_ledger_owner_at ON spending_ledger (owner_key, at);

-- The answers that ended before limits existed, imported ones included: they count by the day they were
-- asked. An answer that an instance of an older version ends after this ran (a rolling upgrade) is not
-- written here: it does not count against a limit.
INSERT INTO spending_ledger (answer_id, owner_key, at, cost)
SELECT m.id, COALESCE(c.owner_id, CAST('00000000-0000-0000-0000-000000000000' AS UUID)), m.created_at, m.cost
FROM message m JOIN conversation c ON c.id = m.conversation_id
WHERE m.role = 'ASSISTANT' AND m.cost IS NOT NULL;
