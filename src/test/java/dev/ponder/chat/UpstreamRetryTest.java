package dev.ponder.chat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.codec.ServerSentEvent;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call that never started (refused, rate limited, no provider) is tried again, and the
 * reader is told each time; a call that broke after its first byte is not, since it would
 * be paid for twice. The backoff is zero here, so nothing waits on the clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:retry-test;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.idle-timeout=10s",
				"openrouter.first-byte-timeout=10s", "openrouter.retry.max-attempts=3",
				"openrouter.retry.first-backoff=0s", "ponder.endpoints.down.base-url=http://127.0.0.1:9/v1" })
class UpstreamRetryTest extends AppTestSupport {

	@Test
	void aRateLimitedCallIsTriedAgainAndTheReaderSeesIt() {
		upstream.enqueue(Script.rateLimited(0),
				Script.answer(List.of("Hmm."), List.of("Hello!"), java.time.Duration.ZERO));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Hi"));

		assertThat(events).extracting(ServerSentEvent::event)
			.containsExactly("start", "retrying", "reasoning", "content", "done");
		JsonNode retrying = data(events.get(1));
		assertThat(retrying.get("attempt").asInt()).isEqualTo(1);
		assertThat(retrying.get("maxAttempts").asInt()).isEqualTo(3);
		assertThat(retrying.get("delayMillis").asLong()).isZero();
		assertThat(retrying.get("code").asString()).isEqualTo("rate_limited");
		assertThat(retrying.get("message").asString()).contains("rate limited");
		assertThat(upstream.requests()).hasSize(2);
		JsonNode answer = conversation(conversation).get("messages").get(1);
		assertThat(answer.get("status").asString()).isEqualTo("COMPLETE");
		assertThat(answer.get("content").asString()).isEqualTo("Hello!");
	}

	@Test
	void noProviderThreeTimesIsTriedThreeTimesThenAnswers() {
		upstream.enqueue(Script.noProvider(0), Script.noProvider(0), Script.noProvider(0),
				Script.answer(List.of(), List.of("Finally."), java.time.Duration.ZERO));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Hi"));

		assertThat(events).filteredOn((event) -> "retrying".equals(event.event()))
			.extracting((event) -> data(event).get("attempt").asInt())
			.containsExactly(1, 2, 3);
		assertThat(last(events).event()).isEqualTo("done");
		assertThat(textOf(events, "content")).isEqualTo("Finally.");
		assertThat(upstream.requests()).hasSize(4);
	}

	@Test
	void whenTheRetriesRunOutTheLastFailureEndsTheAnswer() {
		upstream.enqueue(Script.noProvider(0), Script.noProvider(0), Script.noProvider(0), Script.noProvider(0));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Hi"));

		assertThat(events).extracting(ServerSentEvent::event)
			.containsExactly("start", "retrying", "retrying", "retrying", "error");
		assertThat(data(last(events)).get("code").asString()).isEqualTo("model_unavailable");
		assertThat(upstream.requests()).hasSize(4);
		assertThat(conversation(conversation).get("messages").get(1).get("status").asString()).isEqualTo("FAILED");
	}

	@Test
	void aStreamThatBrokeAfterItsFirstByteIsNeverTriedAgain() {
		upstream.enqueue(Script.stream().chunk(Chunks.role()).chunk(Chunks.content("Some")).drop(),
				Script.answer(List.of(), List.of("Billed twice"), java.time.Duration.ZERO));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Hi"));

		assertThat(events).extracting(ServerSentEvent::event).doesNotContain("retrying");
		assertThat(data(last(events)).get("code").asString()).isEqualTo("stream_broken");
		assertThat(upstream.requests()).hasSize(1);
		assertThat(upstream.pendingScripts()).isEqualTo(1);
	}

	@Test
	void anUnreachableServerIsTriedAgainBeforeTheAnswerFails() {
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(
				postForEvents("/api/conversations/" + conversation + "/messages",
						"{\"content\":\"Hi\",\"endpoint\":\"down\",\"model\":\"any\"}"));

		assertThat(events).extracting(ServerSentEvent::event)
			.containsExactly("start", "retrying", "retrying", "retrying", "error");
		assertThat(data(events.get(1)).get("code").asString()).isEqualTo("unreachable");
		assertThat(data(last(events)).get("code").asString()).isEqualTo("unreachable");
	}

	@Test
	void aCompareColumnSaysWhichColumnIsRetrying() {
		FakeGeneration a = FakeGeneration.unique().servedBy("model/a", "A");
		upstream.enqueueFor("model/a", Script.rateLimited(0),
				Script.stream(a).chunk(a.role()).chunk(a.content("A answers")).chunk(a.finish("stop")).done());
		FakeGeneration b = FakeGeneration.unique().servedBy("model/b", "B");
		upstream.enqueueFor("model/b",
				Script.stream(b).chunk(b.role()).chunk(b.content("B answers")).chunk(b.finish("stop")).done());
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(
				postForEvents("/api/conversations/" + conversation + "/messages",
						"{\"content\":\"Hi\",\"compare\":[{\"model\":\"model/a\"},{\"model\":\"model/b\"}]}"));

		JsonNode retrying = data(
				events.stream().filter((event) -> "retrying".equals(event.event())).findFirst().orElseThrow());
		assertThat(retrying.get("column").asInt()).isZero();
		assertThat(retrying.get("model").asString()).isEqualTo("model/a");
		assertThat(retrying.get("messageId").asString()).isNotBlank();
		assertThat(retrying.get("code").asString()).isEqualTo("rate_limited");
	}

}
