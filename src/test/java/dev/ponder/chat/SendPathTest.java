package dev.ponder.chat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import dev.ponder.catalog.ModelCatalog;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edits and regenerations, against the fake upstream: they are checked and set up as a
 * send is, and a refused one changes nothing.
 */
class SendPathTest extends AppTestSupport {

	/** Listed by the fake's {@code /models} with temperature and max_tokens only. */
	private static final String NO_SEED = "anthropic/claude-sonnet-4.5";

	/** Listed with all four parameters. */
	private static final String ALL_FOUR = "openai/gpt-4o-mini";

	@Autowired
	ModelCatalog catalog;

	@BeforeEach
	void listTheFakesModels() {
		this.catalog.refresh();
	}

	@Test
	void anEditTakesTheSystemPromptItIsSentWith() {
		upstream.enqueue(answering(ALL_FOUR, "Hi."), answering(ALL_FOUR, "Salut."));
		UUID conversation = newConversation();
		String question = firstQuestion(conversation, "Hello");

		allEvents(postForEvents("/api/messages/" + question + "/edit", json.writeValueAsString(
				Map.of("content", "Hello again", "model", ALL_FOUR, "systemPrompt", "Answer in French, wombat."))));

		upstream.takeRequest();
		JsonNode messages = upstream.takeRequest().json().get("messages");
		assertThat(messages.get(0).get("role").asString()).isEqualTo("system");
		assertThat(messages.get(0).get("content").asString()).isEqualTo("Answer in French, wombat.");
		assertThat(conversation(conversation).get("systemPrompt").asString()).isEqualTo("Answer in French, wombat.");
	}

	@Test
	void aRefusedEditLeavesTheSystemPromptAsItWas_evenFromAPreset() {
		upstream.enqueue(answering(ALL_FOUR, "Hi."));
		UUID conversation = newConversation();
		firstQuestion(conversation, "Hello");
		String answer = conversation(conversation).get("messages").get(1).get("id").asString();
		String preset = preset(
				"{\"name\":\"Prompting bilby " + UUID.randomUUID() + "\",\"systemPrompt\":\"Talk like a bilby.\"}");

		// An answer is not a question to edit: refused once the edit is being stored.
		Reply refused = exchange(HttpMethod.POST, "/api/messages/" + answer + "/edit",
				"{\"content\":\"Edited\",\"model\":\"" + ALL_FOUR + "\",\"preset\":\"" + preset + "\"}");

		assertThat(refused.status()).isEqualTo(404);
		assertThat(conversation(conversation).get("systemPrompt").isNull()).isTrue();
	}

	@Test
	void anEditWithAPresetThatComparesIsRefusedWithASentence() {
		upstream.enqueue(answering(ALL_FOUR, "Hi."));
		UUID conversation = newConversation();
		String question = firstQuestion(conversation, "Hello");
		String preset = preset("{\"name\":\"Comparing numbat " + UUID.randomUUID() + "\",\"compare\":[{\"model\":\""
				+ ALL_FOUR + "\"},{\"model\":\"" + NO_SEED + "\"}]}");

		Reply refused = exchange(HttpMethod.POST, "/api/messages/" + question + "/edit",
				"{\"content\":\"Edited\",\"preset\":\"" + preset + "\"}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("detail").asString())
			.isEqualTo("An edited question is answered by one model, not compared: name a model, "
					+ "or choose a preset without a compare.");
		assertThat(conversation(conversation).get("messages")).hasSize(2);
	}

	@Test
	void regeneratingWithAnotherModelSendsAndStoresOnlyTheParametersItTakes() {
		upstream.enqueue(answering(ALL_FOUR, "One."), answering(NO_SEED, "Two."));
		UUID conversation = newConversation();
		String answer = data(allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Count\",\"model\":\"" + ALL_FOUR
						+ "\",\"parameters\":{\"temperature\":0.4,\"seed\":42}}"))
			.get(0)).get("assistantMessageId").asString();

		allEvents(postForEvents("/api/messages/" + answer + "/regenerate", "{\"model\":\"" + NO_SEED + "\"}"));

		upstream.takeRequest();
		JsonNode sent = upstream.takeRequest().json();
		assertThat(sent.get("temperature").asDouble()).isEqualTo(0.4);
		assertThat(sent.has("seed")).isFalse();
		JsonNode again = conversation(conversation).get("messages").get(1);
		assertThat(again.get("model").asString()).isEqualTo(NO_SEED);
		assertThat(again.get("parameters").toString())
			.isEqualTo("{\"temperature\":0.4,\"topP\":null,\"maxTokens\":null,\"seed\":null}");
		assertThat(again.get("metaLine").asString()).contains("temperature 0.4").doesNotContain("seed");
	}

	private String firstQuestion(UUID conversation, String content) {
		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				json.writeValueAsString(Map.of("content", content, "model", ALL_FOUR))));
		return conversation(conversation).get("messages").get(0).get("id").asString();
	}

	private String preset(String body) {
		Reply created = exchange(HttpMethod.POST, "/api/presets", body);
		assertThat(created.status()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private static Script answering(String model, String answer) {
		FakeGeneration generation = FakeGeneration.unique().servedBy(model, "Fake");
		return Script.stream()
			.chunk(generation.role())
			.chunk(generation.content(answer))
			.chunk(generation.finish("stop"))
			.chunk(generation.usage(10, 3, 0, 0.0001))
			.done();
	}

}
