package dev.ponder.conversation;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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
	public Hits find(String query, UUID ownerId, int limit) {
		String ownedBy = (ownerId != null) ? "AND c.owner_id = :owner" : "";
		List<UUID> messages = this.jdbc.sql("""
				SELECT m.id FROM message m JOIN conversation c ON c.id = m.conversation_id
				WHERE to_tsvector('simple', left(m.content, 200000) || ' ' || left(m.reasoning, 200000))
				      @@ plainto_tsquery('simple', :query) %s
				ORDER BY m.created_at DESC LIMIT :limit""".formatted(ownedBy))
			.paramSource(params(query, ownerId, limit))
			.query(UUID.class)
			.list();
		List<UUID> conversations = this.jdbc.sql("""
				SELECT c.id FROM conversation c
				WHERE to_tsvector('simple', c.title || ' ' || left(coalesce(c.system_prompt, ''), 200000))
				      @@ plainto_tsquery('simple', :query) %s
				ORDER BY c.updated_at DESC LIMIT :limit""".formatted(ownedBy))
			.paramSource(params(query, ownerId, limit))
			.query(UUID.class)
			.list();
		return new Hits(messages, conversations);
	}

	private static MapSqlParameterSource params(String query, UUID ownerId, int limit) {
		return new MapSqlParameterSource().addValue("query", query).addValue("owner", ownerId).addValue("limit", limit);
	}

}
