package dev.ponder.conversation;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2's native full-text search ({@code FT_SEARCH_DATA}): whole words, any case, all words
 * of the query required. The index is kept by triggers that the migration installed.
 */
class H2TextSearch implements TextSearch {

	private final JdbcClient jdbc;

	H2TextSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Hits find(String query, int limit) {
		List<UUID> messages = new ArrayList<>();
		List<UUID> conversations = new ArrayList<>();
		this.jdbc.sql("SELECT \"TABLE\", KEYS FROM FT_SEARCH_DATA(?, ?, 0)")
			.param(query)
			.param(limit)
			.query((row, number) -> {
				UUID id = UUID.fromString(firstKey(row.getArray("KEYS")));
				("CONVERSATION".equals(row.getString("TABLE")) ? conversations : messages).add(id);
				return id;
			})
			.list();
		return new Hits(messages, conversations);
	}

	private static String firstKey(Array keys) throws SQLException {
		return String.valueOf(((Object[]) keys.getArray())[0]);
	}

}
