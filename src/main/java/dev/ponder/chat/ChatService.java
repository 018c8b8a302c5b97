package dev.ponder.chat;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

import dev.ponder.PonderProperties;
import dev.ponder.conversation.MessageService;
import dev.ponder.conversation.NotFoundException;
import dev.ponder.conversation.Turn;
import dev.ponder.openrouter.ChatRequest;
import dev.ponder.openrouter.OpenRouterClient;
import dev.ponder.openrouter.ReasoningRequest;
import dev.ponder.openrouter.UpstreamException;

/**
 * Sends a person's message: stores it, starts the answer upstream, and gives access to
 * the answer's events while it runs and after.
 */
@Service
public class ChatService {

	private final MessageService messages;

	private final OpenRouterClient client;

	private final GenerationRegistry registry;

	private final AnswerRecorder recorder;

	private final PonderProperties properties;

	ChatService(MessageService messages, OpenRouterClient client, GenerationRegistry registry, AnswerRecorder recorder,
			PonderProperties properties) {
		this.messages = messages;
		this.client = client;
		this.registry = registry;
		this.recorder = recorder;
		this.properties = properties;
	}

	/**
	 * Stores the message and starts its answer. Refused before anything is stored when no
	 * key is set, so that the person keeps their text in the composer instead of a failed
	 * answer.
	 */
	public Turn send(UUID conversationId, SendMessageRequest request) {
		requireKey();
		ReasoningOptions reasoning = reasoning(request.reasoning());
		return start(this.messages.beginTurn(conversationId, request.content(), model(request.model()),
				reasoning.label(this.properties.defaultEffort())), reasoning);
	}

	/**
	 * Answers the same question again, beside the earlier answer, with the same or
	 * another model.
	 */
	public Turn regenerate(UUID answerId, RegenerateRequest request) {
		requireKey();
		ReasoningOptions reasoning = reasoning(request.reasoning());
		return start(this.messages.beginRegeneration(answerId, blankToNull(request.model()),
				reasoning.label(this.properties.defaultEffort())), reasoning);
	}

	/**
	 * Asks an edited version of a question, beside the original, and starts its answer.
	 */
	public Turn edit(UUID questionId, SendMessageRequest request) {
		requireKey();
		ReasoningOptions reasoning = reasoning(request.reasoning());
		return start(this.messages.beginEdit(questionId, request.content(), model(request.model()),
				reasoning.label(this.properties.defaultEffort())), reasoning);
	}

	private Turn start(Turn turn, ReasoningOptions reasoning) {
		List<ChatRequest.ChatMessage> history = turn.history()
			.stream()
			.map((entry) -> new ChatRequest.ChatMessage(entry.role().wireName(), entry.content()))
			.toList();
		ReasoningRequest request = reasoning.toRequest(this.properties.defaultEffort());
		this.registry.start(turn, turn.model(),
				this.client.stream(ChatRequest.streaming(turn.model(), history, request)));
		return turn;
	}

	private void requireKey() {
		if (!this.client.isConfigured()) {
			throw new UpstreamException.MissingKey();
		}
	}

	private String model(String requested) {
		String model = blankToNull(requested);
		return (model != null) ? model : this.properties.defaultModel();
	}

	private static ReasoningOptions reasoning(ReasoningOptions requested) {
		return (requested != null) ? requested : new ReasoningOptions(null, null, null);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * The events of an answer: live while it runs, replayed from storage once it has
	 * ended.
	 */
	public Flux<GenerationEvent> events(UUID messageId) {
		return this.registry.attach(messageId)
			.orElseGet(() -> this.messages.find(messageId)
				.filter((message) -> message.isAssistant())
				.map(this.recorder::replay)
				.orElseThrow(() -> NotFoundException.message(messageId)));
	}

	/**
	 * Stops a running answer; {@code false} when it had already ended.
	 */
	public boolean stop(UUID messageId) {
		if (this.registry.stop(messageId)) {
			return true;
		}
		this.messages.find(messageId)
			.filter((message) -> message.isAssistant())
			.orElseThrow(() -> NotFoundException.message(messageId));
		return false;
	}

}
