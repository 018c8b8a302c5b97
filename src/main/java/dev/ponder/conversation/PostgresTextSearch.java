package dev.ponder.conversation;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's full-text search over the GIN indexes the migration created: whole words,
 * any case, all words of the query required. The expressions must match the indexed ones
 * exactly, or PostgreSQL scans instead.
 */
class PostgresTextSearch implements TextSearch {

	private final JdbcClient jdbc;

	PostgresTextSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Hits find(String query, int limit) {
		List<UUID> messages = this.jdbc.sql("""
				SELECT id FROM message
				WHERE to_tsvector('simple', left(content, 200000) || ' ' || left(reasoning, 200000))
				      @@ plainto_tsquery('simple', :query)
				ORDER BY created_at DESC LIMIT :limit""")
			.param("query", query)
			.param("limit", limit)
			.query(UUID.class)
			.list();
		List<UUID> conversations = this.jdbc.sql("""
				SELECT id FROM conversation
				WHERE to_tsvector('simple', title) @@ plainto_tsquery('simple', :query)
				ORDER BY updated_at DESC LIMIT :limit""")
			.param("query", query)
			.param("limit", limit)
			.query(UUID.class)
			.list();
		return new Hits(messages, conversations);
	}

}
