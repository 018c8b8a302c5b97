package dev.ponder.chat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.ponder.conversation.MessageRole;
import dev.ponder.conversation.Turn;
import dev.ponder.upstream.ChatRequest.ChatMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which form of an earlier answer's reasoning each model is sent, one case per row of the
 * table in {@code docs/api.md}, and what is sent when there is nothing it may read.
 */
class CarriedReasoningTest {

	private static final String ENCRYPTED_ONLY = "[{\"type\":\"reasoning.encrypted\",\"data\":\"opaque\",\"index\":0}]";

	private final JsonMapper json = JsonMapper.builder().build();

	private final CarriedReasoning carried = new CarriedReasoning(new ReasoningDetailsJson(this.json));

	@Test
	void theSameModelOnOpenRouterWithoutDetailsGetsTheTextAsReasoning() {
		ChatMessage sent = earlier(new Turn.EarlierReasoning("Count the legs.", null, "openrouter", "a/one"),
				"openrouter", "a/one");

		assertThat(sent.reasoning()).isEqualTo("Count the legs.");
		assertThat(sent.reasoningDetails()).isNull();
		assertThat(sent.content()).isEqualTo("Eight legs.");
	}

	@Test
	void theSameModelElsewhereWithoutDetailsGetsThinkText() {
		ChatMessage sent = earlier(new Turn.EarlierReasoning("Count the legs.", null, "local", "qwen3"), "local",
				"qwen3");

		assertThat(sent.reasoning()).isNull();
		assertThat(sent.content()).isEqualTo("<think>\nCount the legs.\n</think>\n\nEight legs.");
	}

	@Test
	void encryptedBlocksGoOnlyToTheirModel_anotherGetsNothingItCannotRead() {
		Turn.EarlierReasoning sealed = new Turn.EarlierReasoning("", ENCRYPTED_ONLY, "openrouter", "a/one");

		ChatMessage own = earlier(sealed, "openrouter", "a/one");
		ChatMessage other = earlier(sealed, "openrouter", "b/two");

		assertThat(own.reasoningDetails()).isEqualTo(this.json.readTree(ENCRYPTED_ONLY));
		assertThat(other).isEqualTo(new ChatMessage("assistant", "Eight legs."));
		assertThat(sealed.reaches("openrouter", "b/two")).isFalse();
	}

	@Test
	void storedDetailsThatAreNotAnArrayAreNotSent_theTextIs() {
		ChatMessage sent = earlier(
				new Turn.EarlierReasoning("Count the legs.", "{\"not\":\"an array\"}", "openrouter", "a/one"),
				"openrouter", "a/one");

		assertThat(sent.reasoningDetails()).isNull();
		assertThat(sent.reasoning()).isEqualTo("Count the legs.");
	}

	@Test
	void turnsWithoutReasoningAreSentUnchanged() {
		List<Turn.HistoryEntry> history = List.of(new Turn.HistoryEntry(MessageRole.USER, "Spiders?"),
				new Turn.HistoryEntry(MessageRole.ASSISTANT, "Eight legs."));
		List<ChatMessage> turns = List.of(new ChatMessage("user", "Spiders?"),
				new ChatMessage("assistant", "Eight legs."));

		assertThat(this.carried.onto(turns, history, "openrouter", "a/one")).isEqualTo(turns);
	}

	private ChatMessage earlier(Turn.EarlierReasoning reasoning, String endpoint, String model) {
		List<Turn.HistoryEntry> history = List.of(new Turn.HistoryEntry(MessageRole.USER, "Spiders?"),
				new Turn.HistoryEntry(MessageRole.ASSISTANT, "Eight legs.", List.of(), reasoning),
				new Turn.HistoryEntry(MessageRole.USER, "Sure?"));
		List<ChatMessage> turns = List.of(new ChatMessage("user", "Spiders?"),
				new ChatMessage("assistant", "Eight legs."), new ChatMessage("user", "Sure?"));
		List<ChatMessage> sent = this.carried.onto(turns, history, endpoint, model);
		assertThat(sent.get(0)).isEqualTo(turns.get(0));
		assertThat(sent.get(2)).isEqualTo(turns.get(2));
		return sent.get(1);
	}

}
