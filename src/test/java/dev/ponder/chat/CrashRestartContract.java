package dev.ponder.chat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import dev.ponder.testing.Api;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.Gate;
import dev.ponder.testing.PonderProcess;
import dev.ponder.testing.Script;
import dev.ponder.testing.SharedUpstream;
import dev.ponder.testing.StandaloneApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash mid-answer, for real: Ponder runs in a process of its own, is killed with
 * SIGKILL while an answer streams, and the next start finds the answer failed
 * ("interrupted"), with what its last checkpoint had kept.
 */
abstract class CrashRestartContract {

	private static final String PASSWORD = "crash-test-password";

	private final FakeUpstream upstream = SharedUpstream.get();

	private PonderProcess first;

	@TempDir
	Path logs;

	/** The settings that point Ponder at this contract's database. */
	abstract List<String> databaseArguments();

	@AfterEach
	void killLeftovers() {
		if (this.first != null) {
			this.first.kill();
		}
	}

	@Test
	void anAnswerStreamingWhenTheProcessIsKilledIsFailedAtTheNextStartWithItsCheckpoint() {
		this.upstream.reset();
		Gate never = new Gate();
		this.upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Thinking before the crash"))
			.chunk(Chunks.content("Half an answer"))
			.waitFor(never));
		this.first = PonderProcess.start(List.of(), arguments(), this.logs.resolve("ponder.log"));
		Api api = Api.basic(this.first.port(), "owner", PASSWORD);
		String conversation = api.post("/api/conversations", "{}").body().get("id").asString();
		CompletableFuture.runAsync(
				() -> api.post("/api/conversations/" + conversation + "/messages", "{\"content\":\"Think long\"}"));
		never.awaitReached(Duration.ofSeconds(15));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "Half an answer".equals(answer(api, conversation).get("content").asString()));

		this.first.kill();

		List<String> restart = new ArrayList<>(arguments());
		restart.add("--server.port=0");
		try (ConfigurableApplicationContext second = StandaloneApp.start(restart)) {
			int secondPort = StandaloneApp.port(second);
			JsonNode answer = answer(Api.basic(secondPort, "owner", PASSWORD), conversation);
			assertThat(answer.get("status").asString()).isEqualTo("FAILED");
			assertThat(answer.get("error").get("code").asString()).isEqualTo("interrupted");
			assertThat(answer.get("content").asString()).isEqualTo("Half an answer");
			assertThat(answer.get("reasoning").asString()).isEqualTo("Thinking before the crash");
		}
	}

	private static JsonNode answer(Api api, String conversation) {
		return api.get("/api/conversations/" + conversation).body().get("messages").get(1);
	}

	private List<String> arguments() {
		List<String> arguments = StandaloneApp.arguments("--ponder.checkpoint-interval=100ms",
				"--ponder.admin.username=owner", "--ponder.admin.password=" + PASSWORD);
		arguments.addAll(databaseArguments());
		return arguments;
	}

}
