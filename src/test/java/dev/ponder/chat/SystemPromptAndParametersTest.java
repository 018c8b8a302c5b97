package dev.ponder.chat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;

import dev.ponder.catalog.ModelCatalog;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation's system prompt and an answer's sampling parameters, against the fake
 * upstream: what goes upstream, what is stored, and what the API says.
 */
class SystemPromptAndParametersTest extends AppTestSupport {

	/**
	 * Listed by the fake's {@code /models} with temperature and max_tokens, no top_p or
	 * seed.
	 */
	private static final String NO_SEED = "anthropic/claude-sonnet-4.5";

	/** Listed with all four. */
	private static final String ALL_FOUR = "openai/gpt-4o-mini";

	private static final String THINKER = "deepseek/deepseek-r1";

	private static final String ALL_PARAMETERS = "{\"temperature\":0.2,\"topP\":0.9,\"maxTokens\":500,\"seed\":7}";

	@Autowired
	ModelCatalog catalog;

	@BeforeEach
	void listTheFakesModels() {
		this.catalog.refresh();
	}

	@Test
	void theSystemPromptGoesFirstOnEveryTurnThenTheHistory() {
		upstream.enqueue(answering(ALL_FOUR, "Ahoy."), answering(ALL_FOUR, "Arr, the sea."));
		UUID conversation = created("{\"systemPrompt\":\"Talk like a pirate.\"}");

		allEvents(sendJson(conversation, Map.of("content", "Hello", "model", ALL_FOUR)));
		allEvents(sendJson(conversation, Map.of("content", "Where do you live?", "model", ALL_FOUR)));

		upstream.takeRequest();
		JsonNode messages = upstream.takeRequest().json().get("messages");
		assertThat(messages).hasSize(4);
		assertThat(role(messages.get(0))).isEqualTo("system: Talk like a pirate.");
		assertThat(role(messages.get(1))).isEqualTo("user: Hello");
		assertThat(role(messages.get(2))).isEqualTo("assistant: Ahoy.");
		assertThat(role(messages.get(3))).isEqualTo("user: Where do you live?");
		assertThat(conversation(conversation).get("systemPrompt").asString()).isEqualTo("Talk like a pirate.");
	}

	@Test
	void aSystemPromptInTheSendBodyBecomesTheConversationsBeforeTheMessageGoes() {
		upstream.enqueue(answering(ALL_FOUR, "Bonjour."));
		UUID conversation = newConversation();

		allEvents(sendJson(conversation,
				Map.of("content", "Hello", "model", ALL_FOUR, "systemPrompt", "Answer in French.")));

		JsonNode messages = upstream.takeRequest().json().get("messages");
		assertThat(role(messages.get(0))).isEqualTo("system: Answer in French.");
		assertThat(conversation(conversation).get("systemPrompt").asString()).isEqualTo("Answer in French.");
	}

	@Test
	void aSystemPromptIsChangedAndRemovedByPatch_andAConversationWithoutOneSendsNoSystemMessage() {
		upstream.enqueue(answering(ALL_FOUR, "Plain."));
		UUID conversation = created("{\"systemPrompt\":\"Be brief.\"}");

		Reply changed = exchange(HttpMethod.PATCH, "/api/conversations/" + conversation,
				"{\"systemPrompt\":\"Be thorough.\"}");
		String changedTo = conversation(conversation).get("systemPrompt").asString();
		Reply removed = exchange(HttpMethod.PATCH, "/api/conversations/" + conversation, "{\"systemPrompt\":\"\"}");
		allEvents(sendJson(conversation, Map.of("content", "Hi", "model", ALL_FOUR)));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body().get("systemPrompt").asString()).isEqualTo("Be thorough.");
		assertThat(changedTo).isEqualTo("Be thorough.");
		assertThat(removed.body().get("systemPrompt").isNull()).isTrue();
		assertThat(conversation(conversation).get("systemPrompt").isNull()).isTrue();
		assertThat(role(upstream.takeRequest().json().get("messages").get(0))).isEqualTo("user: Hi");
	}

	@Test
	void aSystemPromptLongerThanAHundredThousandCharactersIsRefusedWithASentence() {
		String tooLong = "x".repeat(100_001);
		UUID conversation = newConversation();

		Reply onCreate = exchange(HttpMethod.POST, "/api/conversations",
				json.writeValueAsString(Map.of("systemPrompt", tooLong)));
		Reply onPatch = exchange(HttpMethod.PATCH, "/api/conversations/" + conversation,
				json.writeValueAsString(Map.of("systemPrompt", tooLong)));
		Reply onSend = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/messages",
				json.writeValueAsString(Map.of("content", "Hi", "systemPrompt", tooLong)));

		for (Reply reply : List.of(onCreate, onPatch, onSend)) {
			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.body().toString()).contains("The system prompt is longer than 100,000 characters.");
		}
		assertThat(conversation(conversation).get("systemPrompt").isNull()).isTrue();
		assertThat(upstream.requests()).noneMatch((request) -> request.path().endsWith("/chat/completions"));
	}

	@Test
	void parametersGoUpstreamOnlyWhereTheModelTakesThem_andTheAnswerStoresAndShowsWhatWasSent() {
		upstream.enqueue(answering(NO_SEED, "Warm."), answering(ALL_FOUR, "Cool."));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(postForEvents(
				"/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Weather?\",\"model\":\"" + NO_SEED + "\",\"parameters\":" + ALL_PARAMETERS + "}"));
		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"And tomorrow?\",\"model\":\"" + ALL_FOUR + "\",\"parameters\":" + ALL_PARAMETERS
						+ "}"));

		JsonNode noSeed = upstream.takeRequest().json();
		JsonNode allFour = upstream.takeRequest().json();
		assertThat(noSeed.get("temperature").asDouble()).isEqualTo(0.2);
		assertThat(noSeed.get("max_tokens").asInt()).isEqualTo(500);
		assertThat(noSeed.has("top_p")).isFalse();
		assertThat(noSeed.has("seed")).isFalse();
		assertThat(allFour.get("temperature").asDouble()).isEqualTo(0.2);
		assertThat(allFour.get("top_p").asDouble()).isEqualTo(0.9);
		assertThat(allFour.get("max_tokens").asInt()).isEqualTo(500);
		assertThat(allFour.get("seed").asLong()).isEqualTo(7);
		JsonNode first = conversation(conversation).get("messages").get(1);
		assertThat(first.get("parameters").toString())
			.isEqualTo("{\"temperature\":0.2,\"topP\":null,\"maxTokens\":500,\"seed\":null}");
		assertThat(first.get("metaLine").asString()).contains(NO_SEED + " · Fake · temperature 0.2 · max 500 tokens");
		assertThat(data(last(events)).get("metaLine").asString()).contains("temperature 0.2 · max 500 tokens");
		JsonNode second = conversation(conversation).get("messages").get(3);
		assertThat(second.get("metaLine").asString()).contains("temperature 0.2 · top_p 0.9 · max 500 tokens · seed 7");
		assertThat(conversation(conversation).get("messages").get(0).get("parameters").isNull()).isTrue();
	}

	@Test
	void withoutParametersNoneIsSent_andAnUnlistedModelIsSentAllThatWasAsked() {
		upstream.enqueue(answering(ALL_FOUR, "Defaults."), answering("someone/unlisted", "Anything."));
		UUID conversation = newConversation();

		allEvents(sendJson(conversation, Map.of("content", "Defaults", "model", ALL_FOUR)));
		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Unlisted\",\"model\":\"someone/unlisted\",\"parameters\":" + ALL_PARAMETERS + "}"));

		JsonNode defaults = upstream.takeRequest().json();
		JsonNode unlisted = upstream.takeRequest().json();
		for (String name : List.of("temperature", "top_p", "max_tokens", "seed")) {
			assertThat(defaults.has(name)).as(name).isFalse();
			assertThat(unlisted.has(name)).as(name).isTrue();
		}
		JsonNode answer = conversation(conversation).get("messages").get(1);
		assertThat(answer.get("parameters").get("temperature").isNull()).isTrue();
		assertThat(answer.get("metaLine").asString()).doesNotContain("temperature");
	}

	@Test
	void regeneratingReusesTheEarlierAnswersParametersUnlessOthersAreNamed() {
		upstream.enqueue(answering(ALL_FOUR, "One."), answering(ALL_FOUR, "Two."), answering(ALL_FOUR, "Three."));
		UUID conversation = newConversation();
		String answerId = data(allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Count\",\"model\":\"" + ALL_FOUR + "\",\"parameters\":{\"seed\":42}}"))
			.get(0)).get("assistantMessageId").asString();

		allEvents(postForEvents("/api/messages/" + answerId + "/regenerate", "{}"));
		allEvents(postForEvents("/api/messages/" + answerId + "/regenerate", "{\"parameters\":{}}"));

		assertThat(upstream.takeRequest().json().get("seed").asLong()).isEqualTo(42);
		assertThat(upstream.takeRequest().json().get("seed").asLong()).as("reused").isEqualTo(42);
		assertThat(upstream.takeRequest().json().has("seed")).as("reset to the defaults").isFalse();
	}

	@Test
	void aRelaysThinkerAndAnswererBothHearTheSystemPrompt_andOnlyTheAnswererGetsTheParameters() {
		upstream.enqueueFor(THINKER,
				Script.stream()
					.chunk(model(THINKER).role())
					.chunk(model(THINKER).reasoning("Pirates say arr."))
					.chunk(model(THINKER).content("Done"))
					.chunk(model(THINKER).finish("stop"))
					.done());
		upstream.enqueueFor(ALL_FOUR, answering(ALL_FOUR, "Arr."));
		UUID conversation = created("{\"systemPrompt\":\"Talk like a pirate.\"}");

		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Greet me\",\"model\":\"" + ALL_FOUR + "\",\"relay\":{\"thinker\":\"" + THINKER
						+ "\"},\"parameters\":{\"temperature\":1.5}}"));

		JsonNode thinker = upstream.takeRequest().json();
		JsonNode answerer = upstream.takeRequest().json();
		String thinkerSystem = thinker.get("messages").get(0).get("content").asString();
		assertThat(thinkerSystem).contains("Do not write an answer").endsWith("Talk like a pirate.");
		assertThat(thinker.get("messages").get(1).get("role").asString()).isEqualTo("user");
		assertThat(thinker.has("temperature")).isFalse();
		String answererSystem = answerer.get("messages").get(0).get("content").asString();
		assertThat(answererSystem).startsWith("Talk like a pirate.").contains("Pirates say arr.");
		assertThat(answerer.get("messages").get(1).get("role").asString()).isEqualTo("user");
		assertThat(answerer.get("temperature").asDouble()).isEqualTo(1.5);
	}

	@Test
	void aComparesParametersAndSystemPromptReachEveryColumn() {
		upstream.enqueueFor(ALL_FOUR, answering(ALL_FOUR, "A."));
		upstream.enqueueFor(NO_SEED, answering(NO_SEED, "B."));
		UUID conversation = created("{\"systemPrompt\":\"Be kind.\"}");

		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Side by side\",\"compare\":[{\"model\":\"" + ALL_FOUR + "\"},{\"model\":\"" + NO_SEED
						+ "\"}],\"parameters\":{\"temperature\":0.3,\"seed\":5}}"));

		List<JsonNode> requests = List.of(upstream.takeRequest().json(), upstream.takeRequest().json());
		for (JsonNode request : requests) {
			assertThat(role(request.get("messages").get(0))).isEqualTo("system: Be kind.");
			assertThat(request.get("temperature").asDouble()).isEqualTo(0.3);
			assertThat(request.has("seed")).isEqualTo(request.get("model").asString().equals(ALL_FOUR));
		}
	}

	@Test
	void parametersOutOfRangeAreRefusedWithASentence() {
		UUID conversation = newConversation();

		Reply reply = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Hot\",\"parameters\":{\"temperature\":3}}");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body().toString()).contains("Temperature must be between 0 and 2.");
	}

	@Test
	void aSearchFindsAConversationByItsSystemPrompt_inTheApiAndOnThePage() {
		UUID conversation = created("{\"systemPrompt\":\"You are a Quetzalcoatlologist.\"}");

		JsonNode hits = exchange(HttpMethod.GET, "/api/conversations?q=quetzalcoatlologist", null).body();
		String page = client().get().uri("/?q=quetzalcoatlologist").retrieve().bodyToMono(String.class).block();

		assertThat(hits).hasSize(1);
		assertThat(hits.get(0).get("id").asString()).isEqualTo(conversation.toString());
		assertThat(hits.get(0).get("matches").get(0).get("in").asString()).isEqualTo("systemPrompt");
		assertThat(page).contains("In system prompt")
			.contains("href=\"/c/" + conversation + "\"")
			.contains("<mark>Quetzalcoatlologist</mark>");
	}

	private UUID created(String body) {
		Reply reply = exchange(HttpMethod.POST, "/api/conversations", body);
		assertThat(reply.status()).isEqualTo(201);
		return UUID.fromString(reply.body().get("id").asString());
	}

	private Flux<ServerSentEvent<String>> sendJson(UUID conversation, Map<String, ?> body) {
		return postForEvents("/api/conversations/" + conversation + "/messages", json.writeValueAsString(body));
	}

	private static String role(JsonNode message) {
		return message.get("role").asString() + ": " + message.get("content").asString();
	}

	private static Script answering(String model, String answer) {
		FakeGeneration generation = model(model);
		return Script.stream()
			.chunk(generation.role())
			.chunk(generation.content(answer))
			.chunk(generation.finish("stop"))
			.chunk(generation.usage(10, 3, 0, 0.0001))
			.done();
	}

	private static FakeGeneration model(String model) {
		return FakeGeneration.unique().servedBy(model, "Fake");
	}

}
