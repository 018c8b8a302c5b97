package dev.ponder.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The whole app on a random port, on an in-memory H2, talking to the one fake upstream
 * that the test run shares. Subclasses that keep these settings share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:app-test;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.idle-timeout=10s",
				"openrouter.first-byte-timeout=10s", "ponder.checkpoint-interval=200ms",
				// Each failure shows as itself; UpstreamRetryTest tries calls again.
				"openrouter.retry.max-attempts=0" })
public abstract class AppTestSupport {

	/** A key that looks real enough to be leaked by mistake: tests check it never is. */
	public static final String API_KEY = "sk-or-v1-test-0123456789abcdef";

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	/**
	 * How long a plain API call may take before the test gives up: a safety net, not a
	 * deadline; a first call on a loaded machine (six builds on two cores) took over 5 s.
	 */
	private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

	protected static final FakeUpstream upstream = SharedUpstream.get();

	protected static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		SharedUpstream.register(registry);
	}

	@BeforeEach
	void forgetEarlierScripts() {
		upstream.reset();
	}

	/**
	 * A plain HTTP client, as a script would use the API: no browser headers, no CSRF
	 * token.
	 */
	/**
	 * A client that reads whole bodies of up to 64 MB: an export of the database the
	 * tests share holds every test's conversations and files, well past WebClient's
	 * default 256 KB.
	 */
	protected WebClient client() {
		return WebClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
	}

	/** Posts JSON and reads the answer as Server-Sent Events. */
	protected Flux<ServerSentEvent<String>> postForEvents(String path, String json) {
		return client().post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(json)
			.retrieve()
			.bodyToFlux(SSE)
			.filter((event) -> event.event() != null);
	}

	protected Flux<ServerSentEvent<String>> getEvents(String path) {
		return client().get()
			.uri(path)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(SSE)
			.filter((event) -> event.event() != null);
	}

	/** Every event of a stream that must end by itself. */
	protected List<ServerSentEvent<String>> allEvents(Flux<ServerSentEvent<String>> events) {
		return events.collectList().block(Duration.ofSeconds(15));
	}

	protected UUID newConversation() {
		JsonNode created = json.readTree(client().post()
			.uri("/api/conversations")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.retrieve()
			.bodyToMono(String.class)
			.block(REPLY_TIMEOUT));
		return UUID.fromString(created.get("id").asString());
	}

	/** Sends a message with the default model and reasoning, and reads its events. */
	protected Flux<ServerSentEvent<String>> send(UUID conversation, String content) {
		return postForEvents("/api/conversations/" + conversation + "/messages",
				json.writeValueAsString(Map.of("content", content)));
	}

	/** The conversation as {@code GET /api/conversations/{id}} shows it. */
	protected JsonNode conversation(UUID id) {
		return json.readTree(client().get()
			.uri("/api/conversations/" + id)
			.retrieve()
			.bodyToMono(String.class)
			.block(REPLY_TIMEOUT));
	}

	/**
	 * Any request with an optional JSON body; the answer's status, type and JSON body,
	 * whatever the status.
	 */
	protected Reply exchange(HttpMethod method, String path, String body) {
		var request = client().method(method).uri(path).contentType(MediaType.APPLICATION_JSON);
		var spec = (body != null) ? request.bodyValue(body) : request;
		return spec
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("{}")
				.map((text) -> new Reply(response.statusCode().value(),
						response.headers().contentType().map(MediaType::toString).orElse(""), json.readTree(text))))
			.block(REPLY_TIMEOUT);
	}

	/** What an API call answered. */
	protected record Reply(int status, String contentType, JsonNode body) {
	}

	protected static JsonNode data(ServerSentEvent<String> event) {
		return json.readTree(event.data());
	}

	protected static ServerSentEvent<String> last(List<ServerSentEvent<String>> events) {
		return events.get(events.size() - 1);
	}

	/** The text of all events of one kind, joined, as a page would show it. */
	protected static String textOf(List<ServerSentEvent<String>> events, String name) {
		StringBuilder text = new StringBuilder();
		events.stream()
			.filter((event) -> name.equals(event.event()))
			.forEach((event) -> text.append(data(event).get("text").asString()));
		return text.toString();
	}

}
