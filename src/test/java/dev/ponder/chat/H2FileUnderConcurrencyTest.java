package dev.ponder.chat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import dev.ponder.testing.Api;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.Script;
import dev.ponder.testing.SharedUpstream;
import dev.ponder.testing.StandaloneApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many answers at once on the default H2 file: some run to the end, some are stopped
 * midway, some lose their reader midway, some time out, and the rest are cut short by a
 * shutdown. The database must stay open through all of it: an interrupted thread inside
 * H2's file I/O closes the file channel, and with it the whole database, for good.
 */
@ExtendWith(OutputCaptureExtension.class)
class H2FileUnderConcurrencyTest {

	private static final int EACH_KIND = 20;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private final FakeUpstream upstream = SharedUpstream.get();

	private final Path database = Path.of("target", "h2-concurrency", UUID.randomUUID().toString(), "ponder");

	@Test
	void theDatabaseStaysOpenAndEveryAnswerEndsWhateverHappensToIt(CapturedOutput output) {
		this.upstream.reset();
		enqueue("test/complete", () -> answer(20, 10));
		enqueue("test/stopped", () -> answer(5, 0).hold());
		enqueue("test/left", () -> answer(30, 10));
		enqueue("test/timeout", () -> answer(3, 0).hold());
		enqueue("test/shutdown", () -> answer(2000, 0).hold());
		List<Asked> asked = new ArrayList<>();
		try (ConfigurableApplicationContext app = start()) {
			int port = StandaloneApp.port(app);
			Api api = Api.anonymous(port);
			WebClient client = client(port);
			List<Mono<Void>> readers = new ArrayList<>();
			for (String kind : List.of("complete", "stopped", "left", "timeout")) {
				for (int i = 0; i < EACH_KIND; i++) {
					Asked one = new Asked(kind, newConversation(api));
					asked.add(one);
					readers.add(read(client, api, one));
				}
			}

			Flux.merge(readers).then().block(Duration.ofSeconds(60));
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> asked.stream().noneMatch((one) -> "STREAMING".equals(status(api, one))));

			assertThat(asked)
				.allSatisfy((one) -> assertThat(status(api, one)).as(one.kind()).isEqualTo(switch (one.kind()) {
					case "complete", "left" -> "COMPLETE";
					case "stopped" -> "STOPPED";
					default -> "FAILED timed_out";
				}));
			assertThat(api.post("/api/conversations", "{}").status()).isEqualTo(201);
			assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);

			List<Asked> cutShort = new ArrayList<>();
			for (int i = 0; i < EACH_KIND; i++) {
				Asked one = new Asked("shutdown", newConversation(api));
				cutShort.add(one);
			}
			Flux.merge(cutShort.stream().map((one) -> firstReasoning(client, one)).toList())
				.then()
				.block(Duration.ofSeconds(30));
			asked.addAll(cutShort);
		}

		try (ConfigurableApplicationContext again = start()) {
			Api api = Api.anonymous(StandaloneApp.port(again));
			assertThat(asked.stream().filter((one) -> one.kind().equals("shutdown")))
				.allSatisfy((one) -> assertThat(status(api, one)).isEqualTo("STOPPED"));
			assertThat(api.post("/api/conversations", "{}").status()).isEqualTo(201);
		}
		assertThat(output.getAll()).doesNotContain("ClosedChannelException")
			.doesNotContain("The database has been closed")
			.doesNotContain("Interrupted during connection acquisition");
	}

	/** Queues a script for each answer of one kind, told apart by the model it asks. */
	private void enqueue(String model, Supplier<Script> script) {
		this.upstream.enqueueFor(model,
				Collections.nCopies(EACH_KIND, 0).stream().map((i) -> script.get()).toArray(Script[]::new));
	}

	private static Script answer(int reasoning, int content) {
		Script script = Script.stream().chunk(Chunks.role());
		for (int i = 0; i < reasoning; i++) {
			script.chunk(Chunks.reasoning("step " + i + ". ")).delay(Duration.ofMillis(5));
		}
		for (int i = 0; i < content; i++) {
			script.chunk(Chunks.content("word" + i + " ")).delay(Duration.ofMillis(5));
		}
		if (content > 0) {
			script.chunk(Chunks.finish("stop")).chunk(Chunks.usage(10, 20, 5, 0.0001)).done();
		}
		return script;
	}

	/**
	 * Asks the question and reads its answer as the kind says: to the end; stopping it
	 * after a few deltas; leaving after a few; or waiting for its timeout.
	 */
	private Mono<Void> read(WebClient client, Api api, Asked one) {
		Flux<ServerSentEvent<String>> events = ask(client, one);
		AtomicBoolean stopped = new AtomicBoolean();
		return switch (one.kind()) {
			case "stopped" -> events.doOnNext((event) -> {
				if ("reasoning".equals(event.event()) && stopped.compareAndSet(false, true)) {
					String answer = answerId(api, one);
					Mono.fromRunnable(() -> api.post("/api/messages/" + answer + "/stop", null))
						.subscribeOn(Schedulers.boundedElastic())
						.subscribe();
				}
			}).then();
			case "left" -> events.filter((event) -> "reasoning".equals(event.event())).take(3).then();
			default -> events.then();
		};
	}

	private Mono<Void> firstReasoning(WebClient client, Asked one) {
		return ask(client, one).filter((event) -> "reasoning".equals(event.event())).next().then();
	}

	private static Flux<ServerSentEvent<String>> ask(WebClient client, Asked one) {
		return client.post()
			.uri("/api/conversations/" + one.conversation() + "/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json.writeValueAsString(Map.of("content", "Think", "model", "test/" + one.kind())))
			.retrieve()
			.bodyToFlux(SSE)
			.filter((event) -> event.event() != null);
	}

	private static String answerId(Api api, Asked one) {
		return api.get("/api/conversations/" + one.conversation()).body().get("messages").get(1).get("id").asString();
	}

	private static String status(Api api, Asked one) {
		JsonNode messages = api.get("/api/conversations/" + one.conversation()).body().get("messages");
		if (messages.size() < 2) {
			return "MISSING";
		}
		JsonNode answer = messages.get(1);
		String status = answer.get("status").asString();
		return answer.path("error").isObject() ? status + " " + answer.path("error").path("code").asString() : status;
	}

	private static String error(Api api, Asked one) {
		return api.get("/api/conversations/" + one.conversation())
			.body()
			.get("messages")
			.get(1)
			.path("error")
			.toString();
	}

	private static String newConversation(Api api) {
		return api.post("/api/conversations", "{}").body().get("id").asString();
	}

	private static WebClient client(int port) {
		ConnectionProvider connections = ConnectionProvider.builder("h2-concurrency").maxConnections(500).build();
		return WebClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
			.build();
	}

	private ConfigurableApplicationContext start() {
		return StandaloneApp.start(StandaloneApp.arguments("--server.port=0", "--ponder.auth=none",
				"--ponder.checkpoint-interval=10ms", "--openrouter.idle-timeout=5s",
				"--spring.datasource.url=jdbc:h2:file:" + this.database.toAbsolutePath() + ";WRITE_DELAY=0"));
	}

	private record Asked(String kind, String conversation) {
	}

}
