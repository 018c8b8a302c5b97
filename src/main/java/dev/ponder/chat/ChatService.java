package dev.ponder.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

import dev.ponder.PonderProperties;
import dev.ponder.catalog.CatalogModel;
import dev.ponder.catalog.ModelCatalog;
import dev.ponder.conversation.AnswerParameters;
import dev.ponder.conversation.AnswerSpec;
import dev.ponder.conversation.ConversationPatch;
import dev.ponder.conversation.ConversationService;
import dev.ponder.conversation.MessageService;
import dev.ponder.conversation.MessageStatus;
import dev.ponder.conversation.MessageView;
import dev.ponder.conversation.NotFoundException;
import dev.ponder.conversation.Turn;
import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;
import dev.ponder.upstream.ChatRequest;
import dev.ponder.upstream.ChatRequest.ChatMessage;
import dev.ponder.upstream.UpstreamClient;
import dev.ponder.upstream.ReasoningRequest;
import dev.ponder.upstream.UpstreamClients;
import dev.ponder.upstream.UpstreamEvent;
import dev.ponder.upstream.UpstreamException;
import dev.ponder.relay.RelayPrompt;

/**
 * Sends a person's message: stores it, starts its answer upstream (one model, a relay
 * from a thinking model into an answering one, or several side by side), and gives access
 * to the answer's events while it runs and after.
 */
@Service
public class ChatService {

	/**
	 * The answerer of a relay has its reasoning handed to it: its own, if any, stays out
	 * of the panel.
	 */
	private static final ReasoningRequest ANSWERER_REASONING = new ReasoningRequest(null, null, true);

	private final MessageService messages;

	private final UpstreamClients clients;

	private final GenerationRegistry registry;

	private final AnswerRecorder recorder;

	private final RelayPrompt relayPrompt;

	private final PonderProperties properties;

	private final ConversationService conversations;

	private final ModelCatalog catalog;

	ChatService(MessageService messages, UpstreamClients clients, GenerationRegistry registry, AnswerRecorder recorder,
			RelayPrompt relayPrompt, PonderProperties properties, ConversationService conversations,
			ModelCatalog catalog) {
		this.conversations = conversations;
		this.catalog = catalog;
		this.messages = messages;
		this.clients = clients;
		this.registry = registry;
		this.recorder = recorder;
		this.relayPrompt = relayPrompt;
		this.properties = properties;
	}

	/**
	 * Stores the message and starts its answer on the endpoint it names. Refused before
	 * anything is stored when the endpoint is unknown or has no key, so that the person
	 * keeps their text in the composer instead of a failed answer. A system prompt in the
	 * request becomes the conversation's before the message is sent.
	 */
	public StartedAnswer send(UUID conversationId, SendMessageRequest request) {
		String endpoint = endpoint(request.endpoint());
		ReasoningOptions reasoning = reasoning(request.reasoning());
		String model = model(request.model(), endpoint);
		changeSystemPrompt(conversationId, request);
		Turn turn = this.messages.beginTurn(conversationId, request.content(),
				spec(model, reasoning, request.relay(), endpoint, request.parameters()));
		return start(turn, reasoning, request.relay());
	}

	/**
	 * Stores the message and starts one answer per column, side by side, all at once;
	 * each column may name its own endpoint. The request's parameters apply to every
	 * column.
	 */
	public List<StartedAnswer> compare(UUID conversationId, SendMessageRequest request) {
		List<CompareColumn> columns = request.compare();
		List<AnswerSpec> specs = columns.stream().map((column) -> {
			String endpoint = endpoint((column.endpoint() != null) ? column.endpoint() : request.endpoint());
			return spec(model(column.model(), endpoint), reasoning(column.reasoning()), column.relay(), endpoint,
					request.parameters());
		}).toList();
		changeSystemPrompt(conversationId, request);
		List<Turn> turns = this.messages.beginCompare(conversationId, request.content(), specs);
		List<StartedAnswer> started = new ArrayList<>();
		for (int i = 0; i < turns.size(); i++) {
			started.add(start(turns.get(i), reasoning(columns.get(i).reasoning()), columns.get(i).relay()));
		}
		return started;
	}

	/**
	 * Answers the same question again, beside the earlier answer, with the same or
	 * another model; with {@code reuseReasoning}, a relayed answer is written again from
	 * the reasoning already stored, without paying for the thinking twice. Without
	 * parameters named, the earlier answer's are asked again.
	 */
	public StartedAnswer regenerate(UUID answerId, RegenerateRequest request) {
		// Without an endpoint named, the answer is asked again where it was asked before.
		String model = blankToNull(request.model());
		String endpoint = endpoint((request.endpoint() != null) ? request.endpoint()
				: this.messages.visible(answerId).map(MessageView::endpoint).orElse(null));
		if (Boolean.TRUE.equals(request.reuseReasoning())) {
			return answerAgainFromStoredReasoning(answerId, request, endpoint);
		}
		ReasoningOptions reasoning = reasoning(request.reasoning());
		Turn turn = this.messages.beginRegeneration(answerId,
				spec(model, reasoning, request.relay(), endpoint, request.parameters()));
		return start(turn, reasoning, request.relay());
	}

	/**
	 * Asks an edited version of a question, beside the original, and starts its answer.
	 */
	public StartedAnswer edit(UUID questionId, SendMessageRequest request) {
		String endpoint = endpoint(request.endpoint());
		ReasoningOptions reasoning = reasoning(request.reasoning());
		Turn turn = this.messages.beginEdit(questionId, request.content(),
				spec(model(request.model(), endpoint), reasoning, request.relay(), endpoint, request.parameters()));
		return start(turn, reasoning, request.relay());
	}

	private StartedAnswer answerAgainFromStoredReasoning(UUID answerId, RegenerateRequest request, String endpoint) {
		MessageView earlier = this.messages.visible(answerId)
			.filter(MessageView::isAssistant)
			.orElseThrow(() -> NotFoundException.message(answerId));
		if (earlier.relay() == null || earlier.reasoning().isBlank()) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST,
					"Only a relayed answer whose reasoning arrived can be answered again without thinking again.");
		}
		String thinker = earlier.relay().thinkerModel();
		Turn turn = this.messages.beginRegeneration(answerId, new AnswerSpec(blankToNull(request.model()),
				earlier.reasoningAsked(), thinker, endpoint, request.parameters()));
		List<ChatMessage> history = history(turn);
		return new StartedAnswer(turn,
				this.registry.startRelay(turn,
						new RelayRun(thinker, turn.model(), Flux.just(new UpstreamEvent.Reasoning(earlier.reasoning())),
								(reasoning) -> answerer(turn, history, reasoning))));
	}

	/** Starts the answer on the turn's endpoint; a relay's thinker is asked there too. */
	private StartedAnswer start(Turn turn, ReasoningOptions reasoning, RelayOptions relay) {
		List<ChatMessage> history = history(turn);
		String defaultEffort = this.properties.defaultEffort();
		UpstreamClient client = this.clients.client(turn.endpoint());
		if (relay == null) {
			ChatRequest request = ChatRequest.streaming(turn.model(), withSystemPrompt(turn, history),
					reasoning.toRequest(defaultEffort));
			return new StartedAnswer(turn,
					this.registry.start(turn, turn.model(), client.stream(sampled(request, turn))));
		}
		// The sampling parameters shape the answer, so they go to the answerer only: the
		// thinker's budget is its reasoning setting.
		Flux<UpstreamEvent> thinker = client
			.stream(ChatRequest.streaming(relay.thinker(), this.relayPrompt.forThinker(turn.systemPrompt(), history),
					relay.thinkerReasoning().toRequest(defaultEffort)));
		return new StartedAnswer(turn, this.registry.startRelay(turn,
				new RelayRun(relay.thinker(), turn.model(), thinker, (thoughts) -> answerer(turn, history, thoughts))));
	}

	private Flux<UpstreamEvent> answerer(Turn turn, List<ChatMessage> history, String reasoning) {
		return this.clients.client(turn.endpoint())
			.stream(sampled(
					ChatRequest.streaming(turn.model(),
							this.relayPrompt.forAnswerer(turn.systemPrompt(), history, reasoning), ANSWERER_REASONING),
					turn));
	}

	/** The conversation's system prompt, if it has one, first, then the history. */
	private static List<ChatMessage> withSystemPrompt(Turn turn, List<ChatMessage> history) {
		if (turn.systemPrompt() == null) {
			return history;
		}
		List<ChatMessage> messages = new ArrayList<>();
		messages.add(new ChatMessage("system", turn.systemPrompt()));
		messages.addAll(history);
		return messages;
	}

	/**
	 * The request with the turn's sampling parameters, those the model takes: a model its
	 * endpoint does not list is sent all that was asked.
	 */
	private ChatRequest sampled(ChatRequest request, Turn turn) {
		AnswerParameters sent = turn.parameters().only(taken(turn.endpoint(), turn.model()));
		return request.withSampling(sent.temperature(), sent.topP(), sent.maxTokens(), sent.seed());
	}

	/** The parameters a model takes, by wire name; all of them for a model not listed. */
	private List<String> taken(String endpoint, String model) {
		return this.catalog.find(endpoint, model)
			.map(CatalogModel::parameters)
			.orElse(CatalogModel.SAMPLING_PARAMETERS);
	}

	/** The request's system prompt, if it has one, becomes the conversation's. */
	private void changeSystemPrompt(UUID conversationId, SendMessageRequest request) {
		if (request.systemPrompt() != null) {
			this.conversations.update(conversationId, ConversationPatch.systemPrompt(request.systemPrompt()));
		}
	}

	private static List<ChatMessage> history(Turn turn) {
		return new ArrayList<>(turn.history()
			.stream()
			.map((entry) -> new ChatMessage(entry.role().wireName(), entry.content()))
			.toList());
	}

	/**
	 * What is stored of the request: for a relay, the effort is the thinker's; of the
	 * parameters, those the model takes, so that the answer says what it was sent.
	 */
	private AnswerSpec spec(String model, ReasoningOptions reasoning, RelayOptions relay, String endpoint,
			AnswerParameters parameters) {
		String defaultEffort = this.properties.defaultEffort();
		AnswerParameters taken = (parameters != null && model != null) ? parameters.only(taken(endpoint, model))
				: parameters;
		return (relay != null) ? new AnswerSpec(model, relay.thinkerReasoning().setting(defaultEffort), relay.thinker(),
				endpoint, taken) : new AnswerSpec(model, reasoning.setting(defaultEffort), null, endpoint, taken);
	}

	/**
	 * The endpoint to send to (the default one when none is named), once it is known to
	 * exist and to have the key it needs.
	 */
	private String endpoint(String requested) {
		String endpoint = blankToNull(requested);
		String name = (endpoint != null) ? endpoint : this.properties.defaultEndpoint();
		if (!this.clients.client(name).isConfigured()) {
			throw new UpstreamException.MissingKey();
		}
		return name;
	}

	/**
	 * The default model belongs to the default endpoint: another endpoint must be told
	 * which of its models to use.
	 */
	private String model(String requested, String endpoint) {
		String model = blankToNull(requested);
		if (model != null) {
			return model;
		}
		if (!endpoint.equals(this.properties.defaultEndpoint())) {
			throw new MissingModelException(endpoint);
		}
		return this.properties.defaultModel();
	}

	private static ReasoningOptions reasoning(ReasoningOptions requested) {
		return (requested != null) ? requested : new ReasoningOptions(null, null, null);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * The events of an answer the person asking may see, live while it runs (what arrived
	 * so far, then the rest), replayed from storage once it has ended. Another person's
	 * answer is as unknown as one that never existed. A reader that reconnects to a
	 * running answer, naming the last event it had, gets only what came after (or a
	 * snapshot that replaces what it had).
	 */
	public Flux<AnswerEvent> attach(UUID messageId, long afterEvent) {
		MessageView answer = this.messages.visible(messageId)
			.filter(MessageView::isAssistant)
			.orElseThrow(() -> NotFoundException.message(messageId));
		Optional<Flux<AnswerEvent>> live;
		try {
			live = this.registry.attach(messageId);
		}
		catch (LiveAnswersUnavailableException ex) {
			if (answer.status() == MessageStatus.STREAMING) {
				throw ex;
			}
			live = Optional.empty();
		}
		// A stored answer is replayed whole, its snapshot replacing what the reader had;
		// read again once it has ended: it may have ended since it was checked.
		return live.map((events) -> events.filter((event) -> event.sequence() > afterEvent || event.event().ends()))
			.orElseGet(() -> this.messages.find(messageId)
				.map(this.recorder::replay)
				.orElseThrow(() -> NotFoundException.message(messageId)));
	}

	/**
	 * Stops a running answer, or, given a question, every answer to it still running (all
	 * the columns of a compare); {@code false} when nothing was running.
	 */
	public boolean stop(UUID messageId) {
		MessageView message = this.messages.visible(messageId).orElseThrow(() -> NotFoundException.message(messageId));
		if (message.isAssistant()) {
			return this.registry.stop(messageId);
		}
		boolean stopped = false;
		for (UUID answer : this.messages.answersTo(messageId)) {
			stopped |= this.registry.stop(answer);
		}
		return stopped;
	}

}
