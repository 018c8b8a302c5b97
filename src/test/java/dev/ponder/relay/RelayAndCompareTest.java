package dev.ponder.relay;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;

import dev.ponder.settings.AppSettings;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Gate;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.RecordedRequest;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reasoning relay (one model thinks, another answers) and side-by-side compare,
 * against the fake upstream: what each model is asked, what the stream says, and what is
 * stored.
 */
class RelayAndCompareTest extends AppTestSupport {

	private static final String THINKER = "deepseek/deepseek-r1";

	private static final String ANSWERER = "openai/gpt-4o-mini";

	@Test
	void relayAsksTheThinkerForReasoningAndHandsItToTheAnswerer() {
		upstream.enqueueFor(THINKER, Script.thinking(THINKER, "Compare tenths: 9.9 has 9 tenths, 9.11 has 1 tenth."));
		upstream.enqueueFor(ANSWERER, Script.answering(ANSWERER, "9.9 is bigger."));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(postForEvents(
				"/api/conversations/" + conversation + "/messages", "{\"content\":\"9.11 or 9.9?\",\"model\":\""
						+ ANSWERER + "\",\"relay\":{\"thinker\":\"" + THINKER + "\"}}"));

		assertThat(events).extracting(ServerSentEvent::event)
			.containsExactly("start", "stage", "reasoning", "stage", "content", "done");
		assertThat(data(events.get(0)).get("thinker").asString()).isEqualTo(THINKER);
		assertThat(data(events.get(1)).get("model").asString()).isEqualTo(THINKER);
		assertThat(data(events.get(3)).get("stage").asString()).isEqualTo("answering");
		assertThat(textOf(events, "content")).isEqualTo("9.9 is bigger.");
		RecordedRequest thinkerRequest = upstream.takeRequest();
		RecordedRequest answererRequest = upstream.takeRequest();
		assertThat(thinkerRequest.json().get("model").asString()).isEqualTo(THINKER);
		assertThat(thinkerRequest.json().get("reasoning").get("effort").asString()).isEqualTo("high");
		assertThat(thinkerRequest.json().get("messages").get(0).get("content").asString())
			.contains("Do not write an answer");
		assertThat(answererRequest.json().get("model").asString()).isEqualTo(ANSWERER);
		assertThat(answererRequest.json().get("messages").get(0).get("content").asString())
			.contains("Compare tenths: 9.9 has 9 tenths, 9.11 has 1 tenth.");
		assertThat(answererRequest.json().get("messages").get(1).get("content").asString()).isEqualTo("9.11 or 9.9?");

		JsonNode answer = conversation(conversation).get("messages").get(1);
		assertThat(answer.get("content").asString()).isEqualTo("9.9 is bigger.");
		assertThat(answer.get("reasoning").asString()).isEqualTo("Compare tenths: 9.9 has 9 tenths, 9.11 has 1 tenth.");
		assertThat(answer.get("model").asString()).isEqualTo(ANSWERER);
		assertThat(answer.get("relay").get("thinkerModel").asString()).isEqualTo(THINKER);
		assertThat(answer.get("relay").get("thinkerUsage").get("reasoningTokens").asInt()).isEqualTo(1);
		assertThat(answer.get("usage").get("cost").decimalValue()).isEqualByComparingTo("0.0021");
	}

	@Test
	void whenTheThinkerFailsTheAnswererIsNeverAsked() {
		upstream.enqueueFor(THINKER, Script.rateLimited(3));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(relay(conversation, "Think for me"));

		JsonNode error = data(last(events));
		assertThat(last(events).event()).isEqualTo("error");
		assertThat(error.get("code").asString()).isEqualTo("rate_limited");
		assertThat(error.get("message").asString()).contains("thinking model (" + THINKER + ") failed");
		assertThat(upstream.requests()).hasSize(1);
	}

	@Test
	void aThinkerThatFailsAfterThinkingKeepsWhatItsErrorChunkSaidItCost() {
		upstream.enqueueFor(THINKER, Script.paidFailure(model(THINKER), "Paid thoughts."));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(relay(conversation, "Think for me"));

		assertThat(last(events).event()).isEqualTo("error");
		JsonNode stored = conversation(conversation).get("messages").get(1);
		assertThat(stored.get("status").asString()).isEqualTo("FAILED");
		assertThat(stored.get("reasoning").asString()).isEqualTo("Paid thoughts.");
		assertThat(stored.get("usage").get("cost").decimalValue()).isEqualByComparingTo("0.0123");
		assertThat(stored.get("relay").get("thinkerUsage").get("reasoningTokens").asInt()).isEqualTo(40);
	}

	@Test
	void whenTheAnswererFailsTheReasoningIsKeptAndARetryReusesItWithoutThinkingAgain() {
		upstream.enqueueFor(THINKER, Script.thinking(THINKER, "Expensive thoughts."));
		upstream.enqueueFor(ANSWERER, Script.outOfCredits(), Script.answering(ANSWERER, "Cheap answer."));
		UUID conversation = newConversation();
		String failed = data(allEvents(relay(conversation, "Go")).get(0)).get("assistantMessageId").asString();
		JsonNode stored = conversation(conversation).get("messages").get(1);
		assertThat(stored.get("status").asString()).isEqualTo("FAILED");
		assertThat(stored.get("reasoning").asString()).isEqualTo("Expensive thoughts.");
		upstream.takeRequest();
		upstream.takeRequest();

		List<ServerSentEvent<String>> retry = allEvents(
				postForEvents("/api/messages/" + failed + "/regenerate", "{\"reuseReasoning\":true}"));

		assertThat(textOf(retry, "content")).isEqualTo("Cheap answer.");
		RecordedRequest only = upstream.takeRequest();
		assertThat(only.json().get("model").asString()).isEqualTo(ANSWERER);
		assertThat(only.json().get("messages").get(0).get("content").asString()).contains("Expensive thoughts.");
		assertThat(upstream.requests()).hasSize(3);
		JsonNode answer = conversation(conversation).get("messages").get(1);
		assertThat(answer.get("reasoning").asString()).isEqualTo("Expensive thoughts.");
		assertThat(answer.get("siblings").get("count").asInt()).isEqualTo(2);
		assertThat(answer.get("relay").get("thinkerUsage").get("reasoningTokens").asInt())
			.as("the thinker was not asked again: its thinking used nothing this time")
			.isZero();
		assertThat(answer.get("reasoningCost").isNull()).as("so what its reasoning cost is known, not unknown")
			.isFalse();
	}

	@Test
	void compareStreamsColumnsInParallelAndOneFailingColumnDoesNotStopTheOthers() {
		Gate first = new Gate();
		Gate second = new Gate();
		upstream.enqueueFor("model/a",
				Script.stream()
					.chunk(model("model/a").role())
					.chunk(model("model/a").reasoning("A thinks"))
					.waitFor(first)
					.chunk(model("model/a").content("A answers"))
					.chunk(model("model/a").finish("stop"))
					.done());
		upstream.enqueueFor("model/b",
				Script.stream()
					.chunk(model("model/b").role())
					.chunk(model("model/b").reasoning("B thinks"))
					.waitFor(second)
					.chunk(model("model/b").content("B answers"))
					.chunk(model("model/b").finish("stop"))
					.done());
		upstream.enqueueFor("model/c", Script.providerError("Flaky", "boom"));
		UUID conversation = newConversation();
		Sinks.Many<ServerSentEvent<String>> received = Sinks.many().replay().all();
		Disposable stream = postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Who is best?\",\"compare\":[{\"model\":\"model/a\"},{\"model\":\"model/b\"},"
						+ "{\"model\":\"model/c\"}]}")
			.subscribe(received::tryEmitNext, received::tryEmitError, received::tryEmitComplete);

		// Reasoning that arrived before the stream joined its column comes in the
		// catch-up snapshot.
		List<ServerSentEvent<String>> reasoningOfBoth = received.asFlux()
			.filter((event) -> "reasoning".equals(event.event())
					|| ("snapshot".equals(event.event()) && !data(event).get("reasoning").asString().isEmpty()))
			.take(2)
			.collectList()
			.block(Duration.ofSeconds(15));
		first.open();
		second.open();
		List<ServerSentEvent<String>> all = received.asFlux().collectList().block(Duration.ofSeconds(10));

		assertThat(reasoningOfBoth).extracting((event) -> data(event).get("column").asInt())
			.containsExactlyInAnyOrder(0, 1);
		assertThat(all).filteredOn((event) -> "done".equals(event.event()))
			.extracting((event) -> data(event).get("model").asString())
			.containsExactlyInAnyOrder("model/a", "model/b");
		assertThat(all).filteredOn((event) -> "error".equals(event.event()))
			.extracting((event) -> data(event).get("column").asInt())
			.containsExactly(2);
		JsonNode messages = conversation(conversation).get("messages");
		assertThat(messages.get(1).get("siblings").get("count").asInt()).isEqualTo(3);
		assertThat(messages.get(1).get("compare").get("group").asString())
			.isEqualTo(messages.get(0).get("id").asString());
		stream.dispose();
	}

	@Test
	void stoppingACompareStopsEveryColumn() {
		Gate holdA = new Gate();
		Gate holdB = new Gate();
		Script a = Script.stream()
			.chunk(model("model/a").role())
			.chunk(model("model/a").content("A..."))
			.waitFor(holdA);
		Script b = Script.stream()
			.chunk(model("model/b").role())
			.chunk(model("model/b").content("B..."))
			.waitFor(holdB);
		upstream.enqueueFor("model/a", a);
		upstream.enqueueFor("model/b", b);
		UUID conversation = newConversation();
		Flux<ServerSentEvent<String>> events = postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Race\",\"compare\":[{\"model\":\"model/a\"},{\"model\":\"model/b\"}]}")
			.cache();
		String question = data(events.blockFirst(Duration.ofSeconds(5))).get("userMessageId").asString();
		holdA.awaitReached();
		holdB.awaitReached();

		assertThat(exchange(HttpMethod.POST, "/api/messages/" + question + "/stop", null).status()).isEqualTo(202);

		a.awaitDisconnect();
		b.awaitDisconnect();
		assertThat(allEvents(events)).filteredOn((event) -> "done".equals(event.event()))
			.extracting((event) -> data(event).get("status").asString())
			.containsExactly("STOPPED", "STOPPED");
	}

	@Test
	void theRelayTemplateIsEditableAndMustSayWhereTheReasoningGoes() {
		Reply refused = exchange(HttpMethod.PUT, "/api/settings/relay", "{\"template\":\"No placeholder\"}");
		Reply changed = exchange(HttpMethod.PUT, "/api/settings/relay",
				"{\"template\":\"Notes from a colleague:\\n{reasoning}\"}");
		upstream.enqueueFor(THINKER, Script.thinking(THINKER, "Colleague's notes."));
		upstream.enqueueFor(ANSWERER, Script.answering(ANSWERER, "Fine."));
		allEvents(relay(newConversation(), "Use the notes"));
		upstream.takeRequest();
		RecordedRequest answerer = upstream.takeRequest();
		exchange(HttpMethod.PUT, "/api/settings/relay", "{\"template\":\"\"}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("detail").asString()).contains("{reasoning}");
		assertThat(changed.body().get("template").asString()).startsWith("Notes from a colleague");
		assertThat(answerer.json().get("messages").get(0).get("content").asString())
			.isEqualTo("Notes from a colleague:\nColleague's notes.");
		await().until(() -> exchange(HttpMethod.GET, "/api/settings/relay", null).body()
			.get("template")
			.asString()
			.equals(AppSettings.DEFAULT_RELAY_TEMPLATE));
	}

	private Flux<ServerSentEvent<String>> relay(UUID conversation, String content) {
		return postForEvents("/api/conversations/" + conversation + "/messages", "{\"content\":\"" + content
				+ "\",\"model\":\"" + ANSWERER + "\",\"relay\":{\"thinker\":\"" + THINKER + "\"}}");
	}

	private static FakeGeneration model(String model) {
		return FakeGeneration.unique().servedBy(model, "Fake");
	}

}
