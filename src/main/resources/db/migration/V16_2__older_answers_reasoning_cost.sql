-- An answer stored before reasoning costs were kept (V16) that did not reason cost nothing for its
-- reasoning; one that reasoned keeps NULL, unknown: the price it was paid at is not known, and its
-- tokens may never have been counted. After this, NULL on an answer means unknown and only that.
-- After V16_1 on H2: an update of message needs its full-text trigger rebuilt for the new columns.
UPDATE message SET reasoning_cost = 0
WHERE role = 'ASSISTANT' AND COALESCE(reasoning_tokens, 0) + COALESCE(thinker_reasoning_tokens, 0) = 0
    AND LENGTH(reasoning) = 0;
