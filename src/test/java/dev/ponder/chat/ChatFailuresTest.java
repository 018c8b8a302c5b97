package dev.ponder.chat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way the upstream can fail, before or during the answer: the stream ends with an
 * error a person can act on, and the message is stored as failed with whatever had
 * arrived.
 */
class ChatFailuresTest extends AppTestSupport {

	static Stream<Arguments> errorsBeforeTheStream() {
		return Stream.of(Arguments.of(Script.invalidKey(), "invalid_key", "refused the API key", false),
				Arguments.of(Script.outOfCredits(), "out_of_credits", "requires more credits", false),
				Arguments.of(Script.flagged(List.of("violence"), "some text"), "moderated", "violence", false),
				Arguments.of(Script.openRouterError(408, "Request timed out"), "timed_out", "timed out", true),
				Arguments.of(Script.rateLimited(7), "rate_limited", "Try again in 7 s", true),
				Arguments.of(Script.providerError("DeepInfra", "upstream exploded"), "provider_failed",
						"DeepInfra says Provider returned error", true),
				Arguments.of(Script.openRouterError(503, "No endpoints found that can handle the request"),
						"model_unavailable", "No endpoints found", true),
				Arguments.of(Script.openRouterError(400, "nonsense/model is not a valid model ID"), "bad_request",
						"not a valid model ID", false),
				Arguments.of(Script.error(502, "<html>Bad gateway</html>"), "provider_failed", "HTTP 502", true));
	}

	@ParameterizedTest
	@MethodSource("errorsBeforeTheStream")
	void errorBeforeTheStreamEndsItWithATypedErrorAndKeepsTheQuestion(Script script, String code, String words,
			boolean retryable) {
		upstream.enqueue(script);
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Hello?"));

		assertThat(events).extracting(ServerSentEvent::event).containsExactly("start", "error");
		JsonNode error = data(events.get(1));
		assertThat(error.get("code").asString()).isEqualTo(code);
		assertThat(error.get("message").asString()).contains(words);
		assertThat(error.get("retryable").asBoolean()).isEqualTo(retryable);
		JsonNode stored = conversation(conversation).get("messages");
		assertThat(stored.get(0).get("content").asString()).isEqualTo("Hello?");
		assertThat(stored.get(1).get("status").asString()).isEqualTo("FAILED");
		assertThat(stored.get(1).get("error").get("code").asString()).isEqualTo(code);
		assertThat(stored.get(1).get("error").get("message").asString()).isEqualTo(error.get("message").asString());
	}

	@Test
	void errorInsideTheStreamKeepsWhatArrived() {
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Working on it"))
			.chunk(Chunks.content("The first half"))
			.chunk(Chunks.midStreamError(502, "Provider disconnected", Map.of("error_type", "provider_error")))
			.done());
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Go"));

		assertThat(events).extracting(ServerSentEvent::event).containsExactly("start", "reasoning", "content", "error");
		assertThat(data(events.get(3)).get("code").asString()).isEqualTo("provider_failed");
		assertThat(data(events.get(3)).get("message").asString()).contains("Provider disconnected");
		JsonNode answer = conversation(conversation).get("messages").get(1);
		assertThat(answer.get("status").asString()).isEqualTo("FAILED");
		assertThat(answer.get("content").asString()).isEqualTo("The first half");
		assertThat(answer.get("reasoning").asString()).isEqualTo("Working on it");
	}

	@Test
	void stringErrorCodesAndTheVllmErrorShapeAreUnderstoodToo() {
		upstream.enqueue(
				Script.stream()
					.chunk(Chunks.role())
					.chunk(Chunks.midStreamError("server_error", "Internal error in model server")),
				Script.stream().chunk(Chunks.vllmError("This model's maximum context length is 4096 tokens")));
		UUID conversation = newConversation();

		JsonNode first = data(last(allEvents(send(conversation, "One"))));
		JsonNode second = data(last(allEvents(send(conversation, "Two"))));

		assertThat(first.get("code").asString()).isEqualTo("provider_failed");
		assertThat(first.get("message").asString()).contains("Internal error in model server");
		assertThat(second.get("code").asString()).isEqualTo("bad_request");
		assertThat(second.get("message").asString()).contains("maximum context length");
	}

	@Test
	void droppedConnectionFailsTheAnswerAndKeepsWhatArrived() {
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Thinking"))
			.chunk(Chunks.content("Some of it"))
			.drop());
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Go"));

		assertThat(data(last(events)).get("code").asString()).isEqualTo("stream_broken");
		JsonNode answer = conversation(conversation).get("messages").get(1);
		assertThat(answer.get("status").asString()).isEqualTo("FAILED");
		assertThat(answer.get("content").asString()).isEqualTo("Some of it");
	}

	@Test
	void streamThatEndsCleanlyWithoutFinishingIsBrokenNotComplete() {
		upstream.enqueue(Script.stream().chunk(Chunks.role()).chunk(Chunks.content("Cut off")));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Go"));

		assertThat(data(last(events)).get("code").asString()).isEqualTo("stream_broken");
	}

	@Test
	void streamThatEndsWithDoneButNoFinishReasonIsComplete() {
		// A hosted Claude seen through an OpenAI-style server: no finish_reason ever,
		// but a usage chunk and [DONE] after everything arrived.
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Short thought"))
			.chunk(Chunks.content("The whole answer."))
			.chunk(Chunks.usage(12, 9, 3, 0.0042))
			.done());
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Go"));

		assertThat(last(events).event()).isEqualTo("done");
		assertThat(data(last(events)).get("status").asString()).isEqualTo("COMPLETE");
		assertThat(data(last(events)).get("finishReason").isNull()).isTrue();
		JsonNode answer = conversation(conversation).get("messages").get(1);
		assertThat(answer.get("status").asString()).isEqualTo("COMPLETE");
		assertThat(answer.get("content").asString()).isEqualTo("The whole answer.");
		assertThat(answer.path("error").isObject()).as("no error").isFalse();
		assertThat(answer.get("usage").get("cost").decimalValue()).isEqualByComparingTo("0.0042");
	}

	@Test
	void aFailedAnswerKeepsTheUsageItsErrorChunkReported() {
		upstream.enqueue(Script.paidFailure(Chunks.GENERATION, "Paid thinking"));
		UUID conversation = newConversation();
		BigDecimal spentBefore = usageTotals().get("cost").decimalValue();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Go"));

		assertThat(data(last(events)).get("code").asString()).isEqualTo("provider_failed");
		JsonNode answer = conversation(conversation).get("messages").get(1);
		assertThat(answer.get("status").asString()).isEqualTo("FAILED");
		assertThat(answer.get("usage").get("cost").decimalValue()).isEqualByComparingTo("0.0123");
		assertThat(answer.get("usage").get("reasoningTokens").asInt()).isEqualTo(40);
		assertThat(answer.get("usage").get("promptTokens").asInt()).isEqualTo(20);
		assertThat(usageTotals().get("cost").decimalValue().subtract(spentBefore)).isEqualByComparingTo("0.0123");
	}

	private JsonNode usageTotals() {
		return exchange(HttpMethod.GET, "/api/usage", null).body();
	}

	@Test
	void theKeyNeverReachesAnErrorEvenWhenTheUpstreamEchoesIt() {
		upstream.enqueue(Script.openRouterError(401, "Key " + API_KEY + " is not valid"));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Go"));

		assertThat(events.toString()).doesNotContain(API_KEY);
		assertThat(conversation(conversation).toString()).doesNotContain(API_KEY).contains("[redacted]");
	}

	@Test
	void runningOutOfTokensWhileThinkingIsCompleteButHasNoAnswer() {
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("So much to consider"))
			.chunk(Chunks.finish("length"))
			.chunk(Chunks.usage(10, 4000, 4000, 0.01))
			.done());
		UUID conversation = newConversation();

		JsonNode done = data(last(allEvents(send(conversation, "Go"))));

		assertThat(done.get("status").asString()).isEqualTo("COMPLETE");
		assertThat(done.get("finishReason").asString()).isEqualTo("length");
		JsonNode answer = conversation(conversation).get("messages").get(1);
		assertThat(answer.get("content").asString()).isEmpty();
		assertThat(answer.get("reasoning").asString()).isEqualTo("So much to consider");
	}

}
