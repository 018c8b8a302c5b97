-- A column was added to conversation (V15): H2's full-text triggers remember columns by position,
-- so its index must be built again (see V4_1 and V11_1), on the same columns. V15 added one to
-- message as well, but V16 adds another straight after: V16_1 rebuilds message's index once, for
-- both (rebuilding reads every message's content and reasoning, the slow part of an upgrade).
CALL FT_DROP_INDEX('PUBLIC', 'CONVERSATION');
CALL FT_CREATE_INDEX('PUBLIC', 'CONVERSATION', 'TITLE,SYSTEM_PROMPT');
