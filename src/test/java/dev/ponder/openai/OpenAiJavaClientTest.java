package dev.ponder.openai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.errors.UnexpectedStatusCodeException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.models.Model;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Ponder's OpenAI-compatible API driven by a client nobody here wrote: the official
 * OpenAI Java SDK, pointed at {@code /v1} with any key (accounts are off), against the
 * fake upstream. It reads answers whole and streamed in every reasoning shape the fake
 * replays, a relay model, the model list and errors, and the calls it makes are kept as
 * conversations.
 */
class OpenAiJavaClientTest extends AppTestSupport {

	private static final String THINKER = "deepseek/deepseek-r1";

	private static final String ANSWERER = "openai/gpt-4o-mini";

	private static final String RELAY = "relay:" + THINKER + "+" + ANSWERER;

	private OpenAIClient openAi;

	@BeforeEach
	void officialClient() {
		// No retries: each failure must show as itself, once.
		this.openAi = OpenAIOkHttpClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port + "/v1")
			.apiKey("unused")
			.maxRetries(0)
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	@AfterEach
	void closeClient() {
		this.openAi.close();
	}

	@ParameterizedTest
	@EnumSource(ClientReasoningShape.class)
	void aWholeAnswerCarriesItsReasoningBesideTheContentAndItsUsage(ClientReasoningShape shape) {
		upstream.enqueue(shape.script());

		ChatCompletion completion = this.openAi.chat()
			.completions()
			.create(question(THINKER, "Which is bigger, 9.11 or 9.9? (" + shape + ", whole)"));

		assertThat(completion.model()).isEqualTo(THINKER);
		assertThat(completion.id()).startsWith("chatcmpl-");
		assertThat(completion.choices()).hasSize(1);
		ChatCompletion.Choice choice = completion.choices().get(0);
		assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
		ChatCompletionMessage message = choice.message();
		assertThat(message.content()).contains(shape.content());
		Map<String, JsonValue> extra = message._allProperties();
		if (shape.reasoning() != null) {
			assertThat(SdkStream.text(extra.get("reasoning"))).isEqualTo(shape.reasoning());
			assertThat(SdkStream.text(extra.get("reasoning_content"))).isEqualTo(shape.reasoning());
		}
		else {
			assertThat(extra.get("reasoning")).as("no readable reasoning: null or absent")
				.satisfiesAnyOf((value) -> assertThat(value).isNull(), (value) -> assertThat(value.isNull()).isTrue());
		}
		assertUsage(completion.usage().orElseThrow());
		assertThat(upstream.takeRequest().json().get("stream").asBoolean())
			.as("Ponder streams from upstream even for a whole answer")
			.isTrue();
	}

	@ParameterizedTest
	@EnumSource(ClientReasoningShape.class)
	void aStreamedAnswerCarriesReasoningInItsDeltasThenTheContentThenTheUsage(ClientReasoningShape shape) {
		upstream.enqueue(shape.script());

		SdkStream stream = SdkStream.read(this.openAi.chat()
			.completions()
			.createStreaming(streamed(question(THINKER, "Which is bigger, 9.11 or 9.9? (" + shape + ", streamed)"))));

		ChatCompletionChunk first = stream.chunks().get(0);
		assertThat(first.choices().get(0).delta().role()).contains(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT);
		assertThat(stream.chunks()).extracting(ChatCompletionChunk::id).containsOnly(first.id());
		assertThat(stream.chunks()).extracting(ChatCompletionChunk::model).containsOnly(THINKER);
		assertThat(stream.content()).isEqualTo(shape.content());
		assertThat(stream.reasoning()).isEqualTo((shape.reasoning() != null) ? shape.reasoning() : "");
		assertThat(stream.reasoningContent()).isEqualTo(stream.reasoning());
		for (ChatCompletionChunk chunk : stream.reasoningChunks()) {
			Map<String, JsonValue> extra = chunk.choices().get(0).delta()._allProperties();
			assertThat(SdkStream.text(extra.get("reasoning_content"))).as("the same text in both fields, %s", chunk)
				.isEqualTo(SdkStream.text(extra.get("reasoning")));
		}
		assertThat(stream.finishReason()).contains("stop");
		ChatCompletionChunk last = stream.chunks().get(stream.chunks().size() - 1);
		assertThat(last.choices()).as("the usage chunk comes last, with no choice").isEmpty();
		assertUsage(last.usage().orElseThrow());
	}

	@Test
	void reasoningArrivesBeforeTheAnswerInTheStream() {
		upstream.enqueue(ClientReasoningShape.OPENROUTER_REASONING.script());

		SdkStream stream = SdkStream.read(
				this.openAi.chat().completions().createStreaming(streamed(question(THINKER, "Tenths or hundredths?"))));

		int lastReasoning = stream.chunks().indexOf(stream.reasoningChunks().get(stream.reasoningChunks().size() - 1));
		int firstContent = indexOfFirstContent(stream.chunks());
		assertThat(lastReasoning).isLessThan(firstContent);
	}

	@Test
	void aRelayModelStreamsTheThinkersReasoningThenTheAnswerersAnswer() {
		upstream.enqueueFor(THINKER, Script.thinking(THINKER, "Compare tenths: 9.9 has nine, 9.11 has one."));
		upstream.enqueueFor(ANSWERER, Script.answering(ANSWERER, "9.9 is bigger."));

		SdkStream stream = SdkStream
			.read(this.openAi.chat().completions().createStreaming(streamed(question(RELAY, "9.11 or 9.9, relayed?"))));

		assertThat(stream.reasoning()).isEqualTo("Compare tenths: 9.9 has nine, 9.11 has one.");
		assertThat(stream.reasoningContent()).isEqualTo(stream.reasoning());
		assertThat(stream.content()).as("the thinker's own words are not the answer").isEqualTo("9.9 is bigger.");
		assertThat(stream.chunks()).extracting(ChatCompletionChunk::model).containsOnly(RELAY);
		assertThat(stream.finishReason()).contains("stop");
		assertThat(stream.usage()).isPresent();
		List<String> asked = List.of(upstream.takeRequest().json().get("model").asString(),
				upstream.takeRequest().json().get("model").asString());
		assertThat(asked).containsExactly(THINKER, ANSWERER);
	}

	@Test
	void aRelayModelAnswersWholeWithTheThinkersReasoning() {
		upstream.enqueueFor(THINKER, Script.thinking(THINKER, "Nine tenths beat one tenth."));
		upstream.enqueueFor(ANSWERER, Script.answering(ANSWERER, "9.9."));

		ChatCompletion completion = this.openAi.chat()
			.completions()
			.create(question(RELAY, "9.11 or 9.9, relayed whole?"));

		ChatCompletionMessage message = completion.choices().get(0).message();
		assertThat(message.content()).contains("9.9.");
		assertThat(SdkStream.text(message._allProperties().get("reasoning"))).isEqualTo("Nine tenths beat one tenth.");
		assertThat(completion.model()).isEqualTo(RELAY);
	}

	@Test
	void theModelListHasTheUpstreamCatalogsModels() {
		upstream.models("""
				{"data": [
				  {"id": "kingfisher/reasoner-1", "name": "Kingfisher: Reasoner", "created": 1760000000,
				   "context_length": 32768, "pricing": {"prompt": "0.000001", "completion": "0.000002"},
				   "supported_parameters": ["reasoning", "include_reasoning", "max_tokens"]},
				  {"id": "openai/gpt-4o-mini", "name": "OpenAI: GPT-4o-mini", "created": 1721260800,
				   "context_length": 128000, "pricing": {"prompt": "0.00000015", "completion": "0.0000006"},
				   "supported_parameters": ["max_tokens"]}
				]}
				""");
		try {
			refreshCatalog();

			List<Model> models = this.openAi.models().list().data();

			assertThat(models).extracting(Model::id).contains("kingfisher/reasoner-1", "openai/gpt-4o-mini");
			Model kingfisher = models.stream()
				.filter((model) -> model.id().equals("kingfisher/reasoner-1"))
				.findFirst()
				.orElseThrow();
			assertThat(kingfisher.ownedBy()).isEqualTo("openrouter");
			assertThat(kingfisher.created()).isPositive();
		}
		finally {
			// The catalog outlives this test in the shared context: leave the default
			// one.
			upstream.reset();
			refreshCatalog();
		}
	}

	@Test
	void anUnknownModelIsNotFoundInOpenAisWords() {
		NotFoundException missing = catchThrowableOfType(NotFoundException.class,
				() -> this.openAi.models().retrieve("preset:No such heron"));

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.code()).contains("model_not_found");
		assertThat(missing.getMessage()).contains("No such heron");
	}

	/**
	 * The SDK sends the id as one path segment, its slash encoded ({@code %2F}); Ponder's
	 * own ids all have one.
	 */
	@Test
	void oneCatalogModelIsFoundThroughTheSdkByItsIdWithASlash() {
		refreshCatalog();

		Model model = this.openAi.models().retrieve(THINKER);

		assertThat(model.id()).isEqualTo(THINKER);
		assertThat(model.ownedBy()).isEqualTo("openrouter");
	}

	@Test
	void aPresetIsAModelTheSdkListsFindsAndAsks() {
		Reply made = exchange(HttpMethod.POST, "/api/presets", """
				{"name":"Ibis sketch","model":"openai/gpt-4o-mini","endpoint":"openrouter",
				 "systemPrompt":"Answer like an ibis."}""");
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		try {
			upstream.enqueue(ClientReasoningShape.REASONING_CONTENT.script());

			assertThat(this.openAi.models().list().data()).extracting(Model::id).contains("preset:Ibis sketch");
			assertThat(this.openAi.models().retrieve("preset:Ibis sketch").ownedBy()).isEqualTo("ponder");
			ChatCompletion completion = this.openAi.chat()
				.completions()
				.create(question("preset:Ibis sketch", "Where do ibises roost?"));

			assertThat(completion.model()).isEqualTo("preset:Ibis sketch");
			assertThat(completion.choices().get(0).message().content()).contains("9.9 is bigger.");
			JsonNode asked = upstream.takeRequest().json();
			assertThat(asked.get("model").asString()).isEqualTo("openai/gpt-4o-mini");
			assertThat(asked.get("messages").get(0).get("content").asString()).isEqualTo("Answer like an ibis.");
		}
		finally {
			exchange(HttpMethod.DELETE, "/api/presets/" + made.body().get("id").asString(), null);
		}
	}

	@Test
	void anInvalidTemperatureIsABadRequestThatNamesIt() {
		BadRequestException refused = catchThrowableOfType(BadRequestException.class,
				() -> this.openAi.chat()
					.completions()
					.create(question(THINKER, "Too hot?").toBuilder().temperature(3.5).build()));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.param()).contains("temperature");
		assertThat(refused.type()).contains("invalid_request_error");
		assertThat(refused.getMessage()).contains("temperature");
		assertThat(upstream.requests()).as("nothing was asked upstream")
			.noneMatch((request) -> request.path().endsWith("/chat/completions"));
	}

	@Test
	void anUpstreamRateLimitIsTheSdksRateLimitException() {
		upstream.enqueue(Script.rateLimited(7));

		assertThatThrownBy(() -> this.openAi.chat().completions().create(question(THINKER, "Slow down?")))
			.isInstanceOf(RateLimitException.class)
			.satisfies((thrown) -> assertThat(((OpenAIServiceException) thrown).statusCode()).isEqualTo(429));
	}

	@Test
	void anUpstreamWithoutCreditsIsA402ThatTheSdkDoesNotRetry() {
		upstream.enqueue(Script.outOfCredits());

		UnexpectedStatusCodeException failed = catchThrowableOfType(UnexpectedStatusCodeException.class,
				() -> this.openAi.chat().completions().create(question(THINKER, "Any credit left?")));

		assertThat(failed.statusCode()).isEqualTo(402);
		assertThat(failed.getMessage()).containsIgnoringCase("credit").doesNotContain(API_KEY);
	}

	@Test
	void anUpstreamRateLimitOnAStreamedCallIsRaisedByTheSdkToo() {
		upstream.enqueue(Script.rateLimited(7));

		OpenAIServiceException failed = catchThrowableOfType(OpenAIServiceException.class, () -> SdkStream.read(
				this.openAi.chat().completions().createStreaming(streamed(question(THINKER, "Slow down, streamed?")))));

		assertThat(failed.getMessage()).containsIgnoringCase("rate limit");
		assertThat(failed.code()).contains("rate_limited");
	}

	@Test
	void aFailureAfterTheStreamStartedIsRaisedByTheSdkAfterWhatCameBefore() {
		FakeGeneration generation = FakeGeneration.unique();
		upstream.enqueue(Script.paidFailure(generation, "Halfway through the tenths"));
		List<ChatCompletionChunk> seen = new ArrayList<>();

		SseException failed = catchThrowableOfType(SseException.class, () -> {
			try (var response = this.openAi.chat()
				.completions()
				.createStreaming(streamed(question(THINKER, "Will the provider hold?")))) {
				response.stream().forEach(seen::add);
			}
		});

		assertThat(SdkStream.of(seen).reasoning()).isEqualTo("Halfway through the tenths");
		assertThat(failed.getMessage()).isNotBlank();
		assertThat(seen).as("no finish chunk after a failure")
			.noneMatch((chunk) -> chunk.choices().stream().anyMatch((choice) -> choice.finishReason().isPresent()));
	}

	@Test
	void aCallIsKeptAsAConversationNamedAfterItsQuestionAndMadeThroughTheApi() {
		upstream.enqueue(ClientReasoningShape.OPENROUTER_REASONING.script());

		HttpResponseFor<ChatCompletion> response = this.openAi.chat()
			.completions()
			.withRawResponse()
			.create(question(THINKER, "Which is bigger, a bittern or a heron?"));

		assertThat(response.statusCode()).isEqualTo(200);
		UUID id = UUID.fromString(conversationIdOf(response));
		JsonNode listed = listedConversation(id);
		assertThat(listed).as("the sidebar lists it").isNotNull();
		assertThat(listed.get("title").asString()).isEqualTo("Which is bigger, a bittern or a heron?");
		assertThat(listed.get("madeThroughApi").asBoolean()).isTrue();
		JsonNode messages = conversation(id).get("messages");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(1).get("content").asString()).isEqualTo("9.9 is bigger.");
		assertThat(messages.get(1).get("reasoning").asString()).isEqualTo("Nine tenths against one tenth.");
		assertThat(response.parse().choices().get(0).message().content()).contains("9.9 is bigger.");
	}

	@Test
	void aStreamedCallSaysWhichConversationKeepsIt() {
		upstream.enqueue(ClientReasoningShape.REASONING_CONTENT.script());

		HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = this.openAi.chat()
			.completions()
			.withRawResponse()
			.createStreaming(streamed(question(THINKER, "Where do spoonbills sweep?")));

		UUID id = UUID.fromString(conversationIdOf(response));
		assertThat(SdkStream.read(response.parse()).content()).isEqualTo("9.9 is bigger.");
		JsonNode kept = conversation(id);
		assertThat(kept.get("title").asString()).isEqualTo("Where do spoonbills sweep?");
		assertThat(kept.get("madeThroughApi").asBoolean()).isTrue();
		assertThat(kept.get("messages").get(1).get("reasoning").asString())
			.isEqualTo("Line the decimals up: 0.90 and 0.11.");
	}

	@Test
	void aFollowUpThatRepeatsTheHistoryContinuesTheSameConversation() {
		upstream.enqueue(Script.answer(List.of("Herons stand still."), List.of("In the shallows."), Duration.ZERO));
		HttpResponseFor<ChatCompletion> first = this.openAi.chat()
			.completions()
			.withRawResponse()
			.create(ChatCompletionCreateParams.builder()
				.model(THINKER)
				.addSystemMessage("Answer in one short sentence.")
				.addUserMessage("Where do herons fish, egretwise?")
				.build());
		String answer = first.parse().choices().get(0).message().content().orElseThrow();
		upstream.enqueue(Script.answer(List.of("Dawn and dusk."), List.of("At dawn."), Duration.ZERO));

		HttpResponseFor<ChatCompletion> followUp = this.openAi.chat()
			.completions()
			.withRawResponse()
			.create(ChatCompletionCreateParams.builder()
				.model(THINKER)
				.addSystemMessage("Answer in one short sentence.")
				.addUserMessage("Where do herons fish, egretwise?")
				.addAssistantMessage(answer)
				.addUserMessage("And when?")
				.build());

		assertThat(conversationIdOf(followUp)).isEqualTo(conversationIdOf(first));
		JsonNode messages = conversation(UUID.fromString(conversationIdOf(first))).get("messages");
		assertThat(messages).extracting((message) -> message.get("content").asString())
			.containsExactly("Where do herons fish, egretwise?", "In the shallows.", "And when?", "At dawn.");
		upstream.takeRequest();
		JsonNode sentUpstream = upstream.takeRequest().json().get("messages");
		assertThat(sentUpstream).extracting((message) -> message.get("content").asString())
			.containsExactly("Answer in one short sentence.", "Where do herons fish, egretwise?", "In the shallows.",
					"And when?");
	}

	@Test
	void aCallThatSaysXPonderSaveFalseLeavesNoConversation() {
		upstream.enqueue(ClientReasoningShape.OPENROUTER_REASONING.script());

		HttpResponseFor<ChatCompletion> response = this.openAi.chat()
			.completions()
			.withRawResponse()
			.create(question(THINKER, "Forget this: quokkawhistle?").toBuilder()
				.putAdditionalHeader("X-Ponder-Save", "false")
				.build());

		assertThat(response.parse().choices().get(0).message().content()).contains("9.9 is bigger.");
		assertThat(response.headers().values("X-Ponder-Conversation-Id")).isEmpty();
		assertThat(listedTitles()).noneMatch((title) -> title.contains("quokkawhistle"));
		assertThat(exchange(HttpMethod.GET, "/api/conversations?q=quokkawhistle", null).body()).isEmpty();
	}

	private static ChatCompletionCreateParams question(String model, String question) {
		return ChatCompletionCreateParams.builder().model(model).addUserMessage(question).build();
	}

	private static ChatCompletionCreateParams streamed(ChatCompletionCreateParams params) {
		return params.toBuilder()
			.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
			.build();
	}

	private static void assertUsage(CompletionUsage usage) {
		assertThat(usage.promptTokens()).isEqualTo(ClientReasoningShape.PROMPT_TOKENS);
		assertThat(usage.completionTokens()).isEqualTo(ClientReasoningShape.COMPLETION_TOKENS);
		assertThat(usage.totalTokens())
			.isEqualTo(ClientReasoningShape.PROMPT_TOKENS + ClientReasoningShape.COMPLETION_TOKENS);
		assertThat(usage.completionTokensDetails().orElseThrow().reasoningTokens())
			.contains(ClientReasoningShape.REASONING_TOKENS);
		assertThat(usage._allProperties().get("cost").convert(Double.class)).isEqualTo(ClientReasoningShape.COST);
	}

	private static int indexOfFirstContent(List<ChatCompletionChunk> chunks) {
		for (int i = 0; i < chunks.size(); i++) {
			if (chunks.get(i).choices().stream().anyMatch((choice) -> !choice.delta().content().orElse("").isEmpty())) {
				return i;
			}
		}
		return -1;
	}

	private static String conversationIdOf(HttpResponseFor<?> response) {
		List<String> ids = response.headers().values("X-Ponder-Conversation-Id");
		assertThat(ids).as("X-Ponder-Conversation-Id").hasSize(1);
		return ids.get(0);
	}

	/** The conversation as the sidebar's list shows it, or {@code null}. */
	private JsonNode listedConversation(UUID id) {
		for (JsonNode conversation : exchange(HttpMethod.GET, "/api/conversations?size=200", null).body()) {
			if (conversation.get("id").asString().equals(id.toString())) {
				return conversation;
			}
		}
		return null;
	}

	private List<String> listedTitles() {
		return exchange(HttpMethod.GET, "/api/conversations?size=200", null).body()
			.valueStream()
			.map((conversation) -> conversation.get("title").asString())
			.toList();
	}

	private void refreshCatalog() {
		Reply refreshed = exchange(HttpMethod.POST, "/api/models/refresh", null);
		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
	}

}
