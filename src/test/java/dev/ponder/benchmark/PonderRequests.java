package dev.ponder.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The requests of a streaming run, as a script would make them: conversations created
 * through Ponder's API, then a message sent to each and its answer read as events; or the
 * same completion asked straight from the upstream.
 */
final class PonderRequests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WebClient client;

	private final String ponder;

	PonderRequests(WebClient client, int ponderPort) {
		this.client = client;
		this.ponder = "http://127.0.0.1:" + ponderPort;
	}

	/**
	 * Creates conversations a few at a time, as fast as Ponder takes them; where Ponder
	 * failed to create one, the list holds {@code null}.
	 */
	List<UUID> newConversations(int count, Duration timeout) {
		return Flux.range(0, count)
			.flatMapSequential((i) -> this.client.post()
				.uri(this.ponder + "/api/conversations")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.retrieve()
				.bodyToMono(String.class)
				.map((body) -> Optional.of(UUID.fromString(json.readTree(body).get("id").asString())))
				.timeout(timeout)
				.onErrorReturn(Optional.empty()), 8)
			.collectList()
			.block(timeout.plusSeconds(30))
			.stream()
			.map((created) -> created.orElse(null))
			.toList();
	}

	/**
	 * Sends a message to the conversation, or nothing ({@code null}) if there is none.
	 */
	WebClient.RequestHeadersSpec<?> sendMessage(UUID conversation, int number) {
		if (conversation == null) {
			return null;
		}
		return this.client.post()
			.uri(this.ponder + "/api/conversations/" + conversation + "/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue("{\"content\":\"Benchmark question " + number + ": think it through.\"}");
	}

	/**
	 * Sends a message on this instance, reads its events only until {@code start} (then
	 * lets go: the answer runs on without a reader), and asks {@code other} for that
	 * answer's stream; nothing ({@code null}) if there is no conversation.
	 */
	Mono<WebClient.RequestHeadersSpec<?>> sendAndFollowOn(PonderRequests other, UUID conversation, int number) {
		WebClient.RequestHeadersSpec<?> send = sendMessage(conversation, number);
		if (send == null) {
			return null;
		}
		return send.retrieve()
			.bodyToFlux(AnswerStreams.SSE)
			.filter((event) -> "start".equals(event.event()))
			.next()
			.switchIfEmpty(Mono.error(new IllegalStateException("the first instance's stream ended without start")))
			.map((start) -> other.client.get()
				.uri(other.ponder + "/api/messages/" + json.readTree(start.data()).get("assistantMessageId").asString()
						+ "/stream")
				.accept(MediaType.TEXT_EVENT_STREAM));
	}

	/** What Ponder would have asked, sent straight to the upstream. */
	static WebClient.RequestHeadersSpec<?> askUpstream(WebClient client, StampingUpstream upstream, int number) {
		return client.post()
			.uri(upstream.baseUrl() + "/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header("Authorization", "Bearer sk-or-v1-benchmark")
			.bodyValue("{\"model\":\"deepseek/deepseek-r1\",\"stream\":true,\"reasoning\":{\"effort\":\"medium\"},"
					+ "\"messages\":[{\"role\":\"user\",\"content\":\"Benchmark question " + number
					+ ": think it through.\"}]}");
	}

}
