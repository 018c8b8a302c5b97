package dev.ponder.chat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.codec.ServerSentEvent;

import dev.ponder.testing.Api;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.Gate;
import dev.ponder.testing.PonderProcess;
import dev.ponder.testing.PostgresUnderTest;
import dev.ponder.testing.RedisUnderTest;
import dev.ponder.testing.Script;
import dev.ponder.testing.SharedUpstream;
import dev.ponder.testing.SseReader;
import dev.ponder.testing.StandaloneApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What several instances do when a part of them fails: an instance killed mid-answer, and
 * Redis going away and coming back.
 */
@ExtendWith({ PostgresUnderTest.Required.class, RedisUnderTest.Required.class })
class SharedAnswersFailuresTest {

	private final FakeUpstream upstream = SharedUpstream.get();

	private final List<String> database = PostgresUnderTest.arguments();

	@TempDir
	Path logs;

	private Process redis;

	@AfterEach
	void stopPrivateRedis() {
		if (this.redis != null) {
			this.redis.destroyForcibly();
		}
	}

	@Test
	void anAnswerWhoseInstanceIsKilledIsFailedByAnotherWithinFifteenSeconds() {
		this.upstream.reset();
		this.upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Thinking before the crash"))
			.chunk(Chunks.content("Half an answer"))
			.hold());
		try (PonderProcess doomed = PonderProcess.start(List.of(), ponderArguments(RedisUnderTest.url()),
				this.logs.resolve("doomed.log"));
				ConfigurableApplicationContext survivor = StandaloneApp.start(arguments(RedisUnderTest.url()))) {
			String conversation = newConversation(doomed.port());
			SseReader asker = SseReader.post(doomed.port(), "/api/conversations/" + conversation + "/messages",
					"{\"content\":\"Think long\"}");
			asker.awaitEvent("content");
			String answer = SseReader.data(asker.awaitEvent("start")).get("assistantMessageId").asString();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> "Half an answer".equals(stored(doomed.port(), conversation).get("content").asString()));
			SseReader follower = SseReader.get(StandaloneApp.port(survivor), "/api/messages/" + answer + "/stream",
					Map.of());
			follower.awaitEvent("snapshot");

			long killedAt = System.nanoTime();
			doomed.kill();

			ServerSentEvent<String> last = follower.awaitEnd(Duration.ofSeconds(30));
			Duration noticedAfter = Duration.ofNanos(System.nanoTime() - killedAt);
			assertThat(last.event()).isEqualTo("error");
			assertThat(SseReader.data(last).get("code").asString()).isEqualTo("interrupted");
			assertThat(noticedAfter).isLessThan(Duration.ofSeconds(15));
			JsonNode answerNow = stored(StandaloneApp.port(survivor), conversation);
			assertThat(answerNow.get("status").asString()).isEqualTo("FAILED");
			assertThat(answerNow.get("content").asString()).isEqualTo("Half an answer");
			assertThat(answerNow.get("reasoning").asString()).isEqualTo("Thinking before the crash");
		}
	}

	@Test
	void withoutRedisAnswersStreamOnTheirOwnInstanceAndAreFollowedAgainOnceItIsBack() throws Exception {
		int redisPort = freePort();
		startRedis(redisPort);
		String redisUrl = "redis://127.0.0.1:" + redisPort;
		this.upstream.reset();
		Gate afterTheOutage = new Gate();
		this.upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Before the outage. "))
			.waitFor(afterTheOutage)
			.chunk(Chunks.reasoning("During it."))
			.chunk(Chunks.content("Still here."))
			.chunk(Chunks.finish("stop"))
			.done());
		try (ConfigurableApplicationContext first = StandaloneApp.start(arguments(redisUrl));
				ConfigurableApplicationContext second = StandaloneApp.start(arguments(redisUrl))) {
			int one = StandaloneApp.port(first);
			int other = StandaloneApp.port(second);
			String conversation = newConversation(one);
			SseReader asker = SseReader.post(one, "/api/conversations/" + conversation + "/messages",
					"{\"content\":\"Think\"}");
			afterTheOutage.awaitReached();
			String answer = SseReader.data(asker.awaitEvent("start")).get("assistantMessageId").asString();

			stopRedis();
			afterTheOutage.open();

			assertThat(asker.awaitEnd(Duration.ofSeconds(20)).event()).isEqualTo("done");
			assertThat(asker.content()).isEqualTo("Still here.");
			assertThat(stored(one, conversation).get("status").asString()).isEqualTo("COMPLETE");
			assertThat(stored(other, conversation).get("content").asString()).isEqualTo("Still here.");

			this.upstream.enqueue(Script.stream().chunk(Chunks.role()).chunk(Chunks.reasoning("Held")).hold());
			SseReader second1 = SseReader.post(one, "/api/conversations/" + newConversation(one) + "/messages",
					"{\"content\":\"Again\"}");
			String held = SseReader.data(second1.awaitEvent("start")).get("assistantMessageId").asString();
			Api.Reply refused = Api.anonymous(other).get("/api/messages/" + held + "/stream");
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.body().get("code").asString()).isEqualTo("live_answers_unavailable");

			startRedis(redisPort);
			await().atMost(Duration.ofSeconds(40)).ignoreExceptions().untilAsserted(() -> {
				try (SseReader follower = SseReader.get(other, "/api/messages/" + held + "/stream", Map.of())) {
					assertThat(follower.awaitEvent("snapshot", Duration.ofSeconds(5))).isNotNull();
					assertThat(follower.reasoning()).isEqualTo("Held");
				}
			});
			assertThat(Api.anonymous(other).post("/api/messages/" + held + "/stop", null).status()).isEqualTo(202);
			assertThat(second1.awaitEnd(Duration.ofSeconds(20)).event()).isEqualTo("done");
			assertThat(answer).isNotEqualTo(held);
		}
	}

	private List<String> arguments(String redisUrl) {
		List<String> arguments = ponderArguments(redisUrl);
		arguments.add("--server.port=0");
		return arguments;
	}

	/**
	 * The settings of every instance; a process of its own gets a port from
	 * PonderProcess.
	 */
	private List<String> ponderArguments(String redisUrl) {
		List<String> arguments = StandaloneApp.arguments("--ponder.auth=none", "--ponder.checkpoint-interval=100ms",
				"--ponder.redis-url=" + redisUrl);
		arguments.addAll(this.database);
		return arguments;
	}

	private void startRedis(int port) throws IOException {
		Assumptions.assumeTrue(onPath("redis-server"), "redis-server is not installed");
		this.redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(this.logs.resolve("redis-" + UUID.randomUUID() + ".log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> RedisUnderTest.answers("redis://127.0.0.1:" + port));
	}

	private void stopRedis() throws InterruptedException {
		this.redis.destroyForcibly();
		this.redis.waitFor(10, TimeUnit.SECONDS);
	}

	private static boolean onPath(String command) {
		return List.of(System.getenv("PATH").split(":"))
			.stream()
			.anyMatch((dir) -> Path.of(dir, command).toFile().canExecute());
	}

	private static String newConversation(int port) {
		return Api.anonymous(port).post("/api/conversations", "{}").body().get("id").asString();
	}

	private static JsonNode stored(int port, String conversation) {
		return Api.anonymous(port).get("/api/conversations/" + conversation).body().get("messages").get(1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
