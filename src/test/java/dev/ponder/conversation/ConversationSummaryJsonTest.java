package dev.ponder.conversation;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list of conversations does not carry their system prompts; the answer to a create or
 * a change does, {@code null} for none.
 */
class ConversationSummaryJsonTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aListedConversationLeavesItsSystemPromptOut() {
		Conversation conversation = Conversation.imported(null, java.util.UUID.randomUUID(), "Long prompt",
				Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:00:00Z"), false, null,
				"A very long prompt.", false);

		JsonNode listed = this.json.valueToTree(ConversationSummary.listed(conversation));
		JsonNode answered = this.json.valueToTree(ConversationSummary.of(conversation));

		assertThat(listed.has("systemPrompt")).isFalse();
		assertThat(listed.get("title").asString()).isEqualTo("Long prompt");
		assertThat(answered.get("systemPrompt").asString()).isEqualTo("A very long prompt.");
	}

	@Test
	void anAnswerWithoutASystemPromptSaysNull() {
		Conversation conversation = Conversation.imported(null, java.util.UUID.randomUUID(), "No prompt",
				Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:00:00Z"), false, null, null, false);

		JsonNode answered = this.json.valueToTree(ConversationSummary.of(conversation));

		assertThat(answered.has("systemPrompt")).isTrue();
		assertThat(answered.get("systemPrompt").isNull()).isTrue();
	}

}
