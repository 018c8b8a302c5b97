package dev.ponder.chat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code retrying} event travels between instances like any other, and is news only
 * while it happens: it ends nothing, and a reader that joins later is not shown it.
 */
class RetryingEventTest {

	private static final GenerationEvent.Retrying RETRYING = new GenerationEvent.Retrying(1, 3, 2000, "rate_limited",
			"The model is rate limited. Try again in 2 s.");

	@Test
	void aRetryingEventSurvivesTheWayBetweenInstances() {
		SharedEvents codec = new SharedEvents(JsonMapper.builder().build());

		List<AnswerEvent> read = codec.read(codec.write(List.of(new AnswerEvent(2, RETRYING))));

		assertThat(read).singleElement().satisfies((event) -> {
			assertThat(event.sequence()).isEqualTo(2);
			assertThat(event.event()).isEqualTo(RETRYING);
		});
	}

	@Test
	void aRetryEndsNothingAndALateReaderStartsFromWhereTheAnswerStands() {
		AnswerState state = new AnswerState();
		state.apply(new AnswerEvent(1, new GenerationEvent.Start(UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "deepseek/deepseek-r1", "Hi", null)));
		state.apply(new AnswerEvent(2, RETRYING));
		state.apply(new AnswerEvent(3, new GenerationEvent.Reasoning("Now thinking")));

		assertThat(state.ended()).isFalse();
		assertThat(state.sequence()).isEqualTo(3);
		assertThat(state.catchUp()).extracting(AnswerEvent::name).containsExactly("start", "snapshot");
	}

}
