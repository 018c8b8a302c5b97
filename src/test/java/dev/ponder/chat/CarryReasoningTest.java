package dev.ponder.chat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.RecordedRequest;
import dev.ponder.testing.Script;
import dev.ponder.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Let the model see its earlier reasoning", against the fake upstreams: what each model
 * is sent of earlier answers' reasoning with the switch on, and that nothing changes with
 * it off; how the switch is set, refused, shown, exported and imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:carry-reasoning-test;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.idle-timeout=10s",
				"openrouter.first-byte-timeout=10s", "openrouter.retry.max-attempts=0" })
class CarryReasoningTest extends AppTestSupport {

	private static final String THINKER = "openai/gpt-5.2";

	private static final String OTHER = "anthropic/claude-sonnet-4.5";

	private static final String LOCAL_MODEL = "qwen3:8b";

	/**
	 * The reasoning blocks the model streams, in the order it streams them, each field
	 * written in the order Ponder stores it: an encrypted block, then a signed text
	 * block.
	 */
	private static final String BLOCKS = "[{\"type\":\"reasoning.encrypted\",\"data\":\"gAAAAABopaque-heron==\","
			+ "\"id\":\"rs_heron_1\",\"format\":\"openai-responses-v1\",\"index\":0},"
			+ "{\"type\":\"reasoning.text\",\"text\":\"The heron waits by the reeds.\",\"signature\":\"sig-heron-2\","
			+ "\"id\":\"rs_heron_2\",\"format\":\"openai-responses-v1\",\"index\":1}]";

	static final FakeUpstream local = FakeUpstream.start();

	@DynamicPropertySource
	static void localServer(DynamicPropertyRegistry registry) {
		registry.add("ponder.endpoints.local.base-url", local::baseUrl);
	}

	@AfterAll
	static void stopLocalServer() {
		local.close();
	}

	@BeforeEach
	void forgetTheLocalServersScripts() {
		local.reset();
	}

	@Test
	void theSwitchIsOffByDefault_andWithItOffEarlierTurnsGoExactlyAsBefore() {
		upstream.enqueue(withBlocks(THINKER, "Herons fish at dawn."), plain(THINKER, "At dawn."));
		UUID conversation = newConversation();

		ask(conversation, "When do herons fish?", THINKER);
		ask(conversation, "Again?", THINKER);

		upstream.takeRequest();
		JsonNode earlier = upstream.takeRequest().json().get("messages").get(1);
		assertThat(names(earlier)).containsExactly("role", "content");
		assertThat(earlier.get("content").asString()).isEqualTo("Herons fish at dawn.");
		JsonNode details = conversation(conversation);
		assertThat(details.get("carryReasoning").asBoolean()).isFalse();
		JsonNode second = details.get("messages").get(3);
		assertThat(second.get("carriedReasoning").asBoolean()).isFalse();
		assertThat(second.get("metaLine").asString()).doesNotContain("earlier reasoning");
	}

	@Test
	void withTheSwitchOnTheSameModelGetsItsReasoningDetailsBackByteForByteInOrder() {
		upstream.enqueue(withBlocks(THINKER, "Herons fish at dawn."), plain(THINKER, "Still at dawn."));
		UUID conversation = newConversation();
		Reply patched = patch(conversation, "{\"carryReasoning\":true}");

		ask(conversation, "When do herons fish?", THINKER);
		ask(conversation, "Are you sure?", THINKER);

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.body().get("carryReasoning").asBoolean()).isTrue();
		upstream.takeRequest();
		String sent = upstream.takeRequest().body();
		JsonNode earlier = json.readTree(sent).get("messages").get(1);
		assertThat(sent).as("the array as streamed, untouched").contains("\"reasoning_details\":" + BLOCKS);
		assertThat(names(earlier)).containsExactly("role", "content", "reasoning_details");
		assertThat(earlier.get("content").asString()).isEqualTo("Herons fish at dawn.");
		JsonNode details = conversation(conversation);
		assertThat(details.get("carryReasoning").asBoolean()).isTrue();
		JsonNode first = details.get("messages").get(1);
		JsonNode second = details.get("messages").get(3);
		assertThat(first.get("carriedReasoning").asBoolean()).as("a first turn has nothing earlier").isFalse();
		assertThat(second.get("carriedReasoning").asBoolean()).isTrue();
		assertThat(second.get("metaLine").asString()).contains(THINKER + " · Fake · saw its earlier reasoning");
	}

	@Test
	void anotherModelIsSentTheReadableReasoningAsThinkTextNeverTheDetails() {
		upstream.enqueue(withBlocks(THINKER, "Herons fish at dawn."), plain(OTHER, "Dawn, yes."));
		UUID conversation = newConversation();
		patch(conversation, "{\"carryReasoning\":true}");

		ask(conversation, "When do herons fish?", THINKER);
		ask(conversation, "Do you agree?", OTHER);

		upstream.takeRequest();
		JsonNode earlier = upstream.takeRequest().json().get("messages").get(1);
		assertThat(names(earlier)).containsExactly("role", "content");
		assertThat(earlier.get("content").asString())
			.isEqualTo("<think>\nThe heron waits by the reeds.\n</think>\n\nHerons fish at dawn.");
		assertThat(conversation(conversation).get("messages").get(3).get("carriedReasoning").asBoolean()).isTrue();
	}

	@Test
	void anEndpointWithoutDetailsIsSentTheReasoningAsThinkTextAheadOfTheAnswer() {
		local.enqueue(reasoningContent("Owls hunt at night.", "At night."), reasoningContent("Yes.", "Yes, night."));
		UUID conversation = newConversation();
		patch(conversation, "{\"carryReasoning\":true}");

		askOn(conversation, "When do owls hunt?", "local", LOCAL_MODEL);
		askOn(conversation, "Really?", "local", LOCAL_MODEL);

		local.takeRequest();
		JsonNode messages = local.takeRequest().json().get("messages");
		assertThat(names(messages.get(1))).containsExactly("role", "content");
		assertThat(messages.get(1).get("content").asString())
			.isEqualTo("<think>\nOwls hunt at night.\n</think>\n\nAt night.");
		assertThat(messages.get(2).get("content").asString()).isEqualTo("Really?");
		JsonNode second = conversation(conversation).get("messages").get(3);
		assertThat(second.get("metaLine").asString())
			.contains("local · " + LOCAL_MODEL + " · saw its earlier reasoning");
	}

	@Test
	void aRelaysThinkerIsSentItsEarlierReasoning_theAnswererTheTurnsAsBefore() {
		upstream.enqueueFor(THINKER, withBlocks(THINKER, "Done."), plain(THINKER, "Done."));
		upstream.enqueueFor(OTHER, plain(OTHER, "Herons fish at dawn."), plain(OTHER, "Yes, at dawn."));
		UUID conversation = newConversation();
		patch(conversation, "{\"carryReasoning\":true}");

		relay(conversation, "When do herons fish?");
		relay(conversation, "Sure?");

		List<JsonNode> asked = chatRequests().stream().map(RecordedRequest::json).toList();
		JsonNode secondThinker = asked.get(2);
		JsonNode secondAnswerer = asked.get(3);
		assertThat(secondThinker.get("model").asString()).isEqualTo(THINKER);
		assertThat(secondThinker.get("messages").get(2).get("reasoning_details")).isEqualTo(json.readTree(BLOCKS));
		assertThat(secondAnswerer.get("model").asString()).isEqualTo(OTHER);
		assertThat(names(secondAnswerer.get("messages").get(2))).containsExactly("role", "content");
		assertThat(secondAnswerer.get("messages").get(2).get("content").asString()).isEqualTo("Herons fish at dawn.");
		JsonNode second = conversation(conversation).get("messages").get(3);
		assertThat(second.get("metaLine").asString())
			.contains("thinking by " + THINKER + " · saw its earlier reasoning");
	}

	@Test
	void anAnswerWrittenAgainFromStoredReasoningIsMarkedAsThatReasoningWas() {
		upstream.enqueueFor(THINKER, withBlocks(THINKER, "Done."), withBlocks(THINKER, "Done."));
		upstream.enqueueFor(OTHER, plain(OTHER, "Dawn."), plain(OTHER, "At dawn."), plain(OTHER, "Dawn, again."));
		UUID conversation = newConversation();
		patch(conversation, "{\"carryReasoning\":true}");
		relay(conversation, "When do herons fish?");
		relay(conversation, "Sure?");
		String second = conversation(conversation).get("messages").get(3).get("id").asString();

		allEvents(postForEvents("/api/messages/" + second + "/regenerate", "{\"reuseReasoning\":true}"));

		JsonNode again = conversation(conversation).get("messages").get(3);
		assertThat(again.get("id").asString()).isNotEqualTo(second);
		assertThat(again.get("content").asString()).isEqualTo("Dawn, again.");
		assertThat(again.get("carriedReasoning").asBoolean()).isTrue();
		assertThat(chatRequests()).filteredOn((request) -> THINKER.equals(request.json().get("model").asString()))
			.as("the thinker is not asked again")
			.hasSize(2);
	}

	@Test
	void anAnswerRegeneratedByAnotherModelIsSentTheEarlierReasoningAsThinkText_neverItsOwn() {
		upstream.enqueueFor(THINKER, withBlocks(THINKER, "Herons fish at dawn."),
				thinking(THINKER, "The tide matters more than the hour.", "At low tide."));
		upstream.enqueueFor(OTHER, plain(OTHER, "At dawn, at low tide."));
		UUID conversation = newConversation();
		patch(conversation, "{\"carryReasoning\":true}");
		ask(conversation, "When do herons fish?", THINKER);
		ask(conversation, "Are you sure?", THINKER);
		String second = conversation(conversation).get("messages").get(3).get("id").asString();

		allEvents(postForEvents("/api/messages/" + second + "/regenerate", "{\"model\":\"" + OTHER + "\"}"));

		RecordedRequest again = onlyRequestTo(OTHER);
		JsonNode messages = again.json().get("messages");
		assertThat(messages).as("the history stops at the question").hasSize(3);
		assertThat(names(messages.get(1))).containsExactly("role", "content");
		assertThat(messages.get(1).get("content").asString())
			.isEqualTo("<think>\nThe heron waits by the reeds.\n</think>\n\nHerons fish at dawn.");
		assertThat(messages.get(2).get("content").asString()).isEqualTo("Are you sure?");
		assertThat(again.body()).as("the answer being replaced, and its reasoning, are not sent")
			.doesNotContain("tide matters")
			.doesNotContain("At low tide.");
		JsonNode regenerated = conversation(conversation).get("messages").get(3);
		assertThat(regenerated.get("content").asString()).isEqualTo("At dawn, at low tide.");
		assertThat(regenerated.get("carriedReasoning").asBoolean()).isTrue();
	}

	@Test
	void anEditedQuestionIsSentTheEarlierAnswersReasoning_notTheReasoningOfTheAnswerItReplaces() {
		upstream.enqueueFor(THINKER, withBlocks(THINKER, "Herons fish at dawn."),
				thinking(THINKER, "The tide matters more than the hour.", "At low tide."), plain(THINKER, "Very."));
		UUID conversation = newConversation();
		patch(conversation, "{\"carryReasoning\":true}");
		ask(conversation, "When do herons fish?", THINKER);
		ask(conversation, "Are you sure?", THINKER);
		String question = conversation(conversation).get("messages").get(2).get("id").asString();

		allEvents(postForEvents("/api/messages/" + question + "/edit",
				json.writeValueAsString(Map.of("content", "Are herons patient?", "model", THINKER))));

		RecordedRequest edited = chatRequests().get(2);
		JsonNode messages = edited.json().get("messages");
		assertThat(messages).hasSize(3);
		assertThat(messages.get(1).get("reasoning_details")).isEqualTo(json.readTree(BLOCKS));
		assertThat(messages.get(1).get("content").asString()).isEqualTo("Herons fish at dawn.");
		assertThat(messages.get(2).get("content").asString()).isEqualTo("Are herons patient?");
		assertThat(edited.body()).as("the other branch's question, answer and reasoning are not sent")
			.doesNotContain("Are you sure?")
			.doesNotContain("tide matters")
			.doesNotContain("At low tide.");
		JsonNode answer = conversation(conversation).get("messages").get(3);
		assertThat(answer.get("content").asString()).isEqualTo("Very.");
		assertThat(answer.get("carriedReasoning").asBoolean()).isTrue();
	}

	@Test
	void eachCompareColumnIsSentWhatItsOwnModelMaySee() {
		upstream.enqueueFor(THINKER, withBlocks(THINKER, "Herons fish at dawn."), plain(THINKER, "Dawn."));
		upstream.enqueueFor(OTHER, plain(OTHER, "Dawn, I agree."));
		UUID conversation = newConversation();
		patch(conversation, "{\"carryReasoning\":true}");
		ask(conversation, "When do herons fish?", THINKER);

		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Compare?\",\"compare\":[{\"model\":\"" + THINKER + "\"},{\"model\":\"" + OTHER
						+ "\"}]}"));

		List<JsonNode> asked = chatRequests().stream().map(RecordedRequest::json).toList();
		JsonNode same = asked.stream()
			.skip(1)
			.filter((r) -> THINKER.equals(r.get("model").asString()))
			.findFirst()
			.orElseThrow();
		JsonNode other = asked.stream()
			.filter((r) -> OTHER.equals(r.get("model").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(same.get("messages").get(1).get("reasoning_details")).isEqualTo(json.readTree(BLOCKS));
		assertThat(other.get("messages").get(1).has("reasoning_details")).isFalse();
		assertThat(other.get("messages").get(1).get("content").asString()).startsWith("<think>\nThe heron waits");
	}

	@Test
	void turningTheSwitchOffAgainSendsNoReasoning() {
		upstream.enqueue(withBlocks(THINKER, "Herons fish at dawn."), plain(THINKER, "Dawn."));
		UUID conversation = newConversation();
		patch(conversation, "{\"carryReasoning\":true}");
		ask(conversation, "When do herons fish?", THINKER);

		Reply off = patch(conversation, "{\"carryReasoning\":false}");
		ask(conversation, "And now?", THINKER);

		assertThat(off.body().get("carryReasoning").asBoolean()).isFalse();
		upstream.takeRequest();
		String sent = upstream.takeRequest().body();
		assertThat(sent).doesNotContain("reasoning_details").doesNotContain("<think>").doesNotContain("heron waits");
		assertThat(conversation(conversation).get("messages").get(3).get("carriedReasoning").asBoolean()).isFalse();
	}

	@Test
	void aSwitchThatIsNotTrueOrFalseIsRefusedWithASentence_andAnUnknownConversationIsNotFound() {
		UUID conversation = newConversation();

		Reply word = patch(conversation, "{\"carryReasoning\":\"maybe\"}");
		Reply list = patch(conversation, "{\"carryReasoning\":[true]}");
		Reply unknown = patch(UUID.randomUUID(), "{\"carryReasoning\":true}");

		for (Reply refused : List.of(word, list)) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.body().get("detail").asString()).contains("a value in it has the wrong type");
		}
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(conversation(conversation).get("carryReasoning").asBoolean()).isFalse();
	}

	@Test
	void exportAndImportKeepTheSwitchAndTheMark_andAnOlderFileImportsWithItOff() {
		upstream.enqueue(withBlocks(THINKER, "Kingfishers dive."), plain(THINKER, "They dive."));
		UUID conversation = newConversation();
		patch(conversation, "{\"carryReasoning\":true}");
		ask(conversation, "What do kingfishers do?", THINKER);
		ask(conversation, "How?", THINKER);
		JsonNode file = exchange(HttpMethod.GET, "/api/conversations/" + conversation + "/export?format=json", null)
			.body();

		exchange(HttpMethod.DELETE, "/api/conversations/" + conversation, null);
		Reply imported = exchange(HttpMethod.POST, "/api/import", file.toString());
		JsonNode back = conversation(conversation);
		exchange(HttpMethod.DELETE, "/api/conversations/" + conversation, null);
		Reply older = exchange(HttpMethod.POST, "/api/import", withoutTheSwitch(file).toString());
		JsonNode before = conversation(conversation);

		assertThat(file.get("conversations").get(0).get("carryReasoning").asBoolean()).isTrue();
		assertThat(imported.status()).isEqualTo(200);
		assertThat(back.get("carryReasoning").asBoolean()).isTrue();
		assertThat(back.get("messages").get(3).get("carriedReasoning").asBoolean()).isTrue();
		assertThat(back.get("messages").get(1).get("carriedReasoning").asBoolean()).isFalse();
		assertThat(older.status()).isEqualTo(200);
		assertThat(before.get("carryReasoning").asBoolean()).isFalse();
		assertThat(before.get("messages").get(3).get("carriedReasoning").asBoolean()).isFalse();
	}

	@Test
	void thePlainFormTurnsTheSwitchOnAndOff() {
		UUID conversation = newConversation();
		Visitor browser = new Visitor(this.port);

		HttpResponse<String> on = browser.submit("/c/" + conversation, "/c/" + conversation + "/carry-reasoning",
				Map.of("carryReasoning", "true"));
		boolean afterOn = conversation(conversation).get("carryReasoning").asBoolean();
		String page = browser.get("/c/" + conversation).body();
		browser.submit("/c/" + conversation, "/c/" + conversation + "/carry-reasoning",
				Map.of("carryReasoning", "false"));

		assertThat(on.statusCode()).isEqualTo(302);
		assertThat(Visitor.location(on)).endsWith("/c/" + conversation);
		assertThat(afterOn).isTrue();
		assertThat(page).contains("aria-checked=\"true\"");
		assertThat(conversation(conversation).get("carryReasoning").asBoolean()).isFalse();
	}

	@Test
	void searchStillFindsQuestionsAnswersAndTitlesAfterTheNewColumns() {
		upstream.enqueue(plain(THINKER, "Cormorants dry their wings."));
		UUID conversation = newConversation();
		patch(conversation, "{\"carryReasoning\":true,\"title\":\"Seabird notebook\"}");
		ask(conversation, "What do shags do after diving?", THINKER);

		JsonNode byAnswer = exchange(HttpMethod.GET, "/api/conversations?q=cormorants", null).body();
		JsonNode byQuestion = exchange(HttpMethod.GET, "/api/conversations?q=shags", null).body();
		JsonNode byTitle = exchange(HttpMethod.GET, "/api/conversations?q=notebook", null).body();

		for (JsonNode found : List.of(byAnswer, byQuestion, byTitle)) {
			assertThat(found).hasSize(1);
			assertThat(found.get(0).get("id").asString()).isEqualTo(conversation.toString());
		}
	}

	private Reply patch(UUID conversation, String body) {
		return exchange(HttpMethod.PATCH, "/api/conversations/" + conversation, body);
	}

	private void ask(UUID conversation, String question, String model) {
		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				json.writeValueAsString(Map.of("content", question, "model", model))));
	}

	private void askOn(UUID conversation, String question, String endpoint, String model) {
		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				json.writeValueAsString(Map.of("content", question, "model", model, "endpoint", endpoint))));
	}

	private void relay(UUID conversation, String question) {
		allEvents(postForEvents("/api/conversations/" + conversation + "/messages", json
			.writeValueAsString(Map.of("content", question, "model", OTHER, "relay", Map.of("thinker", THINKER)))));
	}

	private static List<RecordedRequest> chatRequests() {
		return upstream.requests().stream().filter((request) -> request.path().endsWith("/chat/completions")).toList();
	}

	private static RecordedRequest onlyRequestTo(String model) {
		List<RecordedRequest> asked = chatRequests().stream()
			.filter((request) -> model.equals(request.json().get("model").asString()))
			.toList();
		assertThat(asked).hasSize(1);
		return asked.get(0);
	}

	private static List<String> names(JsonNode message) {
		return List.copyOf(message.propertyNames());
	}

	/** An OpenRouter answer whose reasoning streams as {@link #BLOCKS}. */
	private static Script withBlocks(String model, String answer) {
		FakeGeneration generation = FakeGeneration.unique().servedBy(model, "Fake");
		JsonNode blocks = json.readTree(BLOCKS);
		return Script.stream(generation)
			.chunk(generation.role())
			.chunk(details(generation, blocks.get(0), null))
			.chunk(details(generation, blocks.get(1), blocks.get(1).get("text").asString()))
			.chunk(generation.content(answer))
			.chunk(generation.finish("stop"))
			.chunk(generation.usage(20, 30, 20, 0.0001))
			.done();
	}

	/** A chunk carrying one reasoning block, and its text as {@code reasoning} if any. */
	private static String details(FakeGeneration generation, JsonNode block, String text) {
		ObjectNode chunk = (ObjectNode) json.readTree(generation.content(""));
		ObjectNode delta = (ObjectNode) chunk.get("choices").get(0).get("delta");
		if (text != null) {
			delta.put("reasoning", text);
		}
		else {
			delta.putNull("reasoning");
		}
		delta.putArray("reasoning_details").add(block);
		return chunk.toString();
	}

	/** An answer whose reasoning streams as text with a {@code reasoning.text} detail. */
	private static Script thinking(String model, String reasoning, String answer) {
		return Script.answer(FakeGeneration.unique().servedBy(model, "Fake"), List.of(reasoning), List.of(answer),
				Duration.ZERO);
	}

	private static Script plain(String model, String answer) {
		return Script.answer(FakeGeneration.unique().servedBy(model, "Fake"), List.of(), List.of(answer),
				Duration.ZERO);
	}

	/** A server that streams reasoning as {@code reasoning_content}, DeepSeek's way. */
	private static Script reasoningContent(String reasoning, String answer) {
		FakeGeneration generation = FakeGeneration.unique().servedBy(LOCAL_MODEL, null);
		return Script.stream(generation)
			.chunk(generation.role())
			.chunk(generation.reasoningContent(reasoning))
			.chunk(generation.content(answer))
			.chunk(generation.finish("stop"))
			.done();
	}

	/** The export as a file from before the switch: neither field. */
	private static JsonNode withoutTheSwitch(JsonNode file) {
		JsonNode older = file.deepCopy();
		for (JsonNode conversation : older.get("conversations")) {
			((ObjectNode) conversation).remove("carryReasoning");
			for (JsonNode message : conversation.get("messages")) {
				((ObjectNode) message).remove("carriedReasoning");
			}
		}
		return older;
	}

}
