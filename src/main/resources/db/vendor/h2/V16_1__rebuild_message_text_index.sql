-- Columns were added to message (V15 and V16): H2's full-text triggers remember columns by position,
-- so the index must be built again (see V4_1), once for both.
CALL FT_DROP_INDEX('PUBLIC', 'MESSAGE');
CALL FT_CREATE_INDEX('PUBLIC', 'MESSAGE', 'CONTENT,REASONING');
