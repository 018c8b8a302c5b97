package dev.ponder.chat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;

import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.ponder.conversation.AnswerProgress;
import dev.ponder.conversation.MessageService;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.verify;

/**
 * A streaming answer is saved on a timer, not on every token: a hundred tokens over about
 * a second cost a handful of writes (the test runs the timer at 200 ms).
 */
class CheckpointTest extends AppTestSupport {

	@MockitoSpyBean
	MessageService messages;

	private static ArgumentMatcher<Map<UUID, AnswerProgress>> savesAnswer(String answer) {
		return (progress) -> progress.containsKey(UUID.fromString(answer));
	}

	@Test
	void aHundredTokensAreSavedAFewTimesNotAHundred() {
		List<String> tokens = Collections.nCopies(100, "word ");
		upstream.enqueue(Script.answer(List.of(), tokens, Duration.ofMillis(10)));
		UUID conversation = newConversation();

		String answer = data(allEvents(send(conversation, "Talk")).get(0)).get("assistantMessageId").asString();

		verify(this.messages, atLeastOnce()).checkpoint(argThat(savesAnswer(answer)));
		verify(this.messages, atMost(15)).checkpoint(argThat(savesAnswer(answer)));
		assertThat(conversation(conversation).get("messages").get(1).get("content").asString())
			.isEqualTo("word ".repeat(100));
	}

}
