package dev.ponder.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import dev.ponder.testing.FakeGeneration;

/**
 * An OpenAI-style upstream on 127.0.0.1 that streams every answer in the same
 * {@link AnswerShape} and writes into each delta's text its sequence number and the
 * {@link System#nanoTime()} at which it was sent ({@code [17@123456789] }), so that a
 * reader in the same JVM knows how long each delta took to reach it. It serves Ponder,
 * and the benchmark's direct reads alike.
 * <p>
 * Streams run on Reactor's timers, not a thread each: hundreds at once cost a few
 * threads.
 */
final class StampingUpstream implements AutoCloseable {

	static final String BASE_PATH = "/api/v1";

	/** Stands for the stamp in the chunk templates; JSON needs no escaping of either. */
	private static final String MARK = "BENCHMARK_STAMP";

	private static final FakeGeneration GENERATION = FakeGeneration.withId("gen-benchmark-stamping-upstream");

	private static final String MODELS = """
			{"data": [{"id": "deepseek/deepseek-r1", "name": "DeepSeek: R1", "context_length": 163840,
			  "pricing": {"prompt": "0.0000004", "completion": "0.000002", "request": "0", "image": "0"},
			  "supported_parameters": ["include_reasoning", "max_tokens", "reasoning"],
			  "reasoning": {"supported_efforts": [], "default_effort": null, "default_enabled": true,
			    "mandatory": true, "supports_max_tokens": false}}]}
			""";

	private static final String KEY = """
			{"data": {"label": "sk-or-v1-ben...mark", "limit": null, "limit_remaining": null, "usage": 0,
			  "usage_daily": 0, "usage_weekly": 0, "usage_monthly": 0, "is_free_tier": false}}
			""";

	private final AnswerShape shape;

	private final String[] reasoningChunk;

	private final String[] contentChunk;

	private final String ending;

	private final DisposableServer server;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger mostOpen = new AtomicInteger();

	private StampingUpstream(AnswerShape shape) {
		this.shape = shape;
		this.reasoningChunk = event(GENERATION.reasoning(MARK)).split(Pattern.quote(MARK), -1);
		this.contentChunk = event(GENERATION.content(MARK)).split(Pattern.quote(MARK), -1);
		int reasoning = shape.reasoningDeltas();
		this.ending = event(GENERATION.finish("stop")) + event(GENERATION.usage(20, shape.deltas(), reasoning, 0.0001))
				+ event("[DONE]");
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
	}

	static StampingUpstream start(AnswerShape shape) {
		return new StampingUpstream(shape);
	}

	AnswerShape shape() {
		return this.shape;
	}

	/** The base URL Ponder is given, such as {@code http://127.0.0.1:41234/api/v1}. */
	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port() + BASE_PATH;
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(10));
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String path = request.path().startsWith("/") ? request.path() : "/" + request.path();
		if ("POST".equals(request.method().name()) && path.equals(BASE_PATH + "/chat/completions")) {
			// The request is read to its end and not looked at: every answer is the same.
			return request.receive().then(Mono.defer(() -> stream(response)));
		}
		if ("GET".equals(request.method().name()) && path.equals(BASE_PATH + "/models")) {
			return json(response, MODELS);
		}
		if ("GET".equals(request.method().name()) && path.equals(BASE_PATH + "/key")) {
			return json(response, KEY);
		}
		return response.status(404).send();
	}

	private Mono<Void> stream(HttpServerResponse response) {
		// The timer ticks on the connection's own event loop, so that a delta is written
		// where it is stamped, without a hand-over between threads for each of thousands
		// a second. Stamped on the tick, then buffered: a reader that holds back the
		// writes does not stop the timer (a provider keeps generating), and its lateness
		// shows in the delays.
		EventLoop[] loop = new EventLoop[1];
		response.withConnection((connection) -> loop[0] = connection.channel().eventLoop());
		Flux<ByteBuf> deltas = Flux
			.interval(this.shape.firstByte(), this.shape.interval(), Schedulers.fromExecutorService(loop[0]))
			.take(this.shape.deltas())
			.map((sequence) -> delta(sequence.intValue()))
			.onBackpressureBuffer()
			.map(StampingUpstream::bytes);
		opened();
		return response.status(200)
			.header("Content-Type", "text/event-stream")
			.header("Cache-Control", "no-cache")
			.header("X-Generation-Id", GENERATION.id())
			.send(deltas.concatWith(Mono.fromSupplier(() -> bytes(this.ending))), (buffer) -> true)
			.then()
			.doFinally((signal) -> this.open.decrementAndGet());
	}

	private void opened() {
		int now = this.open.incrementAndGet();
		this.mostOpen.accumulateAndGet(now, Math::max);
	}

	/**
	 * The most streams that were open at once since the last call: how many answers a
	 * client let run in parallel.
	 */
	int takeMostOpenStreams() {
		return this.mostOpen.getAndSet(this.open.get());
	}

	/** The chunk of one delta, stamped now. */
	private String delta(int sequence) {
		String stamp = "[" + sequence + "@" + System.nanoTime() + "] ";
		String[] template = (sequence < this.shape.reasoningDeltas()) ? this.reasoningChunk : this.contentChunk;
		return String.join(stamp, template);
	}

	private static Mono<Void> json(HttpServerResponse response, String body) {
		return response.status(200).header("Content-Type", "application/json").sendString(Mono.just(body)).then();
	}

	private static String event(String data) {
		return "data: " + data + "\n\n";
	}

	private static ByteBuf bytes(String text) {
		return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
	}

}
