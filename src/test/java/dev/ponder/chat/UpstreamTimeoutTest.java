package dev.ponder.chat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.bean.override.convention.TestBean;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Gate;
import dev.ponder.testing.Script;
import dev.ponder.upstream.UpstreamTimers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Upstreams that go quiet: no first byte, or a silence mid-answer, end in a timeout that
 * keeps what arrived; keep-alive comments count as signs of life.
 * <p>
 * The upstream's timers run on virtual time that only the test moves, each move made once
 * the app has set the timer it is about: a loaded machine can slow these tests down but
 * not change what they see, and they fail if the timeouts stop working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:timeout-test;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.first-byte-timeout=60s",
				"openrouter.idle-timeout=30s" })
class UpstreamTimeoutTest extends AppTestSupport {

	private static final Duration FIRST_BYTE = Duration.ofSeconds(60);

	private static final Duration IDLE = Duration.ofSeconds(30);

	private static final Duration JUST_BEFORE = Duration.ofMillis(1);

	private static final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	@TestBean
	UpstreamTimers upstreamTimers;

	/** Timers set on virtual time before this test began. */
	private long timersBefore;

	static UpstreamTimers upstreamTimers() {
		return new UpstreamTimers(time);
	}

	@BeforeEach
	void countTimers() {
		this.timersBefore = time.getScheduledTaskCount();
	}

	@Test
	void upstreamThatNeverAnswersTimesOut() {
		upstream.enqueue(Script.silent());
		CompletableFuture<List<ServerSentEvent<String>>> events = send("Anyone there?");
		awaitTimers(1);

		time.advanceTimeBy(FIRST_BYTE);

		JsonNode error = data(last(ended(events)));
		assertThat(error.get("code").asString()).isEqualTo("timed_out");
		assertThat(error.get("retryable").asBoolean()).isTrue();
	}

	@Test
	void anAnswerWhoseFirstByteComesJustInTimeIsNotCut() {
		Gate firstByte = new Gate();
		upstream.enqueue(Script.stream()
			.waitFor(firstByte)
			.chunk(Chunks.role())
			.chunk(Chunks.content("Just in time."))
			.chunk(Chunks.finish("stop"))
			.done());
		CompletableFuture<List<ServerSentEvent<String>>> events = send("Slow start");
		awaitTimers(1);

		time.advanceTimeBy(FIRST_BYTE.minus(JUST_BEFORE));
		firstByte.open();

		assertThat(last(ended(events)).event()).isEqualTo("done");
	}

	@Test
	void silenceMidAnswerTimesOutAndKeepsWhatArrived() {
		upstream.enqueue(Script.stream().chunk(Chunks.role()).chunk(Chunks.content("Half")).hold());
		CompletableFuture<List<ServerSentEvent<String>>> events = send("Go");
		// The first byte's timer, then one per event: the role, "Half".
		awaitTimers(3);

		time.advanceTimeBy(IDLE);

		List<ServerSentEvent<String>> all = ended(events);
		assertThat(all).extracting(ServerSentEvent::event).containsExactly("start", "content", "error");
		assertThat(data(all.get(2)).get("code").asString()).isEqualTo("timed_out");
		String conversation = data(all.get(0)).get("conversationId").asString();
		JsonNode answer = conversation(UUID.fromString(conversation)).get("messages").get(1);
		assertThat(answer.get("status").asString()).isEqualTo("FAILED");
		assertThat(answer.get("content").asString()).isEqualTo("Half");
	}

	@Test
	void keepAliveCommentsKeepASlowModelAlive() {
		List<Gate> gates = List.of(new Gate(), new Gate(), new Gate());
		Script script = Script.stream().chunk(Chunks.role());
		gates.forEach((gate) -> script.comment(Script.PROCESSING).waitFor(gate));
		upstream.enqueue(script.chunk(Chunks.content("Worth the wait.")).chunk(Chunks.finish("stop")).done());
		CompletableFuture<List<ServerSentEvent<String>>> events = send("Slowly");

		// Three silences of almost the idle timeout each, far longer than it together:
		// each comment between them starts it again.
		for (int i = 0; i < gates.size(); i++) {
			awaitTimers(3 + i);
			time.advanceTimeBy(IDLE.minus(JUST_BEFORE));
			gates.get(i).open();
		}

		assertThat(last(ended(events)).event()).isEqualTo("done");
	}

	private CompletableFuture<List<ServerSentEvent<String>>> send(String content) {
		return send(newConversation(), content).collectList().toFuture();
	}

	/** Waits until the app has set this many upstream timers since the test began. */
	private void awaitTimers(long count) {
		await().atMost(Duration.ofSeconds(15)).until(() -> time.getScheduledTaskCount() - this.timersBefore >= count);
	}

	private static List<ServerSentEvent<String>> ended(CompletableFuture<List<ServerSentEvent<String>>> events) {
		return events.orTimeout(15, TimeUnit.SECONDS).join();
	}

}
