-- H2's full-text triggers remember the table's columns by position: after columns are added to
-- message, the index must be built again, or its trigger reads the wrong column on every insert.
CALL FT_DROP_INDEX('PUBLIC', 'MESSAGE');
CALL FT_CREATE_INDEX('PUBLIC', 'MESSAGE', 'CONTENT,REASONING');
