package dev.ponder.chat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;

import dev.ponder.testing.AppTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no key set the app still starts and reads, and sending says how to set one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "ponder.auth=none",
		"spring.datasource.url=jdbc:h2:mem:no-key-test;DB_CLOSE_DELAY=-1", "openrouter.api-key=" })
class ChatWithoutKeyTest extends AppTestSupport {

	@Test
	void sendingWithoutAKeyIsRefusedBeforeAnythingIsStored() {
		UUID id = newConversation();

		Reply refused = exchange(HttpMethod.POST, "/api/conversations/" + id + "/messages", "{\"content\":\"Hello\"}");
		JsonNode problem = refused.body();

		assertThat(refused.status()).isEqualTo(503);
		assertThat(problem.get("code").asString()).isEqualTo("missing_key");
		assertThat(problem.get("detail").asString()).contains("OPENROUTER_API_KEY");
		assertThat(conversation(id).get("messages").size()).isZero();
		assertThat(upstream.requests()).isEmpty();
	}

	@Test
	void thePageSaysHowToSetAKeyAndSavedConversationsStayReadable() {
		UUID id = newConversation();

		String home = client().get().uri("/").retrieve().bodyToMono(String.class).block();
		String saved = client().get().uri("/c/" + id).retrieve().bodyToMono(String.class).block();

		assertThat(home).contains("No OpenRouter API key is set").contains("OPENROUTER_API_KEY");
		assertThat(saved).contains("No OpenRouter API key is set");
	}

	@Test
	void thePageRefusesToSendInTheServersOwnWords() {
		UUID id = newConversation();
		String sentence = exchange(HttpMethod.POST, "/api/conversations/" + id + "/messages", "{\"content\":\"Hi\"}")
			.body()
			.get("detail")
			.asString();

		String home = client().get().uri("/").retrieve().bodyToMono(String.class).block();

		// The script shows this attribute's sentence instead of sending, so it never says
		// it differently.
		assertThat(home).contains("data-missing-key=\"" + sentence + "\"");
	}

}
