package dev.ponder.chat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.ArgumentMatcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.ponder.conversation.AnswerProgress;
import dev.ponder.conversation.MessageService;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Gate;
import dev.ponder.testing.Script;
import dev.ponder.testing.SseReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * A streaming answer is saved on a timer, not on every token: a hundred tokens cost one
 * write per tick that finds them changed. The test runs the ticks itself (the timer is
 * set to an hour, so it never fires), which makes the count exact however slow the
 * machine is.
 */
class CheckpointTest extends AppTestSupport {

	@MockitoSpyBean
	MessageService messages;

	@Autowired
	Checkpoints checkpoints;

	@DynamicPropertySource
	static void ticksByHand(DynamicPropertyRegistry registry) {
		registry.add("ponder.checkpoint-interval", () -> "1h");
	}

	private static ArgumentMatcher<Map<UUID, AnswerProgress>> savesAnswer(String answer) {
		return (progress) -> progress.containsKey(UUID.fromString(answer));
	}

	@Test
	void aHundredTokensAreSavedAFewTimesNotAHundred() {
		FakeGeneration generation = Chunks.GENERATION;
		Gate halfway = new Gate();
		Script script = Script.stream().chunk(generation.role());
		for (int token = 0; token < 100; token++) {
			script.chunk(generation.content("word "));
			if (token == 49) {
				script.waitFor(halfway);
			}
		}
		upstream.enqueue(script.chunk(generation.finish("stop")).chunk(generation.usage(12, 100, 0, 0.0001)).done());
		UUID conversation = newConversation();

		try (SseReader reader = SseReader.post(this.port, "/api/conversations/" + conversation + "/messages",
				"{\"content\": \"Talk\"}")) {
			String answer = data(reader.awaitEvent("start")).get("assistantMessageId").asString();
			halfway.awaitReached();
			await().until(() -> reader.content().equals("word ".repeat(50)));

			this.checkpoints.tick();
			this.checkpoints.tick();

			ArgumentCaptor<Map<UUID, AnswerProgress>> saved = progressCaptor();
			verify(this.messages, times(1)).checkpoint(saved.capture());
			assertThat(saved.getValue().get(UUID.fromString(answer)).content()).isEqualTo("word ".repeat(50));

			halfway.open();
			reader.awaitEnd(Duration.ofSeconds(15));

			verify(this.messages, times(1)).checkpoint(argThat(savesAnswer(answer)));
			assertThat(conversation(conversation).get("messages").get(1).get("content").asString())
				.isEqualTo("word ".repeat(100));
		}
	}

	@SuppressWarnings("unchecked")
	private static ArgumentCaptor<Map<UUID, AnswerProgress>> progressCaptor() {
		return ArgumentCaptor.forClass(Map.class);
	}

}
