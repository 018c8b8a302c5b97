package dev.ponder.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.awaitility.Awaitility.await;

/**
 * A script reading one answer's Server-Sent Events in the background, as they come: what
 * it has so far, the text they add up to, and whether the stream ended.
 */
public final class SseReader implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private final List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();

	private volatile boolean ended;

	private volatile Throwable failure;

	private final Disposable reading;

	private SseReader(Flux<ServerSentEvent<String>> stream) {
		this.reading = stream.filter((event) -> event.event() != null).subscribe(this.events::add, (error) -> {
			this.failure = error;
			this.ended = true;
		}, () -> this.ended = true);
	}

	/** Posts JSON to {@code path} on the Ponder at {@code port} and reads the answer. */
	public static SseReader post(int port, String path, String body) {
		return new SseReader(client(port).post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToFlux(SSE));
	}

	/** Attaches to {@code path} with these request headers (such as Last-Event-ID). */
	public static SseReader get(int port, String path, Map<String, String> headers) {
		return new SseReader(
				client(port).get().uri(path).headers((all) -> headers.forEach(all::add)).retrieve().bodyToFlux(SSE));
	}

	private static WebClient client(int port) {
		return WebClient.builder().baseUrl("http://127.0.0.1:" + port).build();
	}

	public List<ServerSentEvent<String>> events() {
		return List.copyOf(this.events);
	}

	/** Waits until an event of this name arrived, and returns the first one. */
	public ServerSentEvent<String> awaitEvent(String name) {
		return awaitEvent(name, Duration.ofSeconds(20));
	}

	public ServerSentEvent<String> awaitEvent(String name, Duration timeout) {
		await().atMost(timeout).until(() -> this.events.stream().anyMatch((e) -> name.equals(e.event())));
		return this.events.stream().filter((e) -> name.equals(e.event())).findFirst().orElseThrow();
	}

	/** Waits until the stream ended, and returns its last event. */
	public ServerSentEvent<String> awaitEnd(Duration timeout) {
		await().atMost(timeout).until(() -> this.ended);
		if (this.failure != null) {
			throw new AssertionError("The stream failed after " + this.events, this.failure);
		}
		return this.events.get(this.events.size() - 1);
	}

	/** The reasoning the events add up to, as a page shows it. */
	public String reasoning() {
		return text("reasoning");
	}

	/** The answer the events add up to, as a page shows it. */
	public String content() {
		return text("content");
	}

	private String text(String kind) {
		return textAfter("", this.events, kind);
	}

	/**
	 * The text of one kind a page shows after these events, starting from what it showed:
	 * deltas append, a snapshot replaces.
	 */
	public static String textAfter(String shown, List<ServerSentEvent<String>> events, String kind) {
		StringBuilder text = new StringBuilder(shown);
		for (ServerSentEvent<String> event : events) {
			if ("snapshot".equals(event.event())) {
				text.setLength(0);
				text.append(data(event).get(kind).asString());
			}
			else if (kind.equals(event.event())) {
				text.append(data(event).get("text").asString());
			}
		}
		return text.toString();
	}

	public static JsonNode data(ServerSentEvent<String> event) {
		return json.readTree(event.data());
	}

	@Override
	public void close() {
		this.reading.dispose();
	}

}
