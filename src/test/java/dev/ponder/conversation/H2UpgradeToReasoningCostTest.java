package dev.ponder.conversation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An H2 database with answers in it, upgraded from before carried reasoning (V15) and
 * reasoning costs (V16): the older answers that did not reason cost nothing for
 * reasoning, those that did are unknown, and full-text search still finds old messages
 * and new ones.
 */
class H2UpgradeToReasoningCostTest {

	private static final UUID CONVERSATION = UUID.randomUUID();

	@Test
	void olderAnswersGetAReasoningCostOnlyWhereItIsKnownAndSearchKeepsWorking() throws SQLException {
		try (Connection connection = DriverManager
			.getConnection("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
			migrate(dataSource, "14");
			JdbcClient jdbc = JdbcClient.create(dataSource);
			jdbc.sql("INSERT INTO conversation (id, title, created_at, updated_at) VALUES (?, 'Old', NOW(), NOW())")
				.param(CONVERSATION)
				.update();
			UUID question = message(jdbc, "USER", "Which walrus is oldest?", "", null, null);
			UUID plain = message(jdbc, "ASSISTANT", "Plain answer about walruses", "", null, question);
			UUID reasoned = message(jdbc, "ASSISTANT", "An answer", "Pondering narwhals at length", null, question);
			UUID counted = message(jdbc, "ASSISTANT", "Another answer", "", 40, question);

			migrate(dataSource, "latest");

			assertThat(reasoningCost(jdbc, plain)).as("did not reason").isEqualByComparingTo("0");
			assertThat(reasoningCost(jdbc, question)).as("a question has none").isNull();
			assertThat(reasoningCost(jdbc, reasoned)).as("reasoned, tokens never counted").isNull();
			assertThat(reasoningCost(jdbc, counted)).as("reasoned at a price not known then").isNull();
			assertThat(found(jdbc, "walruses")).containsExactly(plain.toString());
			assertThat(found(jdbc, "narwhals")).containsExactly(reasoned.toString());
			UUID added = message(jdbc, "ASSISTANT", "A new answer on dugongs", "Thinking of manatees", null, question);
			assertThat(found(jdbc, "dugongs")).containsExactly(added.toString());
			assertThat(found(jdbc, "manatees")).containsExactly(added.toString());
			assertThat(found(jdbc, "Old")).as("conversations too").isNotEmpty();
		}
	}

	private static void migrate(SingleConnectionDataSource dataSource, String target) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.target(target)
			.load()
			.migrate();
	}

	private static UUID message(JdbcClient jdbc, String role, String content, String reasoning, Integer reasoningTokens,
			UUID parent) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO message (id, conversation_id, parent_id, position, role, status, content, reasoning,
					reasoning_tokens, created_at)
				VALUES (?, ?, ?, ?, ?, 'COMPLETE', ?, ?, ?, NOW())""")
			.params(id, CONVERSATION, parent, (parent != null) ? 1 : 0, role, content, reasoning, reasoningTokens)
			.update();
		return id;
	}

	private static BigDecimal reasoningCost(JdbcClient jdbc, UUID id) {
		return jdbc.sql("SELECT reasoning_cost FROM message WHERE id = ?")
			.param(id)
			.query((row, n) -> Optional.ofNullable(row.getBigDecimal(1)))
			.single()
			.orElse(null);
	}

	/** The ids of the messages H2's full-text index finds for a word. */
	private static List<String> found(JdbcClient jdbc, String word) {
		return jdbc.sql("SELECT \"TABLE\", KEYS FROM FT_SEARCH_DATA(?, 0, 0)")
			.param(word)
			.query((row, n) -> row.getString(1) + ":" + ((Object[]) row.getArray(2).getArray())[0])
			.list()
			.stream()
			.map((hit) -> hit.startsWith("MESSAGE:") ? hit.substring("MESSAGE:".length()) : hit)
			.toList();
	}

}
