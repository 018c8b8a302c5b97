package dev.ponder.preset;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.RecordedRequest;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Presets through the API with accounts off (the one person is their administrator):
 * make, list, change, delete, the sentences of a refusal, and a send that names one.
 */
class PresetApiTest extends AppTestSupport {

	@Autowired
	PresetRepository presetRows;

	@Test
	void aPresetIsMadeListedChangedAndDeleted() {
		Reply created = exchange(HttpMethod.POST, "/api/presets", """
				{"name":"Careful quoll","model":"openai/o3-mini","endpoint":"openrouter",
				 "reasoning":{"effort":"high"},"systemPrompt":"Answer like a quoll.",
				 "parameters":{"temperature":0.3,"seed":7},
				 "relay":{"thinker":"deepseek/deepseek-r1","thinkerReasoning":{"maxTokens":2048}}}""");

		assertThat(created.status()).isEqualTo(201);
		JsonNode preset = created.body();
		String id = preset.get("id").asString();
		assertThat(preset.get("name").asString()).isEqualTo("Careful quoll");
		assertThat(preset.get("mine").asBoolean()).isTrue();
		assertThat(preset.get("shared").asBoolean()).isFalse();
		assertThat(preset.get("reasoning").get("effort").asString()).isEqualTo("high");
		assertThat(preset.get("parameters").get("temperature").asDouble()).isEqualTo(0.3);
		assertThat(preset.get("parameters").get("seed").asLong()).isEqualTo(7);
		assertThat(preset.get("relay").get("thinker").asString()).isEqualTo("deepseek/deepseek-r1");
		assertThat(preset.get("relay").get("thinkerReasoning").get("maxTokens").asInt()).isEqualTo(2048);
		assertThat(preset.get("compare").isNull()).isTrue();
		assertThat(named("Careful quoll")).isNotNull();

		Reply changed = exchange(HttpMethod.PATCH, "/api/presets/" + id,
				"{\"name\":\"Careful quokka\",\"relay\":{\"thinker\":\"\"},\"parameters\":{\"topP\":0.9}}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body().get("name").asString()).isEqualTo("Careful quokka");
		assertThat(changed.body().get("relay").isNull()).as("a blank thinker removes the relay").isTrue();
		assertThat(changed.body().get("parameters").get("topP").asDouble()).isEqualTo(0.9);
		assertThat(changed.body().get("parameters").get("temperature").isNull()).isTrue();
		assertThat(changed.body().get("model").asString()).as("absent fields stay").isEqualTo("openai/o3-mini");
		assertThat(changed.body().get("systemPrompt").asString()).isEqualTo("Answer like a quoll.");
		assertThat(named("Careful quoll")).isNull();

		assertThat(exchange(HttpMethod.DELETE, "/api/presets/" + id, null).status()).isEqualTo(204);
		assertThat(named("Careful quokka")).isNull();
		assertThat(exchange(HttpMethod.GET, "/api/presets/" + id, null).status()).isEqualTo(404);
		assertThat(exchange(HttpMethod.DELETE, "/api/presets/" + id, null).status()).isEqualTo(404);
	}

	@Test
	void twoPresetsMadeWithAccountsOffCannotShareANameEvenAtOnce() {
		this.presetRows.saveAndFlush(new Preset(null, "Twin plover", Instant.now()));

		assertThatThrownBy(() -> this.presetRows.saveAndFlush(new Preset(null, "twin PLOVER", Instant.now())))
			.as("the unique key holds without an owner")
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aLongNameInUpperCaseFitsItsKey() {
		String name = "İ".repeat(100);
		Reply created = exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"" + name + "\"}");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"" + name + "\"}").status()).isEqualTo(409);
	}

	@Test
	void presetsAreListedByNameWhateverTheirCase() {
		exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"zebra wombat\"}");
		exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"Aardvark wombat\"}");
		exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"mole wombat\"}");

		List<String> names = list().stream()
			.map((preset) -> preset.get("name").asString())
			.filter((name) -> name.endsWith(" wombat"))
			.toList();

		assertThat(names).containsExactly("Aardvark wombat", "mole wombat", "zebra wombat");
	}

	@Test
	void aSecondPresetOfTheSameNameWhateverItsCaseIsAConflict() {
		assertThat(exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"Twin numbat\"}").status()).isEqualTo(201);
		String other = exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"Other numbat\"}").body()
			.get("id")
			.asString();

		Reply again = exchange(HttpMethod.POST, "/api/presets", "{\"name\":\" twin NUMBAT \"}");
		Reply renamed = exchange(HttpMethod.PATCH, "/api/presets/" + other, "{\"name\":\"TWIN numbat\"}");

		for (Reply reply : List.of(again, renamed)) {
			assertThat(reply.status()).isEqualTo(409);
			assertThat(reply.body().get("code").asString()).isEqualTo("preset_name_taken");
			assertThat(reply.body().get("detail").asString()).containsIgnoringCase("twin numbat")
				.contains("choose another name");
		}
	}

	@Test
	void refusalsSayWhatIsWrong() {
		assertThat(detailOf(exchange(HttpMethod.POST, "/api/presets", "{\"model\":\"x/y\"}")))
			.isEqualTo("A preset needs a name.");
		assertThat(detailOf(exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"" + "n".repeat(101) + "\"}")))
			.isEqualTo("A preset's name is longer than 100 characters.");
		assertThat(detailOf(exchange(HttpMethod.POST, "/api/presets",
				"{\"name\":\"Hot echidna\",\"parameters\":{\"temperature\":3}}")))
			.isEqualTo("Temperature must be between 0 and 2.");
		assertThat(detailOf(exchange(HttpMethod.POST, "/api/presets",
				"{\"name\":\"Odd echidna\",\"reasoning\":{\"effort\":\"enormous\"}}")))
			.isEqualTo("Reasoning effort must be one of xhigh, high, medium, low, minimal or none.");
		assertThat(detailOf(exchange(HttpMethod.POST, "/api/presets",
				"{\"name\":\"Lone echidna\",\"compare\":[{\"model\":\"a/b\"}]}")))
			.isEqualTo("A compare has 2 to 4 columns.");
		assertThat(detailOf(exchange(HttpMethod.POST, "/api/presets", "{\"name\":\"Bad echidna\",\"model\":\"<b>\"}")))
			.isEqualTo("The model id may hold only letters, digits and . _ : / @ + -");
		assertThat(list()).noneMatch((preset) -> preset.get("name").asString().endsWith("echidna"));
	}

	@Test
	void aSendNamingAPresetIsAnsweredWithItsModelReasoningParametersAndSystemPrompt() {
		String preset = create("""
				{"name":"Terse platypus","model":"openai/o3-mini","reasoning":{"effort":"low"},
				 "systemPrompt":"Answer in one word, like a platypus.",
				 "parameters":{"temperature":0.2,"topP":0.5,"seed":42}}""");
		upstream.enqueueFor("openai/o3-mini", answer("openai/o3-mini", "Short.", "Yes."));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(
				postForEvents("/api/conversations/" + conversation + "/messages",
						"{\"content\":\"Is a platypus a mammal?\",\"preset\":\"" + preset
								+ "\",\"parameters\":{\"topP\":0.9}}"));

		assertThat(last(events).event()).isEqualTo("done");
		RecordedRequest sent = upstream.takeRequest();
		assertThat(sent.json().get("model").asString()).isEqualTo("openai/o3-mini");
		assertThat(sent.json().get("reasoning").get("effort").asString()).isEqualTo("low");
		assertThat(sent.json().get("messages").get(0).get("role").asString()).isEqualTo("system");
		assertThat(sent.json().get("messages").get(0).get("content").asString())
			.isEqualTo("Answer in one word, like a platypus.");
		assertThat(sent.json().get("temperature").asDouble()).isEqualTo(0.2);
		assertThat(sent.json().get("top_p").asDouble()).as("the request's part wins").isEqualTo(0.9);
		assertThat(sent.json().get("seed").asLong()).isEqualTo(42);
		JsonNode shown = conversation(conversation);
		assertThat(shown.get("systemPrompt").asString()).isEqualTo("Answer in one word, like a platypus.");
		assertThat(shown.get("messages").get(1).get("model").asString()).isEqualTo("openai/o3-mini");
		assertThat(shown.get("messages").get(1).get("reasoningAsked").get("effort").asString()).isEqualTo("low");
	}

	@Test
	void whatTheSendSaysWinsOverThePreset() {
		String preset = create("""
				{"name":"Overruled bilby","model":"openai/o3-mini","reasoning":{"effort":"low"},
				 "compare":[{"model":"a/one"},{"model":"b/two"}]}""");
		upstream.enqueueFor("deepseek/deepseek-r1", answer("deepseek/deepseek-r1", "Hm.", "Bilby."));
		UUID conversation = newConversation();

		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Which animal?\",\"model\":\"deepseek/deepseek-r1\",\"reasoning\":{\"effort\":\"high\"},"
						+ "\"preset\":\"" + preset + "\"}"));

		RecordedRequest sent = upstream.takeRequest();
		assertThat(sent.json().get("model").asString()).isEqualTo("deepseek/deepseek-r1");
		assertThat(sent.json().get("reasoning").get("effort").asString()).isEqualTo("high");
		assertThat(upstream.requests()).as("a model named asks for one answer, not the preset's compare").hasSize(1);
	}

	@Test
	void aPresetsCompareAnswersSideBySide() {
		String preset = create("""
				{"name":"Pair of dingoes","compare":[{"model":"a/dingo-one","reasoning":{"effort":"low"}},
				 {"model":"b/dingo-two","reasoning":{"hidden":true}}]}""");
		upstream.enqueueFor("a/dingo-one", answer("a/dingo-one", "One.", "First dingo."));
		upstream.enqueueFor("b/dingo-two", answer("b/dingo-two", "Two.", "Second dingo."));
		UUID conversation = newConversation();

		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Howl?\",\"preset\":\"" + preset + "\"}"));

		assertThat(upstream.requests()).extracting((request) -> request.json().get("model").asString())
			.containsExactlyInAnyOrder("a/dingo-one", "b/dingo-two");
		JsonNode messages = conversation(conversation).get("messages");
		assertThat(messages.get(1).get("compare")).isNotNull();
	}

	@Test
	void anEditNamingAPresetIsAnsweredWithItAndTheConversationTakesItsSystemPrompt() {
		String preset = create(
				"{\"name\":\"Editing kookaburra\",\"model\":\"openai/o3-mini\",\"systemPrompt\":\"Laugh like a kookaburra.\"}");
		upstream.enqueue(answer("deepseek/deepseek-r1", "Hm.", "First."));
		upstream.enqueueFor("openai/o3-mini", answer("openai/o3-mini", "Ha.", "Ha ha ha."));
		UUID conversation = newConversation();
		allEvents(send(conversation, "Which bird laughs?"));
		upstream.takeRequest();
		String question = conversation(conversation).get("messages").get(0).get("id").asString();

		allEvents(postForEvents("/api/messages/" + question + "/edit",
				"{\"content\":\"Which bird laughs loudest?\",\"preset\":\"" + preset + "\"}"));

		RecordedRequest sent = upstream.takeRequest();
		assertThat(sent.json().get("model").asString()).isEqualTo("openai/o3-mini");
		assertThat(sent.json().get("messages").get(0).get("content").asString()).isEqualTo("Laugh like a kookaburra.");
		assertThat(conversation(conversation).get("systemPrompt").asString()).isEqualTo("Laugh like a kookaburra.");
	}

	@Test
	void anUnknownPresetIsA404AndNothingIsStored() {
		UUID conversation = newConversation();

		Reply refused = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Lost wallaby text\",\"preset\":\"" + UUID.randomUUID() + "\"}");

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.body().get("detail").asString()).startsWith("No preset with id ");
		assertThat(conversation(conversation).get("messages")).isEmpty();
		assertThat(upstream.requests()).isEmpty();
	}

	private static Script answer(String model, String reasoning, String content) {
		return Script.answer(FakeGeneration.unique().servedBy(model, "Fake"), List.of(reasoning), List.of(content),
				Duration.ZERO);
	}

	private String create(String body) {
		Reply created = exchange(HttpMethod.POST, "/api/presets", body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asString();
	}

	private List<JsonNode> list() {
		Reply reply = exchange(HttpMethod.GET, "/api/presets", null);
		assertThat(reply.status()).isEqualTo(200);
		return reply.body().valueStream().toList();
	}

	private JsonNode named(String name) {
		return list().stream().filter((preset) -> preset.get("name").asString().equals(name)).findFirst().orElse(null);
	}

	private static String detailOf(Reply reply) {
		assertThat(reply.status()).isEqualTo(400);
		return reply.body().get("detail").asString();
	}

}
