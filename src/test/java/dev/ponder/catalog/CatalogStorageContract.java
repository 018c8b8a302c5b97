package dev.ponder.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.conversation.AnswerOutcome;
import dev.ponder.conversation.AnswerSpec;
import dev.ponder.conversation.ReasoningSetting;
import dev.ponder.conversation.TokenUsage;
import dev.ponder.conversation.AnswerProgress;
import dev.ponder.conversation.ConversationService;
import dev.ponder.conversation.MessageService;
import dev.ponder.conversation.ModelUsage;
import dev.ponder.conversation.Turn;
import dev.ponder.conversation.UsageStatistics;
import dev.ponder.testing.SharedUpstream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the V3 migration and the catalog's queries must do on every database Ponder runs
 * on: keep a full model list, the endpoint of each message, and add usage up by model.
 */
abstract class CatalogStorageContract {

	/** Storage needs no upstream, but the app it runs in must never reach a real one. */
	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		SharedUpstream.register(registry);
	}

	@Autowired
	CachedModelListRepository cache;

	@Autowired
	ConversationService conversations;

	@Autowired
	MessageService messages;

	@Autowired
	UsageStatistics usage;

	@Test
	void theFullOpenRouterListIsKeptAsItCame() {
		String body = CatalogModelTest.fixture("openrouter-400.json");
		Instant fetched = Instant.parse("2026-11-25T10:00:00Z");

		this.cache.save(new CachedModelList("storage-test", "https://openrouter.ai/api/v1", body, fetched));

		CachedModelList kept = this.cache.findById("storage-test").orElseThrow();
		assertThat(kept.getBody()).isEqualTo(body);
		assertThat(kept.getFetchedAt()).isEqualTo(fetched);
	}

	@Test
	void usageAddsUpByEndpointAndModelAndLeavesOutRunningAnswers() {
		String model = "storage/" + UUID.randomUUID();
		UUID conversation = this.conversations.create(null).id();
		AnswerSpec local = new AnswerSpec(model, ReasoningSetting.effort("low"), null, "local");
		finish(this.messages.beginTurn(conversation, "One", local), new BigDecimal("0.25"), 10);
		finish(this.messages.beginTurn(conversation, "Two", local), null, 5);
		this.messages.beginTurn(conversation, "Three", local);

		ModelUsage row = this.usage.byModel()
			.stream()
			.filter((usage) -> model.equals(usage.model()))
			.findFirst()
			.orElseThrow();

		assertThat(row.endpoint()).isEqualTo("local");
		assertThat(row.answers()).isEqualTo(2);
		assertThat(row.cost()).isEqualByComparingTo("0.25");
		assertThat(row.promptTokens()).isEqualTo(15);
		assertThat(this.usage.answersSince(Instant.now().minus(1, ChronoUnit.HOURS)))
			.filteredOn((answer) -> answer.promptTokens() != null && answer.promptTokens() == 5)
			.isNotEmpty();
		assertThat(this.conversations.find(conversation).orElseThrow().messages())
			.allSatisfy((message) -> assertThat(message.endpoint()).isEqualTo(message.isAssistant() ? "local" : null));
	}

	private void finish(Turn turn, BigDecimal cost, int promptTokens) {
		this.messages.finish(turn.assistantMessageId(),
				AnswerOutcome.completed(new AnswerProgress("ok", "", null, null, null),
						new AnswerOutcome.Served(null, null, "stop", "stop"), new TokenUsage(promptTokens, 3, 1, cost),
						Instant.now()));
	}

}
