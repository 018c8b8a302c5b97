package dev.ponder.openai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import dev.ponder.testing.Api;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Script;
import dev.ponder.testing.TwoPeopleApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ponder's OpenAI-compatible API read by the official {@code openai} package for Node, as
 * a script would: {@code src/test/node/openai-client/stream.mjs} streams one answer and
 * prints what the package handed it, {@code delta.reasoning} included. The package is
 * installed by this test's own set-up into {@code target/} from the committed lock file
 * ({@code npm ci}), nothing global; without {@code node} and {@code npm} on the PATH the
 * test is skipped, saying so.
 * <p>
 * Accounts are on (a person's token is the key, and a wrong one must fail the way the
 * package reports it), on the H2 database of the share-link tests, so that they share one
 * application.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shares-test;DB_CLOSE_DELAY=-1")
class NodeOpenAiClientTest extends TwoPeopleApplication {

	private static final Path SOURCE = Path.of("src", "test", "node", "openai-client");

	private static final Path INSTALLED = Path.of("target", "node", "openai-client");

	/**
	 * Safety nets for a process that hangs, not waits for anything: an install from the
	 * registry takes seconds, one streamed answer well under one.
	 */
	private static final Duration INSTALL_LIMIT = Duration.ofMinutes(5);

	private static final Duration RUN_LIMIT = Duration.ofMinutes(1);

	private static final String THINKER = "deepseek/deepseek-r1";

	private static final String ANSWERER = "openai/gpt-4o-mini";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static String token;

	@BeforeAll
	static void installTheOfficialClient() throws IOException {
		Assumptions.assumeTrue(runs("node", "--version"),
				"node is not on the PATH: the official Node client cannot be run here");
		Assumptions.assumeTrue(runs("npm", "--version"),
				"npm is not on the PATH: the official Node client cannot be installed here");
		Files.createDirectories(INSTALLED);
		for (String file : List.of("package.json", "package-lock.json", "stream.mjs")) {
			Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		Run install = run(INSTALL_LIMIT, List.of("npm", "ci", "--no-audit", "--no-fund"));
		assertThat(install.exitCode()).as("npm ci: %s", install).isZero();
	}

	@BeforeEach
	void alicesToken() {
		if (token == null) {
			Api.Reply made = alice().post("/api/tokens", "{\"name\":\"the official Node client\"}");
			assertThat(made.status()).as(made.toString()).isEqualTo(201);
			token = made.body().get("token").asString();
		}
	}

	@ParameterizedTest
	@EnumSource(ClientReasoningShape.class)
	void theOfficialNodeClientReadsTheReasoningAndTheAnswerFromTheStream(ClientReasoningShape shape) {
		upstream.enqueue(shape.script());

		JsonNode seen = answered(THINKER, "Which is bigger, 9.11 or 9.9? (" + shape + ", from Node)");

		assertThat(seen.get("role").asString()).isEqualTo("assistant");
		assertThat(seen.get("reasoning").asString()).isEqualTo((shape.reasoning() != null) ? shape.reasoning() : "");
		assertThat(seen.get("reasoning_content").asString()).isEqualTo(seen.get("reasoning").asString());
		assertThat(seen.get("content").asString()).isEqualTo(shape.content());
		assertThat(seen.get("finish_reason").asString()).isEqualTo("stop");
		JsonNode usage = seen.get("usage");
		assertThat(usage.get("prompt_tokens").asLong()).isEqualTo(ClientReasoningShape.PROMPT_TOKENS);
		assertThat(usage.get("completion_tokens").asLong()).isEqualTo(ClientReasoningShape.COMPLETION_TOKENS);
		assertThat(usage.get("completion_tokens_details").get("reasoning_tokens").asLong())
			.isEqualTo(ClientReasoningShape.REASONING_TOKENS);
		assertThat(usage.get("cost").asDouble()).isEqualTo(ClientReasoningShape.COST);
	}

	@Test
	void aRelayModelReachesTheNodeClientAsReasoningThenAnswer() {
		upstream.enqueueFor(THINKER, Script.thinking(THINKER, "Nine tenths beat one tenth."));
		upstream.enqueueFor(ANSWERER, Script.answering(ANSWERER, "9.9 is bigger."));

		JsonNode seen = answered("relay:" + THINKER + "+" + ANSWERER, "9.11 or 9.9, relayed to Node?");

		assertThat(seen.get("reasoning").asString()).isEqualTo("Nine tenths beat one tenth.");
		assertThat(seen.get("reasoning_content").asString()).isEqualTo("Nine tenths beat one tenth.");
		assertThat(seen.get("content").asString()).isEqualTo("9.9 is bigger.");
		assertThat(seen.get("finish_reason").asString()).isEqualTo("stop");
	}

	@Test
	void aWrongTokenIsTheNodeClientsAuthenticationError() {
		Run refused = stream(THINKER, "Let me in, from Node?", "pnd_" + "1".repeat(40));

		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
		JsonNode error = refused.output().get("error");
		assertThat(error.get("name").asString()).isEqualTo("AuthenticationError");
		assertThat(error.get("status").asInt()).isEqualTo(401);
		assertThat(error.get("code").asString()).isEqualTo("invalid_api_key");
		assertThat(error.get("message").asString()).doesNotContain("pnd_1111");
		assertThat(upstream.requests()).noneMatch((request) -> request.path().endsWith("/chat/completions"));
	}

	@Test
	void aFailureAfterTheStreamStartedIsRaisedByTheNodeClientAfterWhatCameBefore() {
		upstream.enqueue(Script.paidFailure(FakeGeneration.unique(), "Halfway through the tenths"));

		Run failed = stream(THINKER, "Will the provider hold, Node?", token);

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
		JsonNode output = failed.output();
		assertThat(output.get("seen").get("reasoning").asString()).isEqualTo("Halfway through the tenths");
		assertThat(output.get("seen").get("finish_reason").isNull()).as("no finish after a failure").isTrue();
		assertThat(output.get("error").get("message").asString()).isNotBlank();
	}

	/** What the script read of an answer it read to its end. */
	private JsonNode answered(String model, String message) {
		Run run = stream(model, message, token);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		return run.output();
	}

	private Run stream(String model, String message, String key) {
		return run(RUN_LIMIT,
				List.of("node", "stream.mjs", "http://127.0.0.1:" + this.port + "/v1", model, message, key));
	}

	private static boolean runs(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Runs a command in the installed folder, its output into files (a full pipe would
	 * stall it), with none of the OpenAI variables of whoever runs the tests.
	 */
	private static Run run(Duration limit, List<String> command) {
		try {
			Path out = Files.createTempFile(INSTALLED.getParent(), "out", ".txt");
			Path err = Files.createTempFile(INSTALLED.getParent(), "err", ".txt");
			ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(INSTALLED.toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.environment().keySet().removeIf((name) -> name.startsWith("OPENAI_"));
			builder.environment().put("NO_UPDATE_NOTIFIER", "1");
			Process process = builder.start();
			if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " did not end within " + limit.toSeconds()
						+ " s; its output: " + Files.readString(out) + Files.readString(err));
			}
			Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
			Files.delete(out);
			Files.delete(err);
			return run;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** How a command ended and what it printed. */
	private record Run(int exitCode, String stdout, String stderr) {

		/** The script's one JSON line: the last line it printed. */
		JsonNode output() {
			List<String> lines = this.stdout.lines().filter((line) -> !line.isBlank()).toList();
			assertThat(lines).as("stream.mjs printed nothing; %s", this).isNotEmpty();
			return json.readTree(lines.get(lines.size() - 1));
		}

	}

}
