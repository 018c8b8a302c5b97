package dev.ponder.conversation;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * H2's native full-text search ({@code FT_SEARCH_DATA}): whole words, any case, all words
 * of the query required. The index is kept by triggers that the migration installed.
 */
class H2TextSearch implements TextSearch {

	/**
	 * Every match, kept only where its conversation is the owner's: the index knows
	 * nothing of owners, so the limit applies after the filter.
	 */
	private static final String OWNED_MATCHES = """
			SELECT ft."TABLE", ft.KEYS FROM FT_SEARCH_DATA(?, 0, 0) ft
			JOIN conversation c ON c.id = CASE WHEN ft."TABLE" = 'CONVERSATION' THEN CAST(ft.KEYS[1] AS UUID)
			    ELSE (SELECT m.conversation_id FROM message m WHERE m.id = CAST(ft.KEYS[1] AS UUID)) END
			WHERE c.owner_id = ?
			LIMIT ?""";

	private final JdbcClient jdbc;

	H2TextSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Hits find(String query, UUID ownerId, int limit) {
		List<UUID> messages = new ArrayList<>();
		List<UUID> conversations = new ArrayList<>();
		StatementSpec search = (ownerId != null) ? this.jdbc.sql(OWNED_MATCHES).params(query, ownerId, limit)
				: this.jdbc.sql("SELECT \"TABLE\", KEYS FROM FT_SEARCH_DATA(?, ?, 0)").params(query, limit);
		search.query((row, number) -> {
			UUID id = UUID.fromString(firstKey(row.getArray("KEYS")));
			("CONVERSATION".equals(row.getString("TABLE")) ? conversations : messages).add(id);
			return id;
		}).list();
		return new Hits(messages, conversations);
	}

	private static String firstKey(Array keys) throws SQLException {
		return String.valueOf(((Object[]) keys.getArray())[0]);
	}

}
