-- A column was added to message (V16): H2's full-text triggers remember columns by position, so the
-- index must be built again (see V4_1).
CALL FT_DROP_INDEX('PUBLIC', 'MESSAGE');
CALL FT_CREATE_INDEX('PUBLIC', 'MESSAGE', 'CONTENT,REASONING');
