package dev.ponder.chat;

import java.time.Duration;
import java.util.UUID;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;

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
 * The streaming API: send a message and receive its answer as Server-Sent Events, attach
 * to an answer, stop one.
 */
@RestController
@RequestMapping("/api")
class ChatApiController {

	/**
	 * A comment now and then keeps proxies from closing a stream while the model thinks
	 * quietly.
	 */
	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	private final ChatService chat;

	ChatApiController(ChatService chat) {
		this.chat = chat;
	}

	@PostMapping(path = "/conversations/{conversationId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Flux<ServerSentEvent<GenerationEvent>>> send(@PathVariable UUID conversationId,
			@Valid @RequestBody SendMessageRequest request) {
		Turn turn = this.chat.send(conversationId, request);
		return stream(this.chat.events(turn.assistantMessageId()));
	}

	@PostMapping(path = "/messages/{answerId}/regenerate", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Flux<ServerSentEvent<GenerationEvent>>> regenerate(@PathVariable UUID answerId,
			@Valid @RequestBody(required = false) RegenerateRequest request) {
		Turn turn = this.chat.regenerate(answerId, (request != null) ? request : new RegenerateRequest(null, null));
		return stream(this.chat.events(turn.assistantMessageId()));
	}

	@PostMapping(path = "/messages/{questionId}/edit", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Flux<ServerSentEvent<GenerationEvent>>> edit(@PathVariable UUID questionId,
			@Valid @RequestBody SendMessageRequest request) {
		Turn turn = this.chat.edit(questionId, request);
		return stream(this.chat.events(turn.assistantMessageId()));
	}

	@GetMapping("/messages/{messageId}/stream")
	ResponseEntity<Flux<ServerSentEvent<GenerationEvent>>> attach(@PathVariable UUID messageId) {
		return stream(this.chat.events(messageId));
	}

	@PostMapping("/messages/{messageId}/stop")
	ResponseEntity<Void> stop(@PathVariable UUID messageId) {
		return this.chat.stop(messageId) ? ResponseEntity.accepted().build() : ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Flux<ServerSentEvent<GenerationEvent>>> stream(Flux<GenerationEvent> events) {
		Flux<ServerSentEvent<GenerationEvent>> named = events
			.map((event) -> ServerSentEvent.<GenerationEvent>builder(event).event(event.name()).build());
		Flux<ServerSentEvent<GenerationEvent>> keepAlive = Flux.interval(KEEP_ALIVE)
			.map((tick) -> ServerSentEvent.<GenerationEvent>builder().comment("keep-alive").build());
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			// Tells nginx not to buffer the stream, which would hold every token until
			// the end.
			.header("X-Accel-Buffering", "no")
			.body(named.publish((shared) -> Flux.merge(shared, keepAlive.takeUntilOther(shared.then()))));
	}

}
