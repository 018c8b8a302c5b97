package dev.ponder.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests of {@link FakeUpstream} itself, through the JDK's HTTP client (and a raw socket
 * where the bytes on the wire matter), never through the app's code.
 */
class FakeUpstreamTest {

	private static final String REQUEST = """
			{"model": "deepseek/deepseek-r1", "stream": true, "messages": [{"role": "user", "content": "Hi"}]}""";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private FakeUpstream fake;

	@BeforeEach
	void start() {
		this.fake = FakeUpstream.start();
	}

	@AfterEach
	void stop() {
		this.fake.close();
	}

	@Test
	void eventsArriveOneByOneWhileTheStreamIsStillGoing() {
		Gate gate = new Gate();
		this.fake.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Thinking"))
			.waitFor(gate)
			.chunk(Chunks.content("Hello"))
			.done());

		SseLines lines = SseLines.post(this.http, chatUri(), REQUEST);

		assertThat(lines.nextEvent()).isEqualTo("data: " + Chunks.role());
		assertThat(lines.nextEvent()).isEqualTo("data: " + Chunks.reasoning("Thinking"));
		gate.awaitReached();
		assertThat(gate.isOpen()).isFalse();
		gate.open();
		assertThat(lines.nextEvent()).isEqualTo("data: " + Chunks.content("Hello"));
		assertThat(lines.nextEvent()).isEqualTo("data: [DONE]");
		lines.awaitCompletion();
	}

	@Test
	void aDelayPacesTheStreamInRealTime() {
		Duration delay = Duration.ofMillis(400);
		this.fake.enqueue(Script.stream().chunk(Chunks.content("first")).delay(delay).chunk(Chunks.content("second")));

		SseLines lines = SseLines.post(this.http, chatUri(), REQUEST);

		assertThat(lines.nextEvent()).contains("first");
		long first = System.nanoTime();
		assertThat(lines.nextEvent()).contains("second");
		long second = System.nanoTime();
		// Had the fake buffered the stream, both events would have come together.
		assertThat(Duration.ofNanos(second - first)).isGreaterThanOrEqualTo(delay.minusMillis(50));
	}

	@Test
	void headersComeAtOnceEvenWhileTheFirstEventIsHeldBack() throws Exception {
		Gate gate = new Gate();
		this.fake.enqueue(Script.stream().waitFor(gate).chunk(Chunks.role()).done());

		SseLines lines = SseLines.post(this.http, chatUri(), REQUEST);

		ResponseInfo headers = lines.awaitHeaders();
		assertThat(gate.isOpen()).isFalse();
		assertThat(headers.statusCode()).isEqualTo(200);
		assertThat(headers.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		assertThat(headers.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
		assertThat(headers.headers().firstValue("X-Generation-Id")).hasValue(Chunks.GENERATION.id());
		gate.open();
		assertThat(lines.nextEvent()).isEqualTo("data: " + Chunks.role());
	}

	@Test
	void commentsAndRawTextAreSentVerbatim() {
		this.fake.enqueue(Script.stream()
			.comment(Script.PROCESSING)
			.comment(": keep-alive")
			.raw("data: {\"half\":")
			.raw(" true}\r\n\r\n")
			.done());

		SseLines lines = SseLines.post(this.http, chatUri(), REQUEST);

		assertThat(lines.nextEvent()).isEqualTo(": OPENROUTER PROCESSING");
		assertThat(lines.nextEvent()).isEqualTo(": keep-alive");
		assertThat(lines.nextEvent()).isEqualTo("data: {\"half\": true}");
		assertThat(lines.nextEvent()).isEqualTo("data: [DONE]");
		lines.awaitCompletion();
	}

	@Test
	void dropBreaksTheBodyOffAndTheClientSeesAnError() {
		this.fake.enqueue(Script.stream().chunk(Chunks.reasoning("Half a thought")).drop());

		SseLines lines = SseLines.post(this.http, chatUri(), REQUEST);

		assertThat(lines.nextEvent()).contains("Half a thought");
		assertThat(lines.awaitError()).isInstanceOf(IOException.class);
	}

	@Test
	void dropLeavesTheChunkedEncodingUnfinished() throws IOException {
		this.fake.enqueue(Script.stream().chunk(Chunks.content("partial")).drop());

		String wire = rawExchange();

		assertThat(wire).startsWith("HTTP/1.1 200").contains("transfer-encoding: chunked").contains("partial");
		assertThat(wire).doesNotEndWith("0\r\n\r\n");
	}

	@Test
	void aFinishedStreamEndsTheChunkedEncodingProperly() throws IOException {
		this.fake.enqueue(Script.stream().chunk(Chunks.content("whole")).done());
		this.fake.enqueue(Script.stream().done());

		String wire = rawExchange();

		assertThat(wire).contains("whole").endsWith("data: [DONE]\n\n\r\n0\r\n\r\n");
	}

	@Test
	void errorScriptsAnswerWithStatusBodyAndRetryAfter() throws Exception {
		this.fake.enqueue(Script.rateLimited(7), Script.flagged(List.of("harassment"), "you idiot"));

		HttpResponse<String> limited = post(REQUEST);
		HttpResponse<String> flagged = post(REQUEST);

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(json(limited.body()).path("error").path("code").asInt()).isEqualTo(429);
		assertThat(flagged.statusCode()).isEqualTo(403);
		JsonNode metadata = json(flagged.body()).path("error").path("metadata");
		assertThat(metadata.path("reasons").get(0).asString()).isEqualTo("harassment");
		assertThat(metadata.path("flagged_input").asString()).isEqualTo("you idiot");
	}

	@Test
	void requestsAreRecordedWithHeadersAndJsonBody() throws Exception {
		this.fake.enqueue(Script.stream().done());
		HttpRequest request = HttpRequest.newBuilder(chatUri())
			.header("Authorization", "Bearer sk-or-v1-test")
			.header("HTTP-Referer", "http://localhost:8080")
			.header("X-Title", "Ponder")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(REQUEST))
			.build();

		this.http.send(request, HttpResponse.BodyHandlers.ofString());

		RecordedRequest recorded = this.fake.takeRequest();
		assertThat(recorded.method()).isEqualTo("POST");
		assertThat(recorded.path()).isEqualTo("/api/v1/chat/completions");
		assertThat(recorded.header("authorization")).hasValue("Bearer sk-or-v1-test");
		assertThat(recorded.header("X-Title")).hasValue("Ponder");
		assertThat(recorded.json().path("model").asString()).isEqualTo("deepseek/deepseek-r1");
		assertThat(recorded.json().path("stream").asBoolean()).isTrue();
		assertThat(this.fake.requests()).containsExactly(recorded);
	}

	@Test
	void takeRequestFailsClearlyWhenNothingCame() {
		assertThatThrownBy(() -> this.fake.takeRequest(Duration.ofMillis(50))).isInstanceOf(AssertionError.class)
			.hasMessageContaining("No chat completion request");
	}

	@Test
	void withoutAScriptTheFakeAnswers500() throws Exception {
		HttpResponse<String> response = post(REQUEST);

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(json(response.body()).path("error").path("message").asString()).contains("no Script enqueued");
	}

	@Test
	void aClientThatGoesAwayMidStreamIsNoticed() {
		Script script = Script.stream().chunk(Chunks.role()).hold();
		this.fake.enqueue(script);
		SseLines lines = SseLines.post(this.http, chatUri(), REQUEST);
		assertThat(lines.nextEvent()).isEqualTo("data: " + Chunks.role());

		lines.cancel();

		assertThat(this.fake.awaitDisconnect().path()).isEqualTo("/api/v1/chat/completions");
		script.awaitDisconnect();
	}

	@Test
	void aStreamThatFinishesOrDropsIsNoDisconnect() throws Exception {
		Script finished = Script.stream().done();
		Script dropped = Script.stream().chunk(Chunks.role()).drop();
		this.fake.enqueue(finished, dropped);

		post(REQUEST);
		SseLines lines = SseLines.post(this.http, chatUri(), REQUEST);
		lines.awaitError();

		assertThatThrownBy(() -> this.fake.awaitDisconnect(Duration.ofMillis(200))).isInstanceOf(AssertionError.class);
		assertThat(finished.wasDisconnected()).isFalse();
		assertThat(dropped.wasDisconnected()).isFalse();
	}

	@Test
	void closingTheFakeEndsHeldStreamsSoNoClientHangs() {
		this.fake.enqueue(Script.stream().chunk(Chunks.role()).hold());
		SseLines lines = SseLines.post(this.http, chatUri(), REQUEST);
		assertThat(lines.nextEvent()).isEqualTo("data: " + Chunks.role());

		this.fake.close();

		assertThat(lines.awaitError()).isInstanceOf(IOException.class);
	}

	@Test
	void resetEndsStreamsStillPlayingWithoutCountingADisconnect() {
		Script held = Script.stream().chunk(Chunks.role()).hold();
		this.fake.enqueue(held, Script.stream().done());
		SseLines lines = SseLines.post(this.http, chatUri(), REQUEST);
		assertThat(lines.nextEvent()).isEqualTo("data: " + Chunks.role());

		this.fake.reset();

		assertThat(lines.awaitError()).isInstanceOf(IOException.class);
		assertThat(held.wasDisconnected()).isFalse();
		assertThat(this.fake.pendingScripts()).isZero();
		assertThat(this.fake.requests()).isEmpty();
	}

	@Test
	void aSilentUpstreamSendsNothingUntilTheClientGivesUp() {
		Script silent = Script.silent();
		this.fake.enqueue(silent);
		HttpRequest request = HttpRequest.newBuilder(chatUri())
			.timeout(Duration.ofMillis(300))
			.POST(HttpRequest.BodyPublishers.ofString(REQUEST))
			.build();

		assertThatThrownBy(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()))
			.isInstanceOf(HttpTimeoutException.class);
		silent.awaitDisconnect();
	}

	@Test
	void headersCanBeDelayed() throws Exception {
		this.fake.enqueue(Script.stream().delayHeaders(Duration.ofMillis(300)).done());
		long sent = System.nanoTime();

		HttpResponse<String> response = post(REQUEST);

		assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(response.body()).isEqualTo("data: [DONE]\n\n");
	}

	@Test
	void scriptsPlayConcurrentlyAndInOrder() {
		Gate first = new Gate();
		Gate second = new Gate();
		FakeGeneration one = FakeGeneration.unique();
		FakeGeneration two = FakeGeneration.unique();
		this.fake.enqueue(Script.stream(one).chunk(one.content("one")).waitFor(first).done(),
				Script.stream(two).chunk(two.content("two")).waitFor(second).done());

		SseLines a = SseLines.post(this.http, chatUri(), REQUEST);
		assertThat(a.nextEvent()).contains("\"one\"", one.id());
		SseLines b = SseLines.post(this.http, chatUri(), REQUEST);
		assertThat(b.nextEvent()).contains("\"two\"", two.id());

		second.open();
		assertThat(b.nextEvent()).isEqualTo("data: [DONE]");
		b.awaitCompletion();
		first.open();
		assertThat(a.nextEvent()).isEqualTo("data: [DONE]");
		a.awaitCompletion();
	}

	@Test
	void answerStreamsATypicalGeneration() {
		String tricky = "He said \"<script>alert(1)</script>\"\nand left 🙂";
		this.fake.enqueue(
				Script.answer(List.of("Let me think", " about it."), List.of("Hello", tricky), Duration.ofMillis(5)));

		SseLines lines = SseLines.post(this.http, chatUri(), REQUEST);
		List<String> events = lines.allEvents();

		// role, comment, 2 reasoning, 2 content, finish, usage, [DONE]
		assertThat(events).hasSize(9);
		assertThat(events.get(1)).isEqualTo(Script.PROCESSING);
		assertThat(events.get(8)).isEqualTo("data: [DONE]");
		JsonNode reasoning = data(events.get(2)).path("choices").get(0).path("delta");
		assertThat(reasoning.path("reasoning").asString()).isEqualTo("Let me think");
		assertThat(reasoning.path("reasoning_details").get(0).path("text").asString()).isEqualTo("Let me think");
		assertThat(data(events.get(5)).path("choices").get(0).path("delta").path("content").asString())
			.isEqualTo(tricky);
		assertThat(data(events.get(6)).path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
		JsonNode usage = data(events.get(7)).path("usage");
		assertThat(data(events.get(7)).path("choices").isEmpty()).isTrue();
		assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(2);
		assertThat(usage.path("total_tokens").asInt())
			.isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
	}

	@Test
	void chunksLookLikeOpenRouters() {
		JsonNode role = json(Chunks.role());
		JsonNode numeric = json(Chunks.midStreamError(502, "Provider disconnected", Map.of("error_type", "provider")));
		JsonNode named = json(Chunks.midStreamError("server_error", "Oops"));
		JsonNode vllm = json(Chunks.vllmError("bad"));
		JsonNode deepseek = json(Chunks.reasoningContent("hmm"));

		assertThat(role.path("id").asString()).startsWith("gen-");
		assertThat(role.path("object").asString()).isEqualTo("chat.completion.chunk");
		assertThat(role.path("provider").asString()).isNotEmpty();
		assertThat(role.path("created").asLong()).isPositive();
		assertThat(numeric.path("error").path("code").asInt()).isEqualTo(502);
		assertThat(numeric.path("error").path("metadata").path("error_type").asString()).isEqualTo("provider");
		assertThat(numeric.path("choices").get(0).path("finish_reason").asString()).isEqualTo("error");
		assertThat(named.path("error").path("code").isString()).isTrue();
		assertThat(vllm.path("object").asString()).isEqualTo("error");
		assertThat(vllm.path("code").asInt()).isEqualTo(400);
		assertThat(deepseek.path("choices").get(0).path("delta").path("reasoning_content").asString()).isEqualTo("hmm");
		assertThat(json(Chunks.finish("length")).path("choices").get(0).path("native_finish_reason").asString())
			.isEqualTo("length");
	}

	@Test
	void modelsAndKeyAnswerFromSettableJson() throws Exception {
		HttpResponse<String> all = get("/models", null);
		HttpResponse<String> reasoning = get("/models?supported_parameters=reasoning", null);
		HttpResponse<String> noKey = get("/key", null);
		HttpResponse<String> key = get("/key", "Bearer sk-or-v1-test");
		this.fake.models("{\"data\": []}").key("{\"data\": {\"label\": \"mine\"}}");
		HttpResponse<String> replaced = get("/models", null);
		HttpResponse<String> replacedKey = get("/key", "Bearer sk-or-v1-test");

		assertThat(json(all.body()).path("data").size()).isEqualTo(3);
		assertThat(json(reasoning.body()).path("data").size()).isEqualTo(2);
		assertThat(noKey.statusCode()).isEqualTo(401);
		assertThat(json(key.body()).path("data").has("limit_remaining")).isTrue();
		assertThat(replaced.body()).isEqualTo("{\"data\": []}");
		assertThat(json(replacedKey.body()).path("data").path("label").asString()).isEqualTo("mine");
		assertThat(this.fake.requests()).extracting(RecordedRequest::path).contains("/api/v1/models", "/api/v1/key");
	}

	private URI chatUri() {
		return URI.create(this.fake.baseUrl() + "/chat/completions");
	}

	private HttpResponse<String> post(String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(chatUri())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.fake.baseUrl() + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * One request over a plain socket; returns every byte the fake sent until it closed.
	 */
	private String rawExchange() throws IOException {
		byte[] body = REQUEST.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("127.0.0.1", this.fake.port())) {
			socket.setSoTimeout((int) FakeUpstream.TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static JsonNode json(String text) {
		return FakeGeneration.JSON.readTree(text);
	}

	private static JsonNode data(String event) {
		return json(event.substring("data: ".length()));
	}

	/**
	 * Reads an SSE response line by line as the lines arrive, so a test can check what
	 * came before the stream is over.
	 */
	private static final class SseLines implements Flow.Subscriber<String> {

		private static final String END = "\u0000end";

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final CompletableFuture<ResponseInfo> headers = new CompletableFuture<>();

		private final CompletableFuture<Void> end = new CompletableFuture<>();

		private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

		static SseLines post(HttpClient http, URI uri, String json) {
			SseLines lines = new SseLines();
			HttpRequest request = HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build();
			http.sendAsync(request, (info) -> {
				lines.headers.complete(info);
				return BodySubscribers.fromLineSubscriber(lines);
			}).whenComplete((response, failure) -> {
				if (failure != null) {
					lines.onError(failure);
				}
			});
			return lines;
		}

		ResponseInfo awaitHeaders() throws Exception {
			return this.headers.get(FakeUpstream.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}

		/** The next line that is not blank, that is the next event or comment. */
		String nextEvent() {
			String line = "";
			while (line.isEmpty()) {
				line = Waiting.poll(this.lines, FakeUpstream.TIMEOUT);
				assertThat(line).as("next line of the stream").isNotNull().isNotEqualTo(END);
			}
			return line;
		}

		/** Every event until the stream ends normally. */
		List<String> allEvents() {
			awaitCompletion();
			List<String> events = new ArrayList<>();
			this.lines.stream().filter((line) -> !line.isEmpty() && !line.equals(END)).forEach(events::add);
			return events;
		}

		void awaitCompletion() {
			assertThat(this.end).succeedsWithin(FakeUpstream.TIMEOUT);
		}

		Throwable awaitError() {
			try {
				this.end.get(FakeUpstream.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				throw new AssertionError("The stream ended normally");
			}
			catch (ExecutionException ex) {
				return ex.getCause();
			}
			catch (InterruptedException | TimeoutException ex) {
				throw new AssertionError("The stream did not end with an error", ex);
			}
		}

		void cancel() {
			this.subscription.join().cancel();
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription.complete(subscription);
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String line) {
			this.lines.add(line);
		}

		@Override
		public void onError(Throwable throwable) {
			this.lines.add(END);
			this.end.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			this.lines.add(END);
			this.end.complete(null);
		}

	}

}
