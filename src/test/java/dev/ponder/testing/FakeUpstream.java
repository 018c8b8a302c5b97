package dev.ponder.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;

/**
 * A local stand-in for OpenRouter, so no test ever reaches the real one.
 * <p>
 * Serves {@code /api/v1} on 127.0.0.1 and a random port. Each
 * {@code POST /chat/completions} is answered by the next {@linkplain #enqueue(Script...)
 * enqueued} {@link Script}, first in first out, or by a 500 when none is left.
 * {@code GET /models} and {@code GET /key} answer from settable JSON. Every request is
 * recorded. Scripts for parallel requests play concurrently.
 *
 * <pre class="code">
 * try (FakeUpstream fake = FakeUpstream.start()) {
 * 	fake.enqueue(Script.answer(List.of("Hmm."), List.of("Hi!"), Duration.ofMillis(20)));
 * 	// point the app at fake.baseUrl(), send a message
 * 	assertThat(fake.takeRequest().json().path("stream").asBoolean()).isTrue();
 * }
 * </pre>
 */
public final class FakeUpstream implements AutoCloseable {

	/** How long the blocking waits of the fake wait before failing the test. */
	public static final Duration TIMEOUT = Duration.ofSeconds(5);

	static final String BASE_PATH = "/api/v1";

	static final String CHAT_COMPLETIONS = BASE_PATH + "/chat/completions";

	private final Queue<Script> scripts = new ConcurrentLinkedQueue<>();

	private final Map<String, Queue<Script>> scriptsByModel = new ConcurrentHashMap<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final BlockingQueue<RecordedRequest> chatRequests = new LinkedBlockingQueue<>();

	private final BlockingQueue<RecordedRequest> disconnects = new LinkedBlockingQueue<>();

	private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

	private final Set<ScriptPlayer> playing = ConcurrentHashMap.newKeySet();

	private final SideEndpoints sideEndpoints = new SideEndpoints();

	private final DisposableServer server;

	private FakeUpstream() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnConnection(this::track)
			.handle(this::handle)
			.bindNow();
	}

	/** Starts a fake on a free port. */
	public static FakeUpstream start() {
		return new FakeUpstream();
	}

	/**
	 * Where the app should send its requests, such as
	 * {@code http://127.0.0.1:41234/api/v1}.
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + BASE_PATH;
	}

	public int port() {
		return this.server.port();
	}

	/** Queues scripts for the next chat completion requests, in order. */
	public FakeUpstream enqueue(Script... scripts) {
		this.scripts.addAll(List.of(scripts));
		return this;
	}

	/**
	 * Queues scripts for the next requests that name {@code model}, before the general
	 * queue: for requests made in parallel (the columns of a compare) whose order is not
	 * known.
	 */
	public FakeUpstream enqueueFor(String model, Script... scripts) {
		this.scriptsByModel.computeIfAbsent(model, (key) -> new ConcurrentLinkedQueue<>()).addAll(List.of(scripts));
		return this;
	}

	/** How many enqueued scripts no request has taken yet. */
	public int pendingScripts() {
		return this.scripts.size();
	}

	/** Replaces the body of {@code GET /models}. */
	public FakeUpstream models(String json) {
		this.sideEndpoints.models(json);
		return this;
	}

	/**
	 * Replaces the body of {@code GET /key} (sent only to requests with a bearer key).
	 */
	public FakeUpstream key(String json) {
		return key(200, json);
	}

	/**
	 * Replaces the answer of {@code GET /key} to requests with a bearer key, e.g. a 401
	 * for a key OpenRouter no longer knows.
	 */
	public FakeUpstream key(int status, String json) {
		this.sideEndpoints.key(status, json);
		return this;
	}

	/**
	 * The next chat completion request not taken yet, waiting up to {@link #TIMEOUT} for
	 * it.
	 */
	public RecordedRequest takeRequest() {
		return takeRequest(TIMEOUT);
	}

	public RecordedRequest takeRequest(Duration timeout) {
		RecordedRequest request = Waiting.poll(this.chatRequests, timeout);
		if (request == null) {
			throw new AssertionError("No chat completion request reached the fake upstream within " + timeout.toMillis()
					+ " ms; all requests so far: " + this.requests);
		}
		return request;
	}

	/** Every request received so far, to any path, in arrival order. */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Waits until a client goes away in the middle of a script (before it finished or
	 * dropped), and returns that client's request. Each disconnect is returned once.
	 */
	public RecordedRequest awaitDisconnect() {
		return awaitDisconnect(TIMEOUT);
	}

	public RecordedRequest awaitDisconnect(Duration timeout) {
		RecordedRequest request = Waiting.poll(this.disconnects, timeout);
		if (request == null) {
			throw new AssertionError("No client disconnected within " + timeout.toMillis() + " ms");
		}
		return request;
	}

	/**
	 * Forgets scripts, requests and disconnects, restores the default side endpoints, and
	 * ends streams still playing (without counting them as disconnects), so a fake shared
	 * by several tests starts each one clean.
	 */
	public void reset() {
		this.playing.forEach(ScriptPlayer::abandon);
		this.scripts.clear();
		this.scriptsByModel.clear();
		this.requests.clear();
		this.chatRequests.clear();
		this.disconnects.clear();
		this.sideEndpoints.reset();
	}

	/**
	 * Closes every open connection, so no client is left waiting on a held stream, and
	 * stops.
	 */
	@Override
	public void close() {
		this.connections.forEach(Connection::dispose);
		this.server.disposeNow(TIMEOUT);
	}

	private void track(Connection connection) {
		this.connections.add(connection);
		connection.onDispose(() -> this.connections.remove(connection));
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.map((body) -> record(
					RecordedRequest.of(request.method().name(), request.uri(), request.requestHeaders(), body)))
			.flatMap((recorded) -> route(recorded, response));
	}

	private RecordedRequest record(RecordedRequest request) {
		this.requests.add(request);
		if (isChat(request)) {
			this.chatRequests.add(request);
		}
		return request;
	}

	private Mono<Void> route(RecordedRequest request, HttpServerResponse response) {
		if (isChat(request)) {
			return chat(request, response);
		}
		if ("GET".equals(request.method()) && request.path().equals(BASE_PATH + "/models")) {
			return this.sideEndpoints.models(request, response);
		}
		if ("GET".equals(request.method()) && request.path().equals(BASE_PATH + "/key")) {
			return this.sideEndpoints.key(request, response);
		}
		return sendJson(response, 404, Chunks.errorBody(404, "FakeUpstream does not serve " + request, Map.of()));
	}

	private Mono<Void> chat(RecordedRequest request, HttpServerResponse response) {
		Queue<Script> forModel = this.scriptsByModel.get(modelOf(request));
		Script script = (forModel != null && !forModel.isEmpty()) ? forModel.poll() : this.scripts.poll();
		if (script == null) {
			// Loud on purpose: the app shows this message, and the test log has it too.
			String message = "FakeUpstream has no Script enqueued for " + request
					+ "; call fake.enqueue(...) before the app calls upstream";
			return sendJson(response, 500, Chunks.errorBody(500, message, Map.of()));
		}
		ScriptPlayer player = new ScriptPlayer(script, response, () -> this.disconnects.add(request));
		this.playing.add(player);
		return player.play().doFinally((signal) -> this.playing.remove(player));
	}

	private static boolean isChat(RecordedRequest request) {
		return "POST".equals(request.method()) && request.path().equals(CHAT_COMPLETIONS);
	}

	static Mono<Void> sendJson(HttpServerResponse response, int status, String json) {
		return response.status(status).header("Content-Type", "application/json").sendString(Mono.just(json)).then();
	}

	private static String modelOf(RecordedRequest request) {
		try {
			JsonNode model = request.json().get("model");
			return (model != null) ? model.asString() : "";
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

}
