package dev.ponder.chat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

import dev.ponder.testing.AppTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no key set the app still starts and reads, and sending says how to set one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:no-key-test;DB_CLOSE_DELAY=-1", "openrouter.api-key=" })
class ChatWithoutKeyTest extends AppTestSupport {

	@Test
	void sendingWithoutAKeyIsRefusedBeforeAnythingIsStored() {
		String id = json
			.readTree(client().post()
				.uri("/api/conversations")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(5)))
			.get("id")
			.asString();

		JsonNode problem = client().post()
			.uri("/api/conversations/" + id + "/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"content\":\"Hello\"}")
			.exchangeToMono((response) -> {
				assertThat(response.statusCode().value()).isEqualTo(503);
				return response.bodyToMono(String.class).map(json::readTree);
			})
			.block(Duration.ofSeconds(5));

		assertThat(problem.get("code").asString()).isEqualTo("missing_key");
		assertThat(problem.get("detail").asString()).contains("OPENROUTER_API_KEY");
		JsonNode stored = json
			.readTree(client().get().uri("/api/conversations/" + id).retrieve().bodyToMono(String.class).block());
		assertThat(stored.get("messages").size()).isZero();
		assertThat(upstream.requests()).isEmpty();
	}

}
