package dev.ponder.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Gate;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upstreams that go quiet: no first byte, or a silence mid-answer, end in a timeout that
 * keeps what arrived; keep-alive comments count as signs of life.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:timeout-test;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.first-byte-timeout=700ms",
				"openrouter.idle-timeout=700ms" })
class UpstreamTimeoutTest extends AppTestSupport {

	@Test
	void upstreamThatNeverAnswersTimesOut() {
		upstream.enqueue(Script.silent());

		List<ServerSentEvent<String>> events = allEvents(send("Anyone there?"));

		JsonNode error = json.readTree(events.get(events.size() - 1).data());
		assertThat(error.get("code").asString()).isEqualTo("timed_out");
		assertThat(error.get("retryable").asBoolean()).isTrue();
	}

	@Test
	void silenceMidAnswerTimesOutAndKeepsWhatArrived() {
		Gate never = new Gate();
		upstream.enqueue(Script.stream().chunk(Chunks.role()).chunk(Chunks.content("Half")).waitFor(never));

		List<ServerSentEvent<String>> events = allEvents(send("Go"));

		assertThat(events).extracting(ServerSentEvent::event).containsExactly("start", "content", "error");
		assertThat(json.readTree(events.get(2).data()).get("code").asString()).isEqualTo("timed_out");
		String conversation = json.readTree(events.get(0).data()).get("conversationId").asString();
		JsonNode answer = conversation(java.util.UUID.fromString(conversation)).get("messages").get(1);
		assertThat(answer.get("status").asString()).isEqualTo("FAILED");
		assertThat(answer.get("content").asString()).isEqualTo("Half");
	}

	@Test
	void keepAliveCommentsKeepASlowModelAlive() {
		Script script = Script.stream().chunk(Chunks.role());
		for (int i = 0; i < 6; i++) {
			script.delay(Duration.ofMillis(300)).comment(Script.PROCESSING);
		}
		upstream.enqueue(script.chunk(Chunks.content("Worth the wait.")).chunk(Chunks.finish("stop")).done());

		List<ServerSentEvent<String>> events = allEvents(send("Slowly"));

		assertThat(events.get(events.size() - 1).event()).isEqualTo("done");
	}

	private reactor.core.publisher.Flux<ServerSentEvent<String>> send(String content) {
		return send(newConversation(), content);
	}

}
