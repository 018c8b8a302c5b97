package dev.ponder.chat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Gate;
import dev.ponder.testing.RecordedRequest;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sending a message through the streaming API, against the fake upstream: what the stream
 * sends, what goes upstream, and what is stored.
 */
class ChatStreamingTest extends AppTestSupport {

	@Test
	void reasoningAndAnswerStreamAsEventsAndAreStoredWithUsage() {
		upstream.enqueue(Script.answer(List.of("Compare 9.11 ", "and 9.9: ", "0.11 < 0.90."),
				List.of("**9.9** ", "is bigger."), Duration.ofMillis(20)));
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Which is bigger: 9.11 or 9.9?"));

		assertThat(events).extracting(ServerSentEvent::event)
			.containsExactly("start", "reasoning", "reasoning", "reasoning", "content", "content", "done");
		assertThat(textOf(events, "reasoning")).isEqualTo("Compare 9.11 and 9.9: 0.11 < 0.90.");
		assertThat(textOf(events, "content")).isEqualTo("**9.9** is bigger.");
		JsonNode start = data(events.get(0));
		assertThat(start.get("title").asString()).isEqualTo("Which is bigger: 9.11 or 9.9?");
		JsonNode done = data(events.get(events.size() - 1));
		assertThat(done.get("status").asString()).isEqualTo("COMPLETE");
		assertThat(done.get("usage").get("reasoningTokens").asInt()).isEqualTo(3);
		assertThat(done.get("finishReason").asString()).isEqualTo("stop");
		assertThat(done.get("thinkingSummary").asString()).startsWith("Thought for").endsWith("· 3 reasoning tokens");

		JsonNode answer = storedAnswer(conversation, start.get("assistantMessageId").asString());
		assertThat(answer.get("status").asString()).isEqualTo("COMPLETE");
		assertThat(answer.get("reasoning").asString()).isEqualTo("Compare 9.11 and 9.9: 0.11 < 0.90.");
		assertThat(answer.get("content").asString()).isEqualTo("**9.9** is bigger.");
		assertThat(answer.get("usage").get("completionTokens").asInt()).isEqualTo(5);
		assertThat(answer.get("usage").get("cost").asDouble()).isEqualTo(0.0000421);
		assertThat(answer.get("model").asString()).isEqualTo("deepseek/deepseek-r1");
		assertThat(answer.get("reasoningStartedAt").isNull()).isFalse();
		assertThat(answer.get("contentStartedAt").isNull()).isFalse();
		assertThat(answer.get("finishedAt").isNull()).isFalse();
	}

	@Test
	void upstreamRequestAsksForReasoningWithKeyAndAttribution() {
		upstream.enqueue(Script.answer(List.of("hm"), List.of("ok"), Duration.ZERO));
		UUID conversation = newConversation();

		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Hi\",\"model\":\"openai/o4-mini\",\"reasoning\":{\"effort\":\"high\"}}"));

		RecordedRequest request = upstream.takeRequest();
		assertThat(request.header("Authorization")).contains("Bearer " + API_KEY);
		assertThat(request.header("HTTP-Referer")).isPresent();
		assertThat(request.header("X-Title")).contains("Ponder");
		JsonNode body = json.readTree(request.body());
		assertThat(body.get("model").asString()).isEqualTo("openai/o4-mini");
		assertThat(body.get("stream").asBoolean()).isTrue();
		assertThat(body.get("reasoning").get("effort").asString()).isEqualTo("high");
		assertThat(body.get("usage").get("include").asBoolean()).isTrue();
		assertThat(body.get("messages").get(0).get("role").asString()).isEqualTo("user");
	}

	@Test
	void hiddenReasoningAndTokenBudgetsAreAskedForAsOpenRouterSpellsThem() {
		upstream.enqueue(Script.answer(List.of(), List.of("ok"), Duration.ZERO),
				Script.answer(List.of(), List.of("ok"), Duration.ZERO));
		UUID conversation = newConversation();

		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Hi\",\"reasoning\":{\"exclude\":true}}"));
		allEvents(postForEvents("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Again\",\"reasoning\":{\"maxTokens\":2048}}"));

		assertThat(json.readTree(upstream.takeRequest().body()).get("reasoning").toString())
			.isEqualTo("{\"exclude\":true}");
		assertThat(json.readTree(upstream.takeRequest().body()).get("reasoning").toString())
			.isEqualTo("{\"max_tokens\":2048}");
	}

	@Test
	void theConversationTellsTheReasoningAskedForInPartsBesideTheStoredWord() {
		upstream.enqueue(Script.answer(List.of(), List.of("ok"), Duration.ZERO),
				Script.answer(List.of(), List.of("ok"), Duration.ZERO),
				Script.answer(List.of(), List.of("ok"), Duration.ZERO));
		UUID conversation = newConversation();
		String path = "/api/conversations/" + conversation + "/messages";

		allEvents(postForEvents(path, "{\"content\":\"Budget\",\"reasoning\":{\"maxTokens\":2048}}"));
		allEvents(postForEvents(path, "{\"content\":\"Hidden\",\"reasoning\":{\"exclude\":true}}"));
		allEvents(postForEvents(path, "{\"content\":\"Low\",\"reasoning\":{\"effort\":\"low\"}}"));

		JsonNode messages = conversation(conversation).get("messages");
		JsonNode budget = messages.get(1);
		assertThat(budget.get("reasoningAsked").hasNonNull("effort")).isFalse();
		assertThat(budget.get("reasoningAsked").get("maxTokens").asInt()).isEqualTo(2048);
		assertThat(budget.get("reasoningAsked").get("hidden").asBoolean()).isFalse();
		assertThat(budget.get("reasoningSetting").asString()).isEqualTo("max_tokens:2048");
		JsonNode hidden = messages.get(3);
		assertThat(hidden.get("reasoningAsked").get("hidden").asBoolean()).isTrue();
		assertThat(hidden.get("reasoningAsked").hasNonNull("maxTokens")).isFalse();
		assertThat(hidden.get("reasoningSetting").asString()).isEqualTo("hidden");
		JsonNode low = messages.get(5);
		assertThat(low.get("reasoningAsked").get("effort").asString()).isEqualTo("low");
		assertThat(low.get("reasoningAsked").get("hidden").asBoolean()).isFalse();
		assertThat(low.get("reasoningSetting").asString()).isEqualTo("low");
	}

	@Test
	void earlierTurnsGoUpstreamAsPlainContentWithoutReasoning() {
		upstream.enqueue(Script.answer(List.of("secret thoughts"), List.of("First answer"), Duration.ZERO),
				Script.answer(List.of("more"), List.of("Second answer"), Duration.ZERO));
		UUID conversation = newConversation();
		allEvents(send(conversation, "First question"));
		upstream.takeRequest();

		allEvents(send(conversation, "Second question"));

		JsonNode messages = json.readTree(upstream.takeRequest().body()).get("messages");
		assertThat(messages.toString()).doesNotContain("secret thoughts");
		assertThat(messages.size()).isEqualTo(3);
		assertThat(messages.get(1).get("role").asString()).isEqualTo("assistant");
		assertThat(messages.get(1).get("content").asString()).isEqualTo("First answer");
	}

	@Test
	void eventsReachTheClientWhileTheModelIsStillThinking() {
		Gate gate = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("First thought"))
			.waitFor(gate)
			.chunk(Chunks.content("Answer"))
			.chunk(Chunks.finish("stop"))
			.done());
		UUID conversation = newConversation();
		Sinks.Many<ServerSentEvent<String>> received = Sinks.many().replay().all();
		Disposable subscription = send(conversation, "Think").subscribe(received::tryEmitNext);

		ServerSentEvent<String> firstReasoning = received.asFlux()
			.filter((event) -> "reasoning".equals(event.event()))
			.blockFirst(Duration.ofSeconds(5));

		assertThat(gate.isOpen()).isFalse();
		assertThat(data(firstReasoning).get("text").asString()).isEqualTo("First thought");
		gate.open();
		subscription.dispose();
	}

	@Test
	void closedTabDoesNotLoseTheAnswer() {
		Gate gate = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Thinking hard"))
			.waitFor(gate)
			.chunk(Chunks.content("The answer survives."))
			.chunk(Chunks.finish("stop"))
			.chunk(Chunks.usage(5, 10, 4, 0.001))
			.done());
		UUID conversation = newConversation();
		ServerSentEvent<String> start = send(conversation, "Go").blockFirst(Duration.ofSeconds(5));
		String answerId = data(start).get("assistantMessageId").asString();

		gate.open();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(storedAnswer(conversation, answerId).get("status").asString())
				.isEqualTo("COMPLETE"));
		JsonNode answer = storedAnswer(conversation, answerId);
		assertThat(answer.get("content").asString()).isEqualTo("The answer survives.");
		assertThat(answer.get("reasoning").asString()).isEqualTo("Thinking hard");
	}

	@Test
	void attachingMidAnswerGivesWhatArrivedSoFarThenTheRestLive() {
		Gate gate = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Step one. "))
			.chunk(Chunks.reasoning("Step two."))
			.chunk(Chunks.content("Half"))
			.waitFor(gate)
			.chunk(Chunks.content(" and whole."))
			.chunk(Chunks.finish("stop"))
			.done());
		UUID conversation = newConversation();
		Flux<ServerSentEvent<String>> first = send(conversation, "Go").cache();
		String answerId = data(first.blockFirst(Duration.ofSeconds(5))).get("assistantMessageId").asString();
		gate.awaitReached();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> storedAnswer(conversation, answerId).get("content").asString().equals("Half"));

		Flux<ServerSentEvent<String>> attached = getEvents("/api/messages/" + answerId + "/stream").cache();
		List<ServerSentEvent<String>> catchUp = attached.take(2).collectList().block(Duration.ofSeconds(5));
		gate.open();

		assertThat(catchUp).extracting(ServerSentEvent::event).containsExactly("start", "snapshot");
		assertThat(data(catchUp.get(1)).get("reasoning").asString()).isEqualTo("Step one. Step two.");
		assertThat(data(catchUp.get(1)).get("content").asString()).isEqualTo("Half");
		List<ServerSentEvent<String>> rest = allEvents(attached.skip(2));
		assertThat(textOf(rest, "content")).isEqualTo(" and whole.");
		assertThat(rest.get(rest.size() - 1).event()).isEqualTo("done");
		assertThat(textOf(allEvents(first), "content")).isEqualTo("Half and whole.");
	}

	@Test
	void attachingToAFinishedAnswerReplaysItFromStorage() {
		upstream.enqueue(Script.answer(List.of("Because."), List.of("Done."), Duration.ZERO));
		UUID conversation = newConversation();
		String answerId = data(allEvents(send(conversation, "Why?")).get(0)).get("assistantMessageId").asString();

		List<ServerSentEvent<String>> replay = allEvents(getEvents("/api/messages/" + answerId + "/stream"));

		assertThat(replay).extracting(ServerSentEvent::event).containsExactly("start", "snapshot", "done");
		assertThat(data(replay.get(1)).get("reasoning").asString()).isEqualTo("Because.");
		assertThat(data(replay.get(2)).get("status").asString()).isEqualTo("COMPLETE");
	}

	@Test
	void stopCancelsTheUpstreamCallAndKeepsWhatArrived() {
		Gate gate = new Gate();
		Script script = Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Let me think"))
			.chunk(Chunks.content("Partial ans"))
			.waitFor(gate)
			.chunk(Chunks.content("wer never sent"))
			.done();
		upstream.enqueue(script);
		UUID conversation = newConversation();
		Flux<ServerSentEvent<String>> events = send(conversation, "Go").cache();
		String answerId = data(events.blockFirst(Duration.ofSeconds(5))).get("assistantMessageId").asString();
		gate.awaitReached();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> storedAnswer(conversation, answerId).get("content").asString().equals("Partial ans"));

		int status = client().post()
			.uri("/api/messages/" + answerId + "/stop")
			.exchangeToMono((response) -> reactor.core.publisher.Mono.just(response.statusCode().value()))
			.block(Duration.ofSeconds(5));

		assertThat(status).isEqualTo(202);
		script.awaitDisconnect();
		List<ServerSentEvent<String>> all = allEvents(events);
		assertThat(data(all.get(all.size() - 1)).get("status").asString()).isEqualTo("STOPPED");
		JsonNode answer = storedAnswer(conversation, answerId);
		assertThat(answer.get("status").asString()).isEqualTo("STOPPED");
		assertThat(answer.get("content").asString()).isEqualTo("Partial ans");
		assertThat(answer.get("reasoning").asString()).isEqualTo("Let me think");
	}

	@Test
	void deletingAConversationStopsItsAnswer() {
		Gate gate = new Gate();
		Script script = Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.content("Still going"))
			.waitFor(gate)
			.chunk(Chunks.content(" and costing"))
			.done();
		upstream.enqueue(script);
		UUID conversation = newConversation();
		Flux<ServerSentEvent<String>> events = send(conversation, "Go").cache();
		events.blockFirst(Duration.ofSeconds(5));
		gate.awaitReached();

		assertThat(exchange(HttpMethod.DELETE, "/api/conversations/" + conversation, null).status()).isEqualTo(204);

		script.awaitDisconnect();
		List<ServerSentEvent<String>> all = allEvents(events);
		assertThat(data(all.get(all.size() - 1)).get("status").asString()).isEqualTo("STOPPED");
	}

	@Test
	void stoppingAnAnswerThatHasEndedChangesNothing() {
		upstream.enqueue(Script.answer(List.of(), List.of("Quick."), Duration.ZERO));
		UUID conversation = newConversation();
		String answerId = data(allEvents(send(conversation, "Hi")).get(0)).get("assistantMessageId").asString();

		int status = client().post()
			.uri("/api/messages/" + answerId + "/stop")
			.exchangeToMono((response) -> reactor.core.publisher.Mono.just(response.statusCode().value()))
			.block(Duration.ofSeconds(5));

		assertThat(status).isEqualTo(204);
		assertThat(storedAnswer(conversation, answerId).get("status").asString()).isEqualTo("COMPLETE");
	}

	@Test
	void thinkTagsInlineInContentBecomeReasoning() {
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.content("<thi"))
			.chunk(Chunks.content("nk>Let me see"))
			.chunk(Chunks.content("…</th"))
			.chunk(Chunks.content("ink>\n\nIt is 9.9."))
			.chunk(Chunks.finish("stop"))
			.done());
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Which?"));

		assertThat(textOf(events, "reasoning")).isEqualTo("Let me see…");
		assertThat(textOf(events, "content")).isEqualTo("It is 9.9.");
		String answerId = data(events.get(0)).get("assistantMessageId").asString();
		assertThat(storedAnswer(conversation, answerId).get("reasoning").asString()).isEqualTo("Let me see…");
		assertThat(storedAnswer(conversation, answerId).get("content").asString()).isEqualTo("It is 9.9.");
	}

	@Test
	void streamStartingInsideThinkBlockIsStoredAsReasoning() {
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.content("The template opened the block. "))
			.chunk(Chunks.content("Still thinking.</think>Answer."))
			.chunk(Chunks.finish("stop"))
			.done());
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Which?"));

		assertThat(events).extracting(ServerSentEvent::event).contains("snapshot");
		String answerId = data(events.get(0)).get("assistantMessageId").asString();
		JsonNode answer = storedAnswer(conversation, answerId);
		assertThat(answer.get("reasoning").asString()).isEqualTo("The template opened the block. Still thinking.");
		assertThat(answer.get("content").asString()).isEqualTo("Answer.");
	}

	@Test
	void keepAliveCommentsAreIgnored() {
		upstream.enqueue(Script.stream()
			.comment(Script.PROCESSING)
			.chunk(Chunks.role())
			.comment(Script.PROCESSING)
			.chunk(Chunks.content("Fine."))
			.comment(": keep-alive")
			.chunk(Chunks.finish("stop"))
			.done());
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(send(conversation, "Ping"));

		assertThat(events).extracting(ServerSentEvent::event).containsExactly("start", "content", "done");
	}

	private JsonNode storedAnswer(UUID conversation, String answerId) {
		JsonNode details = conversation(conversation);
		for (JsonNode message : details.get("messages")) {
			if (message.get("id").asString().equals(answerId)) {
				return message;
			}
		}
		throw new AssertionError("No message " + answerId + " in " + details);
	}

}
