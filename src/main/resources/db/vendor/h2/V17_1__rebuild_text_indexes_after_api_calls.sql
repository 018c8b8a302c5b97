-- Columns were added to conversation and message (V17): H2's full-text triggers remember columns by
-- position, so both indexes must be built again (see V4_1), on the same columns.
CALL FT_DROP_INDEX('PUBLIC', 'CONVERSATION');
CALL FT_CREATE_INDEX('PUBLIC', 'CONVERSATION', 'TITLE,SYSTEM_PROMPT');
CALL FT_DROP_INDEX('PUBLIC', 'MESSAGE');
CALL FT_CREATE_INDEX('PUBLIC', 'MESSAGE', 'CONTENT,REASONING');
