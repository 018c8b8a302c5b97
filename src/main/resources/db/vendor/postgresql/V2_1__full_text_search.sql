-- PostgreSQL's own full-text search: GIN indexes over the words of answers, reasoning and titles.
-- The 'simple' configuration neither stems nor drops stop words, so any language and code are
-- found as written. Texts are capped so that a huge message cannot exceed tsvector's 1 MB limit.
CREATE INDEX message_text_search ON message
    USING GIN (to_tsvector('simple', left(content, 200000) || ' ' || left(reasoning, 200000)));
CREATE INDEX conversation_title_search ON conversation USING GIN (to_tsvector('simple', title));
