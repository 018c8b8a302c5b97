-- A conversation is found by its system prompt as well as by its title: one index over both, so that
-- the words of a query may be spread between them (as H2's index over both columns allows). The
-- prompt is capped like message texts (see V2_1).
DROP INDEX conversation_title_search;
CREATE INDEX conversation_text_search ON conversation
    USING GIN (to_tsvector('simple', title || ' ' || left(coalesce(system_prompt, ''), 200000)));
