-- What an answer's reasoning cost, in US dollars, at the completion price its model had when the
-- answer ended (prices change; the answer keeps the one it was paid at): reasoning tokens are billed
-- as completion tokens. For a relayed answer, the thinker's reasoning at the thinker's price plus the
-- answerer's own, if any. NULL means unknown, and only that: a model its endpoint does not list, an
-- endpoint without prices, reasoning whose tokens were never reported, and answers stored before this
-- column that reasoned (the price they were paid at is not known).
ALTER TABLE message ADD COLUMN reasoning_cost NUMERIC(20, 10);
-- V16_2 gives the answers stored before it that did not reason a zero.
