package dev.ponder.openai;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ponder.attachment.SampleFiles;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Gate;
import dev.ponder.testing.RecordedRequest;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAI-compatible API on the wire, as a client reads it byte by byte: the shapes of
 * a whole answer and of a stream, its errors, and what each call leaves stored.
 * {@code OpenAiJavaClientTest} and {@code NodeOpenAiClientTest} drive it with OpenAI's
 * own clients.
 */
class OpenAiApiTest extends AppTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aWholeAnswerCarriesItsReasoningUnderBothNamesAndItsUsage() {
		upstream.enqueue(
				Script.answer(List.of("Nine point nine ", "is bigger."), List.of("9.9", " is bigger."), Duration.ZERO));

		Call reply = call(
				"""
						{"model": "deepseek/deepseek-r1", "messages": [{"role": "user", "content": "wire-whole 9.11 or 9.9?"}]}""");

		assertThat(reply.status()).isEqualTo(200);
		JsonNode completion = reply.body();
		assertThat(completion.get("object").asString()).isEqualTo("chat.completion");
		assertThat(completion.get("id").asString()).startsWith("chatcmpl-");
		assertThat(completion.get("model").asString()).isEqualTo("deepseek/deepseek-r1");
		JsonNode choice = completion.get("choices").get(0);
		assertThat(choice.get("finish_reason").asString()).isEqualTo("stop");
		assertThat(choice.get("message").get("role").asString()).isEqualTo("assistant");
		assertThat(choice.get("message").get("content").asString()).isEqualTo("9.9 is bigger.");
		assertThat(choice.get("message").get("reasoning").asString()).isEqualTo("Nine point nine is bigger.");
		assertThat(choice.get("message").get("reasoning_content").asString()).isEqualTo("Nine point nine is bigger.");
		JsonNode usage = completion.get("usage");
		assertThat(usage.get("total_tokens").asInt())
			.isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
		assertThat(usage.has("completion_tokens_details")).isTrue();
		assertThat(usage.has("cost")).isTrue();
	}

	@Test
	void aStreamSendsChunksWithReasoningThenContentThenTheFinishThenUsageThenDone() {
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Compare "))
			.chunk(Chunks.reasoning("tenths."))
			.chunk(Chunks.content("9.9"))
			.chunk(Chunks.finish("stop"))
			.chunk(Chunks.usage(12, 40, 25, 0.0004))
			.done());

		List<String> data = streamData("""
				{"model": "deepseek/deepseek-r1", "stream": true, "stream_options": {"include_usage": true},
				 "messages": [{"role": "user", "content": "wire-stream 9.11 or 9.9?"}]}""");

		assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
		List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(json::readTree).toList();
		assertThat(chunks).allSatisfy((chunk) -> {
			assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
			assertThat(chunk.get("id").asString()).isEqualTo(chunks.get(0).get("id").asString());
		});
		assertThat(chunks.get(0).get("choices").get(0).get("delta").get("role").asString()).isEqualTo("assistant");
		StringBuilder reasoning = new StringBuilder();
		StringBuilder reasoningContent = new StringBuilder();
		StringBuilder content = new StringBuilder();
		for (JsonNode chunk : chunks) {
			for (JsonNode choice : chunk.get("choices")) {
				JsonNode delta = choice.get("delta");
				reasoning.append(delta.path("reasoning").asString(""));
				reasoningContent.append(delta.path("reasoning_content").asString(""));
				content.append(delta.path("content").asString(""));
			}
		}
		assertThat(reasoning).hasToString("Compare tenths.");
		assertThat(reasoningContent).hasToString("Compare tenths.");
		assertThat(content).hasToString("9.9");
		JsonNode finish = chunks.get(chunks.size() - 2).get("choices").get(0);
		assertThat(finish.get("finish_reason").asString()).isEqualTo("stop");
		JsonNode usage = chunks.get(chunks.size() - 1);
		assertThat(usage.get("choices")).isEmpty();
		assertThat(usage.get("usage").get("completion_tokens_details").get("reasoning_tokens").asInt()).isEqualTo(25);
		assertThat(usage.get("usage").get("cost").decimalValue()).isEqualByComparingTo("0.0004");
	}

	@Test
	void eachCallIsSavedAsAConversationMadeThroughTheApi_andAFollowUpContinuesIt() {
		upstream.enqueue(Script.answer(List.of("Hm."), List.of("Paris."), Duration.ZERO));
		Call first = call("""
				{"model": "deepseek/deepseek-r1", "messages": [
				  {"role": "system", "content": "Answer in one word."},
				  {"role": "user", "content": "wire-saved capital of France?"}]}""");
		String conversationId = first.header(OpenAiController.CONVERSATION_HEADER);
		assertThat(conversationId).isNotNull();
		upstream.takeRequest();

		upstream.enqueue(Script.answer(List.of("Hm."), List.of("Berlin."), Duration.ZERO));
		Call second = call("""
				{"model": "deepseek/deepseek-r1", "messages": [
				  {"role": "system", "content": "Answer in one word."},
				  {"role": "user", "content": "wire-saved capital of France?"},
				  {"role": "assistant", "content": "Paris."},
				  {"role": "user", "content": "And of Germany?"}]}""");

		assertThat(second.header(OpenAiController.CONVERSATION_HEADER)).isEqualTo(conversationId);
		JsonNode upstreamSaw = upstream.takeRequest().json().get("messages");
		assertThat(upstreamSaw).hasSize(4);
		JsonNode stored = conversation(UUID.fromString(conversationId));
		assertThat(stored.get("title").asString()).isEqualTo("wire-saved capital of France?");
		assertThat(stored.get("madeThroughApi").asBoolean()).isTrue();
		assertThat(stored.get("systemPrompt").asString()).isEqualTo("Answer in one word.");
		assertThat(stored.get("messages")).extracting((message) -> message.get("content").asString())
			.containsExactly("wire-saved capital of France?", "Paris.", "And of Germany?", "Berlin.");
	}

	@Test
	void aThreadNoCallSavedStartsAConversationHoldingIt() {
		upstream.enqueue(Script.answer(List.of("Hm."), List.of("Four."), Duration.ZERO));
		Call reply = call("""
				{"model": "deepseek/deepseek-r1", "messages": [
				  {"role": "user", "content": "wire-new-thread two plus two?"},
				  {"role": "assistant", "content": "Four, I think."},
				  {"role": "user", "content": "Sure?"}]}""");

		JsonNode stored = conversation(UUID.fromString(reply.header(OpenAiController.CONVERSATION_HEADER)));
		assertThat(stored.get("messages")).extracting((message) -> message.get("content").asString())
			.containsExactly("wire-new-thread two plus two?", "Four, I think.", "Sure?", "Four.");
		assertThat(stored.get("title").asString()).isEqualTo("wire-new-thread two plus two?");
	}

	@Test
	void aCallNotToBeSavedLeavesNoConversationToList_butItsCostCounts() {
		upstream.enqueue(Script.answer(List.of("Secret thoughts."), List.of("wire-unsaved-answer"), Duration.ZERO));
		Call reply = call(
				"""
						{"model": "deepseek/deepseek-r1", "messages": [{"role": "user", "content": "wire-unsaved question"}]}""",
				"false");

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.header(OpenAiController.CONVERSATION_HEADER)).isNull();
		assertThat(reply.body().get("choices").get(0).get("message").get("content").asString())
			.isEqualTo("wire-unsaved-answer");
		Reply listed = exchange(HttpMethod.GET, "/api/conversations?limit=500", null);
		assertThat(listed.body().toString()).doesNotContain("wire-unsaved");
		Reply found = exchange(HttpMethod.GET, "/api/search?q=wire-unsaved", null);
		assertThat(found.body().toString()).doesNotContain("wire-unsaved");
		String id = reply.body().get("id").asString().substring("chatcmpl-".length());
		assertThat(exchange(HttpMethod.GET, "/api/messages/" + id + "/stream", null).status()).isEqualTo(404);
		// Stored: what it cost, and nothing of what was said or thought.
		var answer = this.jdbc
			.queryForMap("select m.content, m.reasoning, m.cost, c.title, c.kept from message m join conversation c "
					+ "on c.id = m.conversation_id where m.id = ?", UUID.fromString(id));
		assertThat(answer.get("content")).isEqualTo("");
		assertThat(answer.get("reasoning")).isEqualTo("");
		assertThat(answer.get("cost")).isNotNull();
		assertThat(answer.get("title")).isEqualTo("Not saved");
		assertThat(answer.get("kept")).isEqualTo(false);
		assertThat(this.jdbc.queryForObject("select count(*) from message where content like 'wire-unsaved%'",
				Integer.class))
			.isZero();
	}

	@Test
	void invalidFieldsGetOpenAisErrorShapeNamingTheField() {
		Call reply = call("""
				{"model": "deepseek/deepseek-r1", "temperature": 3,
				 "messages": [{"role": "user", "content": "wire-invalid"}]}""");

		assertThat(reply.status()).isEqualTo(400);
		JsonNode error = reply.body().get("error");
		assertThat(error.get("message").asString()).isEqualTo("temperature must be between 0 and 2.");
		assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.get("param").asString()).isEqualTo("temperature");
		assertThat(error.get("code").asString()).isEqualTo("invalid_value");
		assertThat(upstream.pendingScripts()).isZero();
	}

	@Test
	void aValueOfTheWrongTypeAndALastMessageNotTheUsersAreRefusedWithASentence() {
		Call wrongType = call("""
				{"model": "deepseek/deepseek-r1", "max_tokens": "many",
				 "messages": [{"role": "user", "content": "wire-type"}]}""");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.body().get("error").get("param").asString()).isEqualTo("max_tokens");

		Call assistantLast = call("""
				{"model": "deepseek/deepseek-r1", "messages": [{"role": "user", "content": "wire-order"},
				 {"role": "assistant", "content": "Hi"}]}""");
		assertThat(assistantLast.status()).isEqualTo(400);
		assertThat(assistantLast.body().get("error").get("message").asString())
			.isEqualTo("The last message must be the user's: it is the question that is answered.");

		Call tools = call("""
				{"model": "deepseek/deepseek-r1", "messages": [{"role": "tool", "content": "42"},
				 {"role": "user", "content": "wire-tools"}]}""");
		assertThat(tools.body().get("error").get("param").asString()).isEqualTo("messages[0].role");
	}

	@Test
	void whatPonderDoesNotServeUnderV1IsA404InOpenAisShape() {
		Reply reply = exchange(HttpMethod.POST, "/v1/embeddings", "{}");

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body().get("error").get("message").asString()).contains("/v1/chat/completions");
	}

	@Test
	void anUpstreamFailureOfAWholeAnswerIsItsStatusAndSentence() {
		upstream.enqueue(Script.outOfCredits());

		Call reply = call("""
				{"model": "deepseek/deepseek-r1", "messages": [{"role": "user", "content": "wire-credits"}]}""");

		assertThat(reply.status()).isEqualTo(402);
		assertThat(reply.body().get("error").get("code").asString()).isEqualTo("out_of_credits");
		assertThat(reply.body().get("error").get("type").asString()).isEqualTo("insufficient_quota");
	}

	@Test
	void aRelayModelStreamsTheThinkersReasoningAndTheAnswerersAnswer() {
		upstream.enqueueFor("deepseek/deepseek-r1",
				Script.answer(List.of("Thinker ", "thought."), List.of("(thrown away)"), Duration.ZERO));
		upstream.enqueueFor("openai/gpt-4o-mini", Script.answer(List.of(), List.of("Relayed."), Duration.ZERO));

		Call reply = call("""
				{"model": "relay:deepseek/deepseek-r1+openai/gpt-4o-mini",
				 "messages": [{"role": "user", "content": "wire-relay question"}]}""");

		JsonNode message = reply.body().get("choices").get(0).get("message");
		assertThat(message.get("reasoning").asString()).isEqualTo("Thinker thought.");
		assertThat(message.get("content").asString()).isEqualTo("Relayed.");
		assertThat(reply.body().get("model").asString()).isEqualTo("relay:deepseek/deepseek-r1+openai/gpt-4o-mini");
	}

	@Test
	void theModelListNamesTheCatalogsModelsAndTheRelaysUsed() {
		upstream.enqueueFor("deepseek/deepseek-r1",
				Script.answer(List.of("Thinking."), List.of("(thrown away)"), Duration.ZERO));
		upstream.enqueueFor("openai/gpt-4o-mini", Script.answer(List.of(), List.of("Done."), Duration.ZERO));
		call("""
				{"model": "relay:deepseek/deepseek-r1+openai/gpt-4o-mini",
				 "messages": [{"role": "user", "content": "wire-models relay"}]}""");

		Reply models = exchange(HttpMethod.GET, "/v1/models", null);

		assertThat(models.status()).isEqualTo(200);
		assertThat(models.body().get("object").asString()).isEqualTo("list");
		assertThat(models.body().get("data")).extracting((model) -> model.get("id").asString())
			.contains("relay:deepseek/deepseek-r1+openai/gpt-4o-mini");
		assertThat(models.body().get("data")).allSatisfy((model) -> {
			assertThat(model.get("object").asString()).isEqualTo("model");
			assertThat(model.has("owned_by")).isTrue();
		});
	}

	@Test
	void theSamplingStopAndReasoningAskedGoUpstream_andTheAnswerKeepsThem() {
		// A model no catalog lists takes every parameter: a listed one takes what its
		// catalog says, which depends on the catalog other tests of this context left.
		upstream.enqueue(Script.answer(List.of("Hm."), List.of("Short."), Duration.ZERO));

		Call reply = call("""
				{"model": "wire/params-model", "temperature": 0.2, "top_p": 0.9, "max_completion_tokens": 300,
				 "max_tokens": 999, "seed": 7, "stop": ["\\n\\n", "END"], "reasoning": {"max_tokens": 2048},
				 "reasoning_effort": "low", "user": "someone-else", "some_future_field": {"x": 1},
				 "messages": [{"role": "user", "content": "wire-params"}]}""");

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		JsonNode sent = upstream.takeRequest().json();
		assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
		assertThat(sent.get("top_p").asDouble()).isEqualTo(0.9);
		assertThat(sent.get("max_tokens").asInt()).as("max_completion_tokens wins").isEqualTo(300);
		assertThat(sent.get("seed").asLong()).isEqualTo(7);
		assertThat(sent.get("stop")).extracting(JsonNode::asString).containsExactly("\n\n", "END");
		assertThat(sent.get("reasoning").get("max_tokens").asInt()).as("OpenRouter's object wins").isEqualTo(2048);
		assertThat(sent.has("user")).as("the caller's end user stays here").isFalse();
		String id = reply.body().get("id").asString().substring("chatcmpl-".length());
		JsonNode stored = conversation(UUID.fromString(reply.conversationId())).get("messages").get(1);
		assertThat(stored.get("id").asString()).isEqualTo(id);
		assertThat(stored.get("parameters").get("stop")).extracting(JsonNode::asString).containsExactly("\n\n", "END");
		assertThat(stored.get("metaLine").asString()).contains("stop at \"\\n\\n\", \"END\"");
	}

	@Test
	void aPresetIsAModel_andOneWithACompareAnswersAChoicePerColumn() {
		Call created = presetNamed("""
				{"name": "Wire wombats", "systemPrompt": "Talk like a wombat.",
				 "compare": [{"model": "a/wombat-one"}, {"model": "b/wombat-two"}]}""");
		assertThat(created.status()).isEqualTo(201);
		upstream.enqueueFor("a/wombat-one", Script.answer(List.of("One thinks."), List.of("First."), Duration.ZERO));
		upstream.enqueueFor("b/wombat-two", Script.answer(List.of("Two thinks."), List.of("Second."), Duration.ZERO));

		Call reply = call("""
				{"model": "preset:wire wombats", "messages": [{"role": "user", "content": "wire-preset dig?"}]}""");

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		JsonNode choices = reply.body().get("choices");
		assertThat(choices).hasSize(2);
		assertThat(choices)
			.extracting((choice) -> choice.get("index").asInt() + ":" + choice.get("message").get("content").asString())
			.containsExactly("0:First.", "1:Second.");
		assertThat(upstream.takeRequest().json().get("messages").get(0).get("content").asString())
			.isEqualTo("Talk like a wombat.");
		Call unknown = call("""
				{"model": "preset:no such wombat", "messages": [{"role": "user", "content": "wire-preset none"}]}""");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body().get("error").get("code").asString()).isEqualTo("model_not_found");
	}

	@Test
	void anImageGoesAsADataUrlAndIsKeptWithTheQuestion() {
		// A model no catalog lists: whether a listed one reads images depends on the
		// catalog other tests of this context left.
		byte[] png = SampleFiles.png(20, 20);
		upstream.enqueue(Script.answer(List.of("A square."), List.of("Red."), Duration.ZERO));

		Call reply = call("""
				{"model": "wire/image-reader", "messages": [{"role": "user", "content": [
				  {"type": "text", "text": "wire-image what colour?"},
				  {"type": "image_url", "image_url": {"url": "data:image/png;base64,%s"}}]}]}"""
			.formatted(Base64.getEncoder().encodeToString(png)));

		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		JsonNode content = upstream.takeRequest().json().get("messages").get(0).get("content");
		assertThat(content.get(0).get("text").asString()).isEqualTo("wire-image what colour?");
		assertThat(content.get(1).get("image_url").get("url").asString()).startsWith("data:image/png;base64,");
		JsonNode question = conversation(UUID.fromString(reply.conversationId())).get("messages").get(0);
		assertThat(question.get("attachments")).hasSize(1);

		Call fetched = call("""
				{"model": "wire/image-reader", "messages": [{"role": "user", "content": [
				  {"type": "text", "text": "wire-image from the web"},
				  {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}]}]}""");
		assertThat(fetched.status()).isEqualTo(400);
		assertThat(fetched.body().get("error").get("message").asString()).contains("data: URL");
		assertThat(fetched.body().get("error").get("param").asString())
			.isEqualTo("messages[0].content[1].image_url.url");
	}

	@Test
	void aStreamedCallWhoseClientHangsUpStopsItsAnswer_keepingWhatArrived() {
		Gate afterFirstThought = new Gate();
		// After the gate, the model goes on thinking as models do, a delta at a time: a
		// write to a client that has gone fails at the second write or so.
		Script script = Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("wire-hang-up first thought. "))
			.waitFor(afterFirstThought);
		for (int delta = 0; delta < 40; delta++) {
			script.delay(Duration.ofMillis(50)).chunk(Chunks.reasoning("More. "));
		}
		script.hold();
		upstream.enqueue(script);

		String firstChunk = client().post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"model": "deepseek/deepseek-r1", "stream": true,
					 "messages": [{"role": "user", "content": "wire-hang-up question"}]}""")
			.retrieve()
			.bodyToFlux(String.class)
			.filter((data) -> data.contains("wire-hang-up first thought"))
			.blockFirst(WAIT);
		String id = json.readTree(firstChunk).get("id").asString().substring("chatcmpl-".length());
		// The client has gone; the next delta finds no one to write to.
		afterFirstThought.open();

		script.awaitDisconnect(WAIT);
		// Followed to its end like any answer: it was stopped, and kept what arrived.
		List<ServerSentEvent<String>> events = allEvents(getEvents("/api/messages/" + id + "/stream"));
		assertThat(last(events).event()).isEqualTo("done");
		assertThat(data(last(events)).get("status").asString()).isEqualTo("STOPPED");
		assertThat(textOf(events, "reasoning")
				+ data(events.stream().filter((event) -> "snapshot".equals(event.event())).findFirst().orElseThrow())
					.get("reasoning")
					.asString())
			.contains("wire-hang-up first thought.");
	}

	@Test
	void aNulInTheQuestionIsRefusedBeforeAnythingIsStored() {
		Call reply = call("""
				{"model": "deepseek/deepseek-r1", "messages": [{"role": "user", "content": "wire-nul \\u0000"}]}""");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body().get("error").get("param").asString()).isEqualTo("messages[0].content");
		assertThat(exchange(HttpMethod.GET, "/api/search?q=wire-nul", null).body().toString())
			.doesNotContain("wire-nul");
	}

	private Call presetNamed(String body) {
		Reply created = exchange(HttpMethod.POST, "/api/presets", body);
		return new Call(created.status(), null, created.body());
	}

	private Call call(String body) {
		return call(body, null);
	}

	private Call call(String body, String save) {
		var request = client().post().uri("/v1/chat/completions").contentType(MediaType.APPLICATION_JSON);
		if (save != null) {
			request = request.header(OpenAiController.SAVE_HEADER, save);
		}
		return request.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("{}")
				.map((text) -> new Call(response.statusCode().value(),
						response.headers().asHttpHeaders().getFirst(OpenAiController.CONVERSATION_HEADER),
						json.readTree(text))))
			.block(WAIT);
	}

	private List<String> streamData(String body) {
		String text = client().post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(String.class)
			.block(WAIT);
		return text.lines().filter((line) -> line.startsWith("data: ")).map((line) -> line.substring(6)).toList();
	}

	/** A call's status, conversation header and JSON body. */
	record Call(int status, String conversationId, JsonNode body) {

		String header(String name) {
			return this.conversationId;
		}

	}

}
