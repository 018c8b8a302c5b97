-- H2's own full-text search: word indexes kept up to date by triggers on the indexed tables.
CREATE ALIAS IF NOT EXISTS FT_INIT FOR 'org.h2.fulltext.FullText.init';
CALL FT_INIT();
CALL FT_CREATE_INDEX('PUBLIC', 'MESSAGE', 'CONTENT,REASONING');
CALL FT_CREATE_INDEX('PUBLIC', 'CONVERSATION', 'TITLE');
