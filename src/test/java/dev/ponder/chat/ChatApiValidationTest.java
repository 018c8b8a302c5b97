package dev.ponder.chat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import dev.ponder.testing.AppTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a problem detail that says what is wrong, and nothing is stored or sent.
 */
class ChatApiValidationTest extends AppTestSupport {

	@Test
	void emptyMessageIsRefusedAndNothingIsStored() {
		UUID conversation = newConversation();

		Reply problem = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/messages",
				"{\"content\":\"   \"}");

		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.contentType()).isEqualTo("application/problem+json");
		assertThat(problem.body().get("detail").asString()).isEqualTo("The message is empty.");
		assertThat(messages(conversation)).isZero();
		assertThat(upstream.requests()).isEmpty();
	}

	@Test
	void overLongMessageIsRefusedWithTheLimit() {
		UUID conversation = newConversation();
		String tooLong = "x".repeat(SendMessageRequest.MAX_LENGTH + 1);

		Reply problem = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/messages",
				"{\"content\":\"" + tooLong + "\"}");

		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.body().get("detail").asString()).isEqualTo("The message is longer than 100,000 characters.");
		assertThat(messages(conversation)).isZero();
	}

	@Test
	void unknownReasoningEffortAndOddModelIdsAreRefused() {
		UUID conversation = newConversation();

		Reply effort = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/messages",
				"{\"content\":\"hi\",\"reasoning\":{\"effort\":\"extreme\"}}");
		Reply model = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/messages",
				"{\"content\":\"hi\",\"model\":\"<script>\"}");

		assertThat(effort.status()).isEqualTo(400);
		assertThat(effort.body().get("detail").asString()).contains("xhigh, high, medium, low, minimal or none");
		assertThat(model.status()).isEqualTo(400);
		assertThat(model.body().get("detail").asString()).contains("model id");
	}

	@Test
	void unknownAndMalformedIdsAreNotFound() {
		String unknown = UUID.randomUUID().toString();

		assertThat(exchange(HttpMethod.GET, "/api/conversations/" + unknown, null).status()).isEqualTo(404);
		assertThat(exchange(HttpMethod.GET, "/api/conversations/not-an-id", null).status()).isEqualTo(404);
		assertThat(exchange(HttpMethod.DELETE, "/api/conversations/" + unknown, null).status()).isEqualTo(404);
		assertThat(exchange(HttpMethod.POST, "/api/conversations/" + unknown + "/messages", "{\"content\":\"hi\"}")
			.status()).isEqualTo(404);
		assertThat(exchange(HttpMethod.GET, "/api/messages/" + unknown + "/stream", null).status()).isEqualTo(404);
		assertThat(exchange(HttpMethod.POST, "/api/messages/12345/stop", null).status()).isEqualTo(404);
		Reply problem = exchange(HttpMethod.GET, "/api/conversations/" + unknown, null);
		assertThat(problem.body().get("detail").asString()).isEqualTo("No conversation with id " + unknown + ".");
	}

	@Test
	void conversationsAreListedNewestFirstAndCanBeDeleted() {
		UUID older = newConversation();
		UUID newer = newConversation();

		JsonNode list = json.readTree(client().get()
			.uri("/api/conversations")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(5)));
		Reply deleted = exchange(HttpMethod.DELETE, "/api/conversations/" + older, null);

		assertThat(list.get(0).get("id").asString()).isEqualTo(newer.toString());
		assertThat(list.toString()).contains(older.toString());
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(exchange(HttpMethod.GET, "/api/conversations/" + older, null).status()).isEqualTo(404);
	}

	@Test
	void browserRequestsWithoutTheCsrfTokenAreRefused() {
		int status = client().post()
			.uri("/api/conversations")
			.header("Origin", "https://evil.example")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchangeToMono((response) -> reactor.core.publisher.Mono.just(response.statusCode().value()))
			.block(Duration.ofSeconds(5));

		assertThat(status).isEqualTo(403);
	}

	private int messages(UUID conversation) {
		return exchange(HttpMethod.GET, "/api/conversations/" + conversation, null).body().get("messages").size();
	}

	@Test
	void theKeyReachesNoPageNoScriptAndNoError() {
		UUID conversation = newConversation();
		upstream.enqueue(dev.ponder.testing.Script.invalidKey());
		allEvents(send(conversation, "Leak?"));

		for (String path : List.of("/", "/c/" + conversation, "/js/app.js", "/js/api.js",
				"/api/conversations/" + conversation, "/api/export", "/no-such-page")) {
			String body = client().get()
				.uri(path)
				.exchangeToMono((response) -> response.bodyToMono(String.class).defaultIfEmpty(""))
				.block(Duration.ofSeconds(5));
			assertThat(body).as(path).doesNotContain(API_KEY);
		}
	}

}
