package dev.ponder.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import dev.ponder.testing.Api;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.Gate;
import dev.ponder.testing.Script;
import dev.ponder.testing.SharedUpstream;
import dev.ponder.testing.StandaloneApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutting Ponder down mid-answer stores the answer as stopped with what had arrived, and
 * tells the browser, instead of leaving it streaming; the next start leaves it so.
 */
abstract class GracefulShutdownContract {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String PASSWORD = "shutdown-test-password";

	/** The settings that point Ponder at this contract's database. */
	abstract List<String> databaseArguments();

	@Test
	void answersInFlightAreStoredAsStoppedAndListenersAreTold() {
		FakeUpstream upstream = SharedUpstream.get();
		upstream.reset();
		Gate never = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Halfway through a thought"))
			.chunk(Chunks.content("Half an answer"))
			.waitFor(never));
		ConfigurableApplicationContext app = start();
		// With accounts on, as deployed: the script logs in with HTTP Basic.
		WebClient client = WebClient.builder()
			.baseUrl("http://127.0.0.1:" + StandaloneApp.port(app))
			.defaultHeaders((headers) -> headers.setBasicAuth("owner", PASSWORD))
			.build();
		String conversation = json
			.readTree(client.post()
				.uri("/api/conversations")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(5)))
			.get("id")
			.asString();
		Flux<ServerSentEvent<String>> events = client.post()
			.uri("/api/conversations/" + conversation + "/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"content\":\"Think long\"}")
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.filter((event) -> event.event() != null)
			.cache();
		events.filter((event) -> "content".equals(event.event())).blockFirst(Duration.ofSeconds(5));

		CompletableFuture<Void> shutdown = CompletableFuture.runAsync(app::close);
		List<ServerSentEvent<String>> all = events.collectList().block(Duration.ofSeconds(15));
		shutdown.join();

		JsonNode last = json.readTree(all.get(all.size() - 1).data());
		assertThat(all.get(all.size() - 1).event()).isEqualTo("done");
		assertThat(last.get("status").asString()).isEqualTo("STOPPED");
		try (ConfigurableApplicationContext again = start()) {
			JsonNode answer = Api.basic(StandaloneApp.port(again), "owner", PASSWORD)
				.get("/api/conversations/" + conversation)
				.body()
				.get("messages")
				.get(1);
			assertThat(answer.get("status").asString()).isEqualTo("STOPPED");
			assertThat(answer.get("content").asString()).isEqualTo("Half an answer");
			assertThat(answer.get("reasoning").asString()).isEqualTo("Halfway through a thought");
		}
	}

	private ConfigurableApplicationContext start() {
		List<String> arguments = StandaloneApp.arguments("--server.port=0", "--ponder.checkpoint-interval=100ms",
				"--ponder.admin.username=owner", "--ponder.admin.password=" + PASSWORD);
		arguments.addAll(databaseArguments());
		return StandaloneApp.start(arguments);
	}

}
