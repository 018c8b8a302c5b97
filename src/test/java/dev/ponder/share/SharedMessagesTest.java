package dev.ponder.share;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ponder.chat.MessageItem;
import dev.ponder.conversation.MessageStatus;
import dev.ponder.conversation.MessageView;
import dev.ponder.conversation.ReasoningSetting;
import dev.ponder.conversation.TokenUsage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line under a shared answer says how hard its model was asked to think, right after
 * the model, wherever the model's name also stands in the line.
 */
class SharedMessagesTest {

	@Test
	void theSettingFollowsTheModelEvenWhenTheEndpointIsNamedAfterIt() {
		MessageItem item = shared(
				answer("deepseek/deepseek-r1 box", "deepseek/deepseek-r1", ReasoningSetting.budget(16000)));

		assertThat(item.metaLine())
			.startsWith("deepseek/deepseek-r1 box · deepseek/deepseek-r1 · reasoning up to 16,000 tokens · DeepInfra");
	}

	@Test
	void hiddenReasoningIsLeftToTheThinkingSummary() {
		MessageItem item = shared(answer("openrouter", "openai/o3", ReasoningSetting.HIDDEN));

		assertThat(item.metaLine()).startsWith("openai/o3 · DeepInfra").doesNotContain("hidden");
		assertThat(item.thinkingSummary()).contains("reasoning hidden");
	}

	@Test
	void anAnswerWithoutASettingHasTheOwnersLine() {
		MessageView answer = answer("openrouter", "openai/o3", null);

		assertThat(shared(answer).metaLine()).isEqualTo(answer.metaLine());
	}

	private static MessageItem shared(MessageView answer) {
		return SharedMessages.of(List.of(answer)).get(0);
	}

	private static MessageView answer(String endpoint, String model, ReasoningSetting setting) {
		Instant at = Instant.parse("2026-03-03T10:00:00Z");
		return new MessageView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "assistant", "An answer.", "",
				endpoint, model, setting, "DeepInfra", null, MessageStatus.COMPLETE, null,
				new TokenUsage(20, 120, 84, null), "stop", null, at, at, at.plusSeconds(12), at.plusSeconds(14),
				12_000L, 14_000L, null, null, null, null, List.of(), null, false);
	}

}
