package dev.ponder.chat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.ponder.conversation.Turn;

/**
 * The streaming API: send a message (to one model, through a relay, or to several side by
 * side) and receive its answer as Server-Sent Events, regenerate and edit, attach to an
 * answer, stop.
 */
@RestController
@RequestMapping("/api")
class ChatApiController {

	private final ChatService chat;

	private final SseStreams streams;

	private final JsonMapper jsonMapper;

	private final PresetDefaults presets;

	ChatApiController(ChatService chat, SseStreams streams, JsonMapper jsonMapper, PresetDefaults presets) {
		this.chat = chat;
		this.streams = streams;
		this.jsonMapper = jsonMapper;
		this.presets = presets;
	}

	@PostMapping(path = "/conversations/{conversationId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SseEmitter> send(@PathVariable UUID conversationId, @Valid @RequestBody SendMessageRequest asked) {
		List<StartedAnswer> answers = this.chat.ask(conversationId, asked);
		return this.streams.open((answers.size() > 1) ? columns(answers) : frames(answers.get(0).events()));
	}

	@PostMapping(path = "/messages/{answerId}/regenerate", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SseEmitter> regenerate(@PathVariable UUID answerId,
			@Valid @RequestBody(required = false) RegenerateRequest request) {
		return this.streams.open(frames(this.chat
			.regenerate(answerId, (request != null) ? request : new RegenerateRequest(null, null, null, null, null))
			.events()));
	}

	@PostMapping(path = "/messages/{questionId}/edit", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SseEmitter> edit(@PathVariable UUID questionId, @Valid @RequestBody SendMessageRequest request) {
		return this.streams.open(frames(this.chat.edit(questionId, this.presets.forSend(request)).events()));
	}

	/**
	 * Follows an answer; a reader that reconnects sends the id of the last event it had
	 * ({@code Last-Event-ID}, as browsers' EventSource does) and resumes after it.
	 */
	@GetMapping("/messages/{messageId}/stream")
	ResponseEntity<SseEmitter> attach(@PathVariable UUID messageId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		return this.streams.open(frames(this.chat.attach(messageId, sequence(lastEventId))));
	}

	/** An id this server did not send (none, or not a number) resumes nothing. */
	private static long sequence(String lastEventId) {
		if (lastEventId == null || !lastEventId.strip().matches("\\d{1,18}")) {
			return -1;
		}
		return Long.parseLong(lastEventId.strip());
	}

	/**
	 * Stops an answer; given a question, stops every answer to it (all columns of a
	 * compare).
	 */
	@PostMapping("/messages/{messageId}/stop")
	ResponseEntity<Void> stop(@PathVariable UUID messageId) {
		return this.chat.stop(messageId) ? ResponseEntity.accepted().build() : ResponseEntity.noContent().build();
	}

	/** Each event named by its kind and numbered by its place in the answer. */
	private Flux<SseFrame> frames(Flux<AnswerEvent> events) {
		return events.map((event) -> SseFrame.event(event.sequence(), event.name(), event.json(this.jsonMapper)));
	}

	/**
	 * The columns of a compare, interleaved as they arrive: each event names its column,
	 * its answer and its model, so that a reader can tell them apart. Their numbers
	 * belong to each column's own answer, so the merged stream carries none.
	 */
	private Flux<SseFrame> columns(List<StartedAnswer> answers) {
		return Flux.merge(IntStream.range(0, answers.size()).mapToObj((column) -> {
			Turn turn = answers.get(column).turn();
			return answers.get(column)
				.events()
				.map((event) -> SseFrame.event(null, event.name(), this.jsonMapper.writeValueAsString(
						new ColumnEvent(column, turn.assistantMessageId(), turn.model(), event.event()))));
		}).toList());
	}

	/** An event of one column of a compare: the event's fields after the column's. */
	record ColumnEvent(int column, UUID messageId, String model, @JsonUnwrapped GenerationEvent event) {
	}

}
