-- What an answer's reasoning cost, in US dollars, at the completion price its model had when the
-- answer ended (prices change; the answer keeps the one it was paid at): reasoning tokens are billed
-- as completion tokens. For a relayed answer, the thinker's reasoning at the thinker's price plus the
-- answerer's own, if any. NULL where the price was unknown (a model its endpoint does not list, an
-- endpoint without prices) and for answers stored before this column: their price is not known.
ALTER TABLE message ADD COLUMN reasoning_cost NUMERIC(20, 10);
