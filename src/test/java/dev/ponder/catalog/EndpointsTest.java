package dev.ponder.catalog;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.RecordedRequest;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three endpoints at once: OpenRouter (the shared fake), a local server (a second fake
 * with a key of its own) and one that is down. Each keeps its key to itself, answers in
 * the same panel, and fails alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:endpoints-test;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.idle-timeout=10s",
				"openrouter.first-byte-timeout=10s", "ponder.checkpoint-interval=200ms",
				"ponder.endpoints.local.api-key=" + EndpointsTest.LOCAL_KEY,
				"ponder.endpoints.down.base-url=http://127.0.0.1:9/v1", "ponder.catalog.fetch-timeout=5s" })
@ExtendWith(OutputCaptureExtension.class)
class EndpointsTest extends AppTestSupport {

	static final String LOCAL_KEY = "local-secret-4f7d9a";

	static final FakeUpstream local = FakeUpstream.start();

	@Autowired
	KeyStatusService keys;

	@DynamicPropertySource
	static void localServer(DynamicPropertyRegistry registry) {
		registry.add("ponder.endpoints.local.base-url", local::baseUrl);
	}

	@AfterAll
	static void stopLocalServer() {
		local.close();
	}

	@BeforeEach
	void localServerListsOllamaModels() {
		local.reset();
		local.models(CatalogModelTest.fixture("ollama.json"));
		this.keys.forget();
	}

	@Test
	void eachEndpointListsItsOwnModelsAndTheDownOneFailsAlone() {
		JsonNode checked = post("/api/models/refresh", "");

		assertThat(checked).extracting((e) -> e.get("name").asString()).containsExactly("openrouter", "down", "local");
		JsonNode down = checked.get(1);
		assertThat(down.get("reachable").asBoolean()).isFalse();
		assertThat(down.get("error").asString()).contains("Could not reach 127.0.0.1", "PONDER_ENDPOINTS_DOWN_BASEURL");
		assertThat(checked.get(2).get("reachable").asBoolean()).isTrue();
		assertThat(checked.get(2).get("models").asInt()).isEqualTo(4);
		assertThat(checked.get(2).has("apiKey")).isFalse();
		JsonNode models = get("/api/models");
		assertThat(models.get("models")
			.valueStream()
			.map((m) -> m.get("endpoint").asString() + " " + m.get("id").asString()))
			.contains("openrouter deepseek/deepseek-r1", "local qwen3:8b", "local deepseek-r1:14b");
		assertThat(models.get("models").valueStream().allMatch((m) -> m.get("available").asBoolean())).isTrue();
		assertThat(models.get("stale").asBoolean()).as("down has no list from its last check").isTrue();
		JsonNode r1 = models.get("models")
			.valueStream()
			.filter((m) -> m.get("id").asString().equals("deepseek/deepseek-r1"))
			.findFirst()
			.orElseThrow();
		assertThat(r1.get("pricing").get("prompt").asDouble()).isEqualTo(0.4);
		assertThat(r1.get("pricing").get("completion").asDouble()).isEqualTo(2.0);
		assertThat(r1.get("contextLength").asLong()).isEqualTo(163840);
		assertThat(r1.get("reasoning").asBoolean()).isTrue();
	}

	@Test
	void modelsCanBeFilteredByReasoningNameAndEndpoint() {
		post("/api/models/refresh", "");

		assertThat(ids(get("/api/models?reasoning=true"))).containsExactlyInAnyOrder("anthropic/claude-sonnet-4.5",
				"deepseek/deepseek-r1");
		assertThat(ids(get("/api/models?q=CLAUDE sonnet"))).containsExactly("anthropic/claude-sonnet-4.5");
		assertThat(ids(get("/api/models?endpoint=local"))).containsExactlyInAnyOrder("qwen3:8b", "deepseek-r1:14b",
				"gpt-oss:20b", "llama3.2:3b");
		JsonNode problem = exchange("GET", "/api/models?endpoint=nowhere", null, 400);
		assertThat(problem.get("detail").asString()).contains("openrouter, down, local");
	}

	@Test
	void eachKeyGoesToItsOwnEndpointAndAttributionToOpenRouterOnly() {
		local.enqueue(Script.answer(List.of("hm"), List.of("local answer"), Duration.ZERO));
		upstream.enqueue(Script.answer(List.of("hm"), List.of("remote answer"), Duration.ZERO));
		UUID conversation = newConversation();

		post("/api/models/refresh", "");
		allEvents(sendTo(conversation, "local", "qwen3:8b", "high"));
		allEvents(sendTo(conversation, "openrouter", "deepseek/deepseek-r1", "high"));
		get("/api/key");

		assertThat(local.requests()).isNotEmpty().allSatisfy((request) -> {
			assertThat(request.header("Authorization")).contains("Bearer " + LOCAL_KEY);
			assertThat(request.header("HTTP-Referer")).isEmpty();
			assertThat(request.header("X-Title")).isEmpty();
			assertThat(allHeaders(request)).doesNotContain(API_KEY);
		});
		assertThat(upstream.requests()).isNotEmpty()
			.allSatisfy((request) -> assertThat(allHeaders(request) + request.body()).doesNotContain(LOCAL_KEY));
		assertThat(upstream.requests()).extracting(RecordedRequest::path).contains("/api/v1/key");
	}

	@Test
	void answerFromAnotherServerFillsTheSamePanelAndKeepsItsEndpoint() {
		local.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoningContent("Local thoughts. "))
			.chunk(Chunks.reasoningContent("More of them."))
			.chunk(Chunks.content("Answer from home."))
			.chunk(Chunks.finish("stop"))
			.chunk(Chunks.usage(10, 20, 5, 0))
			.done());
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(sendTo(conversation, "local", "qwen3:8b", "low"));

		assertThat(textOf(events, "reasoning")).isEqualTo("Local thoughts. More of them.");
		assertThat(textOf(events, "content")).isEqualTo("Answer from home.");
		JsonNode body = local.takeRequest().json();
		assertThat(body.get("model").asString()).isEqualTo("qwen3:8b");
		assertThat(body.get("reasoning_effort").asString()).isEqualTo("low");
		assertThat(body.get("reasoning").get("effort").asString()).isEqualTo("low");
		JsonNode answer = conversation(conversation).get("messages").get(1);
		assertThat(answer.get("endpoint").asString()).isEqualTo("local");
		assertThat(answer.get("model").asString()).isEqualTo("qwen3:8b");
	}

	@Test
	void openRouterIsAskedTheOpenRouterWayOnly() {
		upstream.enqueue(Script.answer(List.of(), List.of("ok"), Duration.ZERO));

		allEvents(sendTo(newConversation(), "openrouter", "openai/o4-mini", "high"));

		JsonNode body = upstream.takeRequest().json();
		assertThat(body.has("reasoning_effort")).isFalse();
		assertThat(body.get("reasoning").get("effort").asString()).isEqualTo("high");
	}

	@Test
	void unknownEndpointIsRefusedNamingTheKnownOnesAndNothingIsStored() {
		UUID conversation = newConversation();

		JsonNode problem = exchange("POST", "/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Hi\",\"model\":\"m\",\"endpoint\":\"nowhere\"}", 400);

		assertThat(problem.get("code").asString()).isEqualTo("unknown_endpoint");
		assertThat(problem.get("detail").asString()).contains("'nowhere'", "openrouter, down, local");
		assertThat(conversation(conversation).get("messages").size()).isZero();
		assertThat(local.requests()).isEmpty();
	}

	@Test
	void anotherEndpointMustBeToldWhichModel() {
		JsonNode problem = exchange("POST", "/api/conversations/" + newConversation() + "/messages",
				"{\"content\":\"Hi\",\"endpoint\":\"local\"}", 400);

		assertThat(problem.get("detail").asString()).contains("Name the model to use on 'local'");
	}

	@Test
	void malformedModelListKeepsTheLastGoodOneAndSaysWhatWasWrong(CapturedOutput output) {
		post("/api/models/refresh", "");
		upstream.models("<html><body>502 Bad Gateway</body></html>");

		JsonNode checked = post("/api/models/refresh", "");

		JsonNode openRouter = checked.get(0);
		assertThat(openRouter.get("reachable").asBoolean()).isTrue();
		assertThat(openRouter.get("fresh").asBoolean()).isFalse();
		assertThat(openRouter.get("error").asString()).contains("not a model list", "not JSON", "502 Bad Gateway");
		assertThat(openRouter.get("models").asInt()).isEqualTo(3);
		JsonNode models = get("/api/models?endpoint=openrouter");
		assertThat(ids(models)).hasSize(3);
		assertThat(models.get("stale").asBoolean()).isTrue();
		assertThat(output.getAll()).contains("is not a model list, keeping the last good one", "502 Bad Gateway");
	}

	@Test
	void keyStatusShowsCreditButNeverTheKey() {
		String body = getText("/api/key");

		JsonNode key = json.readTree(body);
		assertThat(key.get("configured").asBoolean()).isTrue();
		assertThat(key.get("status").asString()).isEqualTo("ok");
		assertThat(key.get("label").asString()).isEqualTo("sk-or-v1-0e6...1c9");
		assertThat(key.get("usage").asDouble()).isEqualTo(2.5);
		assertThat(key.get("limit").asDouble()).isEqualTo(10);
		assertThat(key.get("limitRemaining").asDouble()).isEqualTo(7.5);
		assertThat(key.get("freeTier").asBoolean()).isFalse();
		assertThat(body).doesNotContain(API_KEY);
	}

	@Test
	void refusedAndSpentKeysSaySoInWordsAPersonCanActOn() {
		upstream.key(401, Chunks.errorBody(401, "User not found.", Map.of()));
		JsonNode refused = get("/api/key");
		this.keys.forget();
		upstream.key(200, """
				{"data": {"label": "sk-or-v1-0e6...1c9", "limit": 5, "usage": 5, "limit_remaining": 0,
				  "is_free_tier": false}}
				""");
		JsonNode spent = get("/api/key");

		assertThat(refused.get("status").asString()).isEqualTo("invalid_key");
		assertThat(refused.get("message").asString()).contains("refused the API key", "OPENROUTER_API_KEY");
		assertThat(spent.get("status").asString()).isEqualTo("out_of_credits");
		assertThat(spent.get("message").asString()).contains("out of credits");
	}

	@Test
	void usageAddsUpWhatEachModelCostByModelAndByDay() {
		JsonNode before = get("/api/usage?days=7&zone=UTC");
		upstream.enqueue(answerCosting(0.25), answerCosting(0.5));
		local.enqueue(answerCosting(0));
		UUID conversation = newConversation();

		allEvents(sendTo(conversation, "openrouter", "usage/model-a", "low"));
		allEvents(sendTo(conversation, "openrouter", "usage/model-a", "low"));
		allEvents(sendTo(conversation, "local", "usage-local", "low"));

		JsonNode after = get("/api/usage?days=7&zone=UTC");
		assertThat(after.get("cost").decimalValue().subtract(before.get("cost").decimalValue()))
			.isEqualByComparingTo("0.75");
		assertThat(after.get("answers").asLong() - before.get("answers").asLong()).isEqualTo(3);
		assertThat(after.get("reasoningTokens").asLong() - before.get("reasoningTokens").asLong()).isEqualTo(30);
		JsonNode modelA = row(after.get("byModel"), "usage/model-a");
		assertThat(modelA.get("endpoint").asString()).isEqualTo("openrouter");
		assertThat(modelA.get("cost").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(modelA.get("answers").asLong()).isEqualTo(2);
		assertThat(modelA.get("promptTokens").asLong()).isEqualTo(200);
		assertThat(row(after.get("byModel"), "usage-local").get("endpoint").asString()).isEqualTo("local");
		JsonNode days = after.get("byDay");
		assertThat(days.size()).isEqualTo(7);
		JsonNode today = days.get(6);
		assertThat(today.get("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		assertThat(today.get("cost").decimalValue().subtract(before.get("byDay").get(6).get("cost").decimalValue()))
			.isEqualByComparingTo("0.75");
		JsonNode badZone = exchange("GET", "/api/usage?zone=Mars/Olympus", null, 400);
		assertThat(badZone.get("detail").asString()).contains("not a time zone");
		assertThat(badZone.get("code").asString()).isEqualTo("invalid_request");
		assertThat(exchange("GET", "/api/usage?days=0", null, 400).get("detail").asString())
			.contains("days must be at least 1");
	}

	private static Script answerCosting(double cost) {
		return Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.content("ok"))
			.chunk(Chunks.finish("stop"))
			.chunk(Chunks.usage(100, 50, 10, cost))
			.done();
	}

	private static JsonNode row(JsonNode rows, String model) {
		return rows.valueStream()
			.filter((row) -> model.equals(row.get("model").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row for " + model + " in " + rows));
	}

	private reactor.core.publisher.Flux<ServerSentEvent<String>> sendTo(UUID conversation, String endpoint,
			String model, String effort) {
		return postForEvents("/api/conversations/" + conversation + "/messages", json.writeValueAsString(
				Map.of("content", "Hi", "endpoint", endpoint, "model", model, "reasoning", Map.of("effort", effort))));
	}

	private static List<String> ids(JsonNode models) {
		return models.get("models").valueStream().map((m) -> m.get("id").asString()).toList();
	}

	private static String allHeaders(RecordedRequest request) {
		return request.headers().toString();
	}

	private JsonNode get(String path) {
		return json.readTree(getText(path));
	}

	private String getText(String path) {
		return client().get().uri(path).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(15));
	}

	private JsonNode post(String path, String body) {
		return exchange("POST", path, body, 200);
	}

	private JsonNode exchange(String method, String path, String body, int expectedStatus) {
		var request = client().method(HttpMethod.valueOf(method)).uri(path);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		}
		return request.exchangeToMono((response) -> {
			assertThat(response.statusCode().value()).as(method + " " + path).isEqualTo(expectedStatus);
			return response.bodyToMono(String.class).map(json::readTree);
		}).block(Duration.ofSeconds(15));
	}

}
