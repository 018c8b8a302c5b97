package dev.ponder.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.codec.ServerSentEvent;

import dev.ponder.testing.Api;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.Gate;
import dev.ponder.testing.PostgresUnderTest;
import dev.ponder.testing.RedisUnderTest;
import dev.ponder.testing.Script;
import dev.ponder.testing.SharedUpstream;
import dev.ponder.testing.SseReader;
import dev.ponder.testing.StandaloneApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances behind one address, on one PostgreSQL and one Redis: an answer started
 * through one is followed, resumed and stopped through the other.
 */
@ExtendWith({ PostgresUnderTest.Required.class, RedisUnderTest.Required.class })
class SharedAnswersTest {

	private static final Duration END = Duration.ofSeconds(20);

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private final FakeUpstream upstream = SharedUpstream.get();

	@BeforeAll
	static void startTwoInstances() {
		List<String> arguments = StandaloneApp.arguments("--server.port=0", "--ponder.auth=none",
				"--ponder.checkpoint-interval=100ms", "--ponder.redis-url=" + RedisUnderTest.url());
		arguments.addAll(PostgresUnderTest.arguments());
		first = StandaloneApp.start(arguments);
		second = StandaloneApp.start(arguments);
	}

	@AfterAll
	static void stopThem() {
		List.of(first, second).forEach(ConfigurableApplicationContext::close);
	}

	@BeforeEach
	void forgetEarlierScripts() {
		this.upstream.reset();
	}

	@Test
	void anAnswerStartedOnOneInstanceIsFollowedWholeFromTheOther() {
		Gate halfway = new Gate();
		this.upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Let me think. "))
			.chunk(Chunks.reasoning("Two and two. "))
			.waitFor(halfway)
			.chunk(Chunks.reasoning("Four."))
			.chunk(Chunks.content("It is "))
			.chunk(Chunks.content("four."))
			.chunk(Chunks.finish("stop"))
			.chunk(Chunks.usage(10, 20, 5, 0.001))
			.done());
		SseReader asker = ask(port(first), "Two and two?");
		halfway.awaitReached();
		String answer = SseReader.data(asker.awaitEvent("start")).get("assistantMessageId").asString();

		try (SseReader follower = SseReader.get(port(second), "/api/messages/" + answer + "/stream", Map.of())) {
			follower.awaitEvent("start");
			halfway.open();

			assertThat(follower.awaitEnd(END).event()).isEqualTo("done");
			assertThat(follower.reasoning()).isEqualTo("Let me think. Two and two. Four.");
			assertThat(follower.content()).isEqualTo("It is four.");
			assertThat(SseReader.data(follower.events().get(follower.events().size() - 1)).get("status").asString())
				.isEqualTo("COMPLETE");
			assertThat(ids(follower.events())).isSorted();
		}
		assertThat(asker.awaitEnd(END).event()).isEqualTo("done");
		assertThat(asker.content()).isEqualTo("It is four.");
	}

	@Test
	void aRelayStartedOnOneInstanceIsFollowedWithItsStagesFromTheOther() {
		Gate thinking = new Gate();
		this.upstream.enqueueFor("test/thinker",
				Script.stream()
					.chunk(Chunks.role())
					.chunk(Chunks.reasoning("Nine tenths beat one tenth."))
					.waitFor(thinking)
					.chunk(Chunks.finish("stop"))
					.done());
		this.upstream.enqueueFor("test/answerer",
				Script.stream()
					.chunk(Chunks.role())
					.chunk(Chunks.content("9.9 is bigger."))
					.chunk(Chunks.finish("stop"))
					.done());
		String conversation = Api.anonymous(port(first)).post("/api/conversations", "{}").body().get("id").asString();
		SseReader asker = SseReader.post(port(first), "/api/conversations/" + conversation + "/messages",
				"{\"content\":\"9.11 or 9.9?\",\"model\":\"test/answerer\",\"relay\":{\"thinker\":\"test/thinker\"}}");
		thinking.awaitReached();
		String answer = SseReader.data(asker.awaitEvent("start")).get("assistantMessageId").asString();

		try (SseReader follower = SseReader.get(port(second), "/api/messages/" + answer + "/stream", Map.of())) {
			assertThat(SseReader.data(follower.awaitEvent("stage")).get("stage").asString()).isEqualTo("thinking");
			assertThat(SseReader.data(follower.awaitEvent("start")).get("thinker").asString())
				.isEqualTo("test/thinker");
			thinking.open();

			assertThat(follower.awaitEnd(END).event()).isEqualTo("done");
			assertThat(follower.events()).extracting(ServerSentEvent::event).contains("stage");
			assertThat(follower.events().stream().filter((event) -> "stage".equals(event.event())))
				.extracting((event) -> SseReader.data(event).get("stage").asString())
				.containsExactly("thinking", "answering");
			assertThat(follower.reasoning()).isEqualTo("Nine tenths beat one tenth.");
			assertThat(follower.content()).isEqualTo("9.9 is bigger.");
		}
	}

	@Test
	void aStopThroughOneInstanceStopsTheAnswerRunningOnTheOther() {
		this.upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Thinking at length"))
			.chunk(Chunks.content("Half an answer"))
			.hold());
		SseReader asker = ask(port(first), "Think long");
		asker.awaitEvent("content");
		String answer = SseReader.data(asker.awaitEvent("start")).get("assistantMessageId").asString();

		Api.Reply stop = Api.anonymous(port(second)).post("/api/messages/" + answer + "/stop", null);

		assertThat(stop.status()).isEqualTo(202);
		ServerSentEvent<String> last = asker.awaitEnd(END);
		assertThat(last.event()).isEqualTo("done");
		assertThat(SseReader.data(last).get("status").asString()).isEqualTo("STOPPED");
		JsonNode stored = storedAnswer(port(second), SseReader.data(asker.awaitEvent("start")));
		assertThat(stored.get("status").asString()).isEqualTo("STOPPED");
		assertThat(stored.get("content").asString()).isEqualTo("Half an answer");
	}

	@Test
	void aReaderThatReconnectsWithTheLastEventIdResumesAfterIt() {
		Gate later = new Gate();
		Gate last = new Gate();
		this.upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("First thought. "))
			.chunk(Chunks.reasoning("Second thought. "))
			.waitFor(later)
			.chunk(Chunks.reasoning("Third thought."))
			.waitFor(last)
			.chunk(Chunks.content("Done thinking."))
			.chunk(Chunks.finish("stop"))
			.done());
		SseReader asker = ask(port(first), "Think");
		later.awaitReached();
		String answer = SseReader.data(asker.awaitEvent("start")).get("assistantMessageId").asString();
		String path = "/api/messages/" + answer + "/stream";
		String lastId;
		String seenReasoning;
		try (SseReader before = SseReader.get(port(second), path, Map.of())) {
			ServerSentEvent<String> caughtUp = before.awaitEvent("snapshot");
			lastId = caughtUp.id();
			seenReasoning = before.reasoning();
		}
		assertThat(seenReasoning).isEqualTo("First thought. Second thought. ");
		later.open();
		last.awaitReached();

		try (SseReader after = SseReader.get(port(second), path, Map.of("Last-Event-ID", lastId))) {
			// The third thought comes as a delta or in a snapshot, depending on whether
			// it
			// reached Redis before or after this reader read the backlog.
			await().atMost(END)
				.until(() -> SseReader.textAfter(seenReasoning, after.events(), "reasoning")
					.equals("First thought. Second thought. Third thought."));
			last.open();
			after.awaitEnd(END);
			List<ServerSentEvent<String>> resumed = after.events();
			// Nothing it had is sent again: what came after, or a snapshot in its place.
			assertThat(ids(resumed)).allSatisfy((id) -> assertThat(id).isGreaterThan(Long.parseLong(lastId)));
			assertThat(SseReader.textAfter(seenReasoning, resumed, "reasoning"))
				.isEqualTo("First thought. Second thought. Third thought.");
			assertThat(SseReader.textAfter("", resumed, "content")).isEqualTo("Done thinking.");
			assertThat(resumed.get(resumed.size() - 1).event()).isEqualTo("done");
		}
	}

	private static List<Long> ids(List<ServerSentEvent<String>> events) {
		List<Long> ids = new ArrayList<>();
		events.forEach((event) -> ids.add(Long.parseLong(event.id())));
		return ids;
	}

	private static SseReader ask(int port, String question) {
		String conversation = Api.anonymous(port).post("/api/conversations", "{}").body().get("id").asString();
		return SseReader.post(port, "/api/conversations/" + conversation + "/messages",
				"{\"content\":\"" + question + "\"}");
	}

	private static JsonNode storedAnswer(int port, JsonNode start) {
		String conversation = start.get("conversationId").asString();
		await().atMost(END)
			.until(() -> !"STREAMING".equals(Api.anonymous(port)
				.get("/api/conversations/" + conversation)
				.body()
				.get("messages")
				.get(1)
				.get("status")
				.asString()));
		return Api.anonymous(port).get("/api/conversations/" + conversation).body().get("messages").get(1);
	}

	private static int port(ConfigurableApplicationContext app) {
		return StandaloneApp.port(app);
	}

}
