package dev.ponder.chat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import dev.ponder.PonderApplication;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.Gate;
import dev.ponder.testing.Script;
import dev.ponder.testing.SharedUpstream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutting Ponder down mid-answer stores the answer as stopped with what had arrived, and
 * tells the browser, instead of leaving it streaming.
 */
class GracefulShutdownTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String DATABASE = "jdbc:h2:mem:graceful-shutdown;DB_CLOSE_DELAY=-1";

	@Test
	void answersInFlightAreStoredAsStoppedAndListenersAreTold() throws SQLException {
		FakeUpstream upstream = SharedUpstream.get();
		upstream.reset();
		Gate never = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Halfway through a thought"))
			.chunk(Chunks.content("Half an answer"))
			.waitFor(never));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(PonderApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + DATABASE, "--openrouter.api-key=sk-test",
				"--openrouter.base-url=" + upstream.baseUrl(), "--ponder.checkpoint-interval=100ms",
				// With accounts on, as deployed: the script logs in with HTTP Basic.
				"--ponder.admin.username=owner", "--ponder.admin.password=shutdown-test-password");
		WebClient client = WebClient.builder()
			.baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
			.defaultHeaders((headers) -> headers.setBasicAuth("owner", "shutdown-test-password"))
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
		try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "");
				ResultSet row = connection.createStatement()
					.executeQuery("SELECT status, content, reasoning FROM message WHERE role = 'ASSISTANT'")) {
			assertThat(row.next()).isTrue();
			assertThat(row.getString("status")).isEqualTo("STOPPED");
			assertThat(row.getString("content")).isEqualTo("Half an answer");
			assertThat(row.getString("reasoning")).isEqualTo("Halfway through a thought");
		}
	}

}
