package dev.ponder.chat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import dev.ponder.PonderApplication;
import dev.ponder.testing.Api;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.Gate;
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

	private final List<Process> processes = new ArrayList<>();

	@TempDir
	Path logs;

	/** The settings that point Ponder at this contract's database. */
	abstract List<String> databaseArguments();

	@AfterEach
	void killLeftovers() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void anAnswerStreamingWhenTheProcessIsKilledIsFailedAtTheNextStartWithItsCheckpoint() throws Exception {
		this.upstream.reset();
		Gate never = new Gate();
		this.upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Thinking before the crash"))
			.chunk(Chunks.content("Half an answer"))
			.waitFor(never));
		int port = freePort();
		Process first = launch(port);
		Api api = Api.basic(port, "owner", PASSWORD);
		try {
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> Api.anonymous(port).get("/actuator/health/readiness").status() == 200);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("Ponder's process did not get ready:\n" + log(), ex);
		}
		String conversation = api.post("/api/conversations", "{}").body().get("id").asString();
		CompletableFuture.runAsync(
				() -> api.post("/api/conversations/" + conversation + "/messages", "{\"content\":\"Think long\"}"));
		never.awaitReached(Duration.ofSeconds(15));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "Half an answer".equals(answer(api, conversation).get("content").asString()));

		first.destroyForcibly();
		assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();

		try (ConfigurableApplicationContext second = StandaloneApp.start(arguments(0))) {
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

	private Process launch(int port) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), PonderApplication.class.getName()));
		command.addAll(arguments(port));
		Path log = this.logs.resolve("ponder.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		this.processes.add(process);
		return process;
	}

	private List<String> arguments(int port) {
		List<String> arguments = StandaloneApp.arguments("--server.port=" + port, "--ponder.checkpoint-interval=100ms",
				"--ponder.admin.username=owner", "--ponder.admin.password=" + PASSWORD);
		arguments.addAll(databaseArguments());
		return arguments;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** What the process wrote, for a failure's message. */
	private String log() throws IOException {
		return Files.readString(this.logs.resolve("ponder.log"));
	}

}
