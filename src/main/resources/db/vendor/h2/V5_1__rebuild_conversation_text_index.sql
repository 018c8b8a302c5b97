-- A column was added to conversation (owner_id): H2's full-text trigger remembers columns by
-- position, so the title index must be built again (see V4_1).
CALL FT_DROP_INDEX('PUBLIC', 'CONVERSATION');
CALL FT_CREATE_INDEX('PUBLIC', 'CONVERSATION', 'TITLE');
