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
		if (!this.client.isConfigured()) {
			throw new UpstreamException.MissingKey();
		}
		String model = (request.model() != null && !request.model().isBlank()) ? request.model()
				: this.properties.defaultModel();
		ReasoningOptions reasoning = (request.reasoning() != null) ? request.reasoning()
				: new ReasoningOptions(null, null, null);
		String defaultEffort = this.properties.defaultEffort();
		Turn turn = this.messages.beginTurn(conversationId, request.content(), model, reasoning.label(defaultEffort));
		List<ChatRequest.ChatMessage> history = turn.history()
			.stream()
			.map((entry) -> new ChatRequest.ChatMessage(entry.role().wireName(), entry.content()))
			.toList();
		this.registry.start(turn, model,
				this.client.stream(ChatRequest.streaming(model, history, reasoning.toRequest(defaultEffort))));
		return turn;
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
