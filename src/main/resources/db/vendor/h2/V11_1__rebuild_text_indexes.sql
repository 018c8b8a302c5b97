-- Columns were added to conversation and message (V11): H2's full-text triggers remember columns
-- by position, so both indexes must be built again (see V4_1). A conversation is now found by its
-- system prompt as well as by its title.
CALL FT_DROP_INDEX('PUBLIC', 'MESSAGE');
CALL FT_CREATE_INDEX('PUBLIC', 'MESSAGE', 'CONTENT,REASONING');
CALL FT_DROP_INDEX('PUBLIC', 'CONVERSATION');
CALL FT_CREATE_INDEX('PUBLIC', 'CONVERSATION', 'TITLE,SYSTEM_PROMPT');
