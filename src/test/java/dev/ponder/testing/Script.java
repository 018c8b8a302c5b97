package dev.ponder.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * What {@link FakeUpstream} answers to one chat completion request: a stream of SSE
 * events written one by one, an error before the stream, or silence.
 * <p>
 * A script is meant to be played once; {@link #awaitDisconnect()} refers to that play.
 * Built fluently, then {@linkplain FakeUpstream#enqueue(Script...) enqueued}:
 *
 * <pre class="code">
 * Script.stream().comment(": OPENROUTER PROCESSING").chunk(Chunks.role()).waitFor(gate)
 * 		.chunk(Chunks.content("Hi")).done();
 * </pre>
 */
public final class Script {

	/** The keep-alive comment OpenRouter sends while a model is slow to start. */
	public static final String PROCESSING = ": OPENROUTER PROCESSING";

	enum Kind {

		STREAM, BODY, SILENT

	}

	private final Kind kind;

	private final int status;

	private final String body;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final List<Step> steps = new ArrayList<>();

	private Duration headerDelay = Duration.ZERO;

	private final CountDownLatch disconnected = new CountDownLatch(1);

	private Script(Kind kind, int status, String body) {
		this.kind = kind;
		this.status = status;
		this.body = body;
	}

	/** An empty {@code 200 text/event-stream} response for the default generation. */
	public static Script stream() {
		return stream(Chunks.GENERATION);
	}

	/**
	 * An empty {@code 200 text/event-stream} response whose {@code X-Generation-Id} is
	 * the generation's.
	 */
	public static Script stream(FakeGeneration generation) {
		return new Script(Kind.STREAM, 200, null).header("X-Generation-Id", generation.id());
	}

	/**
	 * A typical reasoning stream for the default generation; see
	 * {@link #answer(FakeGeneration, List, List, Duration)}.
	 */
	public static Script answer(List<String> reasoningParts, List<String> contentParts, Duration between) {
		return answer(Chunks.GENERATION, reasoningParts, contentParts, between);
	}

	/**
	 * A typical, complete reasoning stream: the role chunk, a keep-alive comment, the
	 * reasoning chunks, the content chunks (each event {@code between} apart), a
	 * {@code stop} finish chunk, the usage chunk and {@code [DONE]}.
	 */
	public static Script answer(FakeGeneration generation, List<String> reasoningParts, List<String> contentParts,
			Duration between) {
		Script script = stream(generation).chunk(generation.role()).comment(PROCESSING);
		reasoningParts.forEach((part) -> script.pause(between).chunk(generation.reasoning(part)));
		contentParts.forEach((part) -> script.pause(between).chunk(generation.content(part)));
		int completion = reasoningParts.size() + contentParts.size();
		return script.chunk(generation.finish("stop"))
			.chunk(generation.usage(12, completion, reasoningParts.size(), 0.0000421))
			.done();
	}

	/**
	 * An answer without reasoning that the upstream says cost {@code cost} dollars (1,000
	 * prompt and 2,000 completion tokens): what spends a person's limit in one go.
	 */
	public static Script costing(String answer, double cost) {
		FakeGeneration costly = FakeGeneration.unique();
		return stream(costly).chunk(costly.role())
			.chunk(costly.content(answer))
			.chunk(costly.finish("stop"))
			.chunk(costly.usage(1000, 2000, 0, cost))
			.done();
	}

	/**
	 * A relay's thinker at work: its reasoning, then a word of answer that the relay
	 * throws away, and its usage (10 prompt, 20 completion, 1 reasoning token, $0.002).
	 */
	public static Script thinking(String model, String reasoning) {
		FakeGeneration thinker = FakeGeneration.unique().servedBy(model, "Fake");
		return stream(thinker).chunk(thinker.role())
			.chunk(thinker.reasoning(reasoning))
			.chunk(thinker.content("Done"))
			.chunk(thinker.finish("stop"))
			.chunk(thinker.usage(10, 20, 1, 0.002))
			.done();
	}

	/**
	 * An answer without reasoning, as a relay's answerer gives it, and its usage (40
	 * prompt, 5 completion tokens, $0.0001).
	 */
	public static Script answering(String model, String answer) {
		FakeGeneration answerer = FakeGeneration.unique().servedBy(model, "Fake");
		return stream(answerer).chunk(answerer.role())
			.chunk(answerer.content(answer))
			.chunk(answerer.finish("stop"))
			.chunk(answerer.usage(40, 5, 0, 0.0001))
			.done();
	}

	/** An error before the stream: the status and a JSON body, sent with its length. */
	public static Script error(int status, String jsonBody) {
		return new Script(Kind.BODY, status, jsonBody).header("Content-Type", "application/json");
	}

	/**
	 * An error in OpenRouter's shape, {@code {"error": {"code": status, "message": …}}}.
	 */
	public static Script openRouterError(int status, String message) {
		return openRouterError(status, message, Map.of());
	}

	/** An error in OpenRouter's shape with {@code metadata}. */
	public static Script openRouterError(int status, String message, Map<String, ?> metadata) {
		return error(status, Chunks.errorBody(status, message, metadata));
	}

	public static Script invalidKey() {
		return openRouterError(401, "User not found.");
	}

	public static Script outOfCredits() {
		return openRouterError(402, "This request requires more credits, or fewer max_tokens.");
	}

	/**
	 * A 403 from a moderated model, with the {@code reasons} and {@code flagged_input}
	 * metadata.
	 */
	public static Script flagged(List<String> reasons, String flaggedInput) {
		return openRouterError(403, "Your input was flagged for \"" + String.join(", ", reasons) + "\"",
				Map.of("reasons", reasons, "flagged_input", flaggedInput, "provider_name", "OpenAI", "model_slug",
						"openai/gpt-4o"));
	}

	/** A 429 with {@code Retry-After} in seconds. */
	public static Script rateLimited(int retryAfterSeconds) {
		return openRouterError(429, "Rate limit exceeded: free-models-per-min.").header("Retry-After",
				String.valueOf(retryAfterSeconds));
	}

	/**
	 * A generation that thinks, then fails mid-stream with an error chunk that reports
	 * what was spent: 20 prompt, 50 completion and 40 reasoning tokens, $0.0123.
	 */
	public static Script paidFailure(FakeGeneration generation, String reasoning) {
		String error = Chunks.midStreamError(502, "Provider disconnected", Map.of("error_type", "provider_error"));
		return stream().chunk(generation.role())
			.chunk(generation.reasoning(reasoning))
			.chunk(FakeGeneration.withUsage(error, 20, 50, 40, 0.0123))
			.done();
	}

	/** A 502: the chosen provider failed, with its own words in {@code metadata.raw}. */
	public static Script providerError(String providerName, String raw) {
		return openRouterError(502, "Provider returned error", Map.of("provider_name", providerName, "raw", raw));
	}

	/** A 503 with {@code Retry-After} in seconds. */
	public static Script noProvider(int retryAfterSeconds) {
		return openRouterError(503, "No endpoints found that can handle the requested parameters.")
			.header("Retry-After", String.valueOf(retryAfterSeconds));
	}

	/**
	 * A response that never sends so much as a status line, until the client gives up.
	 */
	public static Script silent() {
		return new Script(Kind.SILENT, 0, null);
	}

	/** Sets a response header, replacing a default of the same name. */
	public Script header(String name, String value) {
		this.headers.keySet().removeIf(name::equalsIgnoreCase);
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Waits this long before sending the status and headers, to exercise first-byte
	 * timeouts.
	 */
	public Script delayHeaders(Duration delay) {
		this.headerDelay = delay;
		return this;
	}

	/** Writes an SSE comment line, verbatim, such as {@value #PROCESSING}. */
	public Script comment(String comment) {
		if (!comment.startsWith(":")) {
			throw new IllegalArgumentException("An SSE comment starts with ':', got: " + comment);
		}
		return raw(comment + "\n\n");
	}

	/** Writes one event, {@code data: json}, followed by the blank line that ends it. */
	public Script chunk(String json) {
		return raw("data: " + json + "\n\n");
	}

	/** Writes {@code data: [DONE]}, the end of an OpenAI-style stream. */
	public Script done() {
		return raw("data: [DONE]\n\n");
	}

	/**
	 * Writes the text exactly as given, in one flush: for half events, CRLF line endings,
	 * {@code event:} lines and other things parsers must survive.
	 */
	public Script raw(String text) {
		return add(new Step.Write(text));
	}

	/** Sends nothing for this long: the pacing of the stream. */
	public Script delay(Duration duration) {
		return add(new Step.Pause(duration));
	}

	/**
	 * Stops here until the test opens the gate; {@link Gate#awaitReached()} says it got
	 * here.
	 */
	public Script waitFor(Gate gate) {
		return add(new Step.Wait(gate));
	}

	/** Stops here for good: the stream stays open until the client goes away. */
	public Script hold() {
		return waitFor(new Gate());
	}

	/**
	 * Closes the connection abruptly, leaving the chunked body unfinished, like a crashed
	 * provider.
	 */
	public Script drop() {
		return add(new Step.Drop());
	}

	/**
	 * Waits until the client went away before this script finished, for at most
	 * {@link FakeUpstream#TIMEOUT}.
	 */
	public void awaitDisconnect() {
		awaitDisconnect(FakeUpstream.TIMEOUT);
	}

	public void awaitDisconnect(Duration timeout) {
		if (!Waiting.await(this.disconnected, timeout)) {
			throw new AssertionError("The client did not disconnect within " + timeout.toMillis() + " ms");
		}
	}

	/** Whether the client went away before this script finished. */
	public boolean wasDisconnected() {
		return this.disconnected.getCount() == 0;
	}

	Kind kind() {
		return this.kind;
	}

	int status() {
		return this.status;
	}

	String body() {
		return this.body;
	}

	Map<String, String> headers() {
		return Map.copyOf(this.headers);
	}

	List<Step> steps() {
		return List.copyOf(this.steps);
	}

	Duration headerDelay() {
		return this.headerDelay;
	}

	void markDisconnected() {
		this.disconnected.countDown();
	}

	private Script pause(Duration duration) {
		return duration.isZero() ? this : delay(duration);
	}

	private Script add(Step step) {
		if (this.kind != Kind.STREAM) {
			throw new IllegalStateException("Only a stream script has a body to write; this is " + this.kind);
		}
		this.steps.add(step);
		return this;
	}

}
