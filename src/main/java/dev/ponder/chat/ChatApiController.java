package dev.ponder.chat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ponder.conversation.Turn;

/**
 * The streaming API: send a message (to one model, through a relay, or to several side by
 * side) and receive its answer as Server-Sent Events, regenerate and edit, attach to an
 * answer, stop.
 */
@RestController
@RequestMapping("/api")
class ChatApiController {

	/**
	 * A comment now and then keeps proxies from closing a stream while the model thinks
	 * quietly.
	 */
	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
	};

	private final ChatService chat;

	private final JsonMapper jsonMapper;

	ChatApiController(ChatService chat, JsonMapper jsonMapper) {
		this.chat = chat;
		this.jsonMapper = jsonMapper;
	}

	@PostMapping(path = "/conversations/{conversationId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Flux<ServerSentEvent<Object>>> send(@PathVariable UUID conversationId,
			@Valid @RequestBody SendMessageRequest request) {
		if (request.compare() != null) {
			return stream(columns(this.chat.compare(conversationId, request)));
		}
		return stream(named(this.chat.send(conversationId, request).events()));
	}

	@PostMapping(path = "/messages/{answerId}/regenerate", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Flux<ServerSentEvent<Object>>> regenerate(@PathVariable UUID answerId,
			@Valid @RequestBody(required = false) RegenerateRequest request) {
		return stream(named(this.chat
			.regenerate(answerId, (request != null) ? request : new RegenerateRequest(null, null, null, null, null))
			.events()));
	}

	@PostMapping(path = "/messages/{questionId}/edit", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Flux<ServerSentEvent<Object>>> edit(@PathVariable UUID questionId,
			@Valid @RequestBody SendMessageRequest request) {
		return stream(named(this.chat.edit(questionId, request).events()));
	}

	@GetMapping("/messages/{messageId}/stream")
	ResponseEntity<Flux<ServerSentEvent<Object>>> attach(@PathVariable UUID messageId) {
		return stream(named(this.chat.attach(messageId)));
	}

	/**
	 * Stops an answer; given a question, stops every answer to it (all columns of a
	 * compare).
	 */
	@PostMapping("/messages/{messageId}/stop")
	ResponseEntity<Void> stop(@PathVariable UUID messageId) {
		return this.chat.stop(messageId) ? ResponseEntity.accepted().build() : ResponseEntity.noContent().build();
	}

	private static Flux<ServerSentEvent<Object>> named(Flux<GenerationEvent> events) {
		return events.map((event) -> ServerSentEvent.<Object>builder(event).event(event.name()).build());
	}

	/**
	 * The columns of a compare, interleaved as they arrive: each event names its column,
	 * its answer and its model, so that a reader can tell them apart.
	 */
	private Flux<ServerSentEvent<Object>> columns(List<StartedAnswer> answers) {
		return Flux.merge(IntStream.range(0, answers.size()).mapToObj((column) -> {
			Turn turn = answers.get(column).turn();
			return answers.get(column).events().map((event) -> {
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("column", column);
				data.put("messageId", turn.assistantMessageId());
				data.put("model", turn.model());
				data.putAll(this.jsonMapper.convertValue(event, FIELDS));
				return ServerSentEvent.<Object>builder(data).event(event.name()).build();
			});
		}).toList());
	}

	private static ResponseEntity<Flux<ServerSentEvent<Object>>> stream(Flux<ServerSentEvent<Object>> events) {
		Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(KEEP_ALIVE)
			.map((tick) -> ServerSentEvent.<Object>builder().comment("keep-alive").build());
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			// Tells nginx not to buffer the stream, which would hold every token until
			// the end.
			.header("X-Accel-Buffering", "no")
			.body(events.publish((shared) -> Flux.merge(shared, keepAlive.takeUntilOther(shared.then()))));
	}

}
