package dev.ponder.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

import dev.ponder.PonderProperties;
import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;
import dev.ponder.conversation.AnswerSpec;
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

	private final AttachmentService attachments;

	private final ImageGate imageGate;

	private final UpstreamMessages upstreamMessages;

	ChatService(MessageService messages, UpstreamClients clients, GenerationRegistry registry, AnswerRecorder recorder,
			RelayPrompt relayPrompt, PonderProperties properties, AttachmentService attachments, ImageGate imageGate,
			UpstreamMessages upstreamMessages) {
		this.attachments = attachments;
		this.imageGate = imageGate;
		this.upstreamMessages = upstreamMessages;
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
	 * keeps their text in the composer instead of a failed answer. So are files that are
	 * not the person's, too many, or images for a model that cannot read them.
	 */
	public StartedAnswer send(UUID conversationId, SendMessageRequest request) {
		String endpoint = endpoint(request.endpoint());
		ReasoningOptions reasoning = reasoning(request.reasoning());
		String model = model(request.model(), endpoint);
		checkFiles(conversationId, request, List.of(new Reader(endpoint, model, request.relay())));
		Turn turn = this.messages.beginTurn(conversationId, request.content(),
				spec(model, reasoning, request.relay(), endpoint), request.attachmentIds());
		return start(turn, reasoning, request.relay());
	}

	/** The model that answers, and the thinker of a relay: both read the files. */
	private record Reader(String endpoint, String model, RelayOptions relay) {
	}

	private void checkFiles(UUID conversationId, SendMessageRequest request, List<Reader> readers) {
		List<AttachmentView> files = this.attachments.sendable(conversationId, request.attachmentIds());
		for (Reader reader : readers) {
			this.imageGate.check(reader.endpoint(), reader.model(), files);
			if (reader.relay() != null) {
				this.imageGate.check(reader.endpoint(), reader.relay().thinker(), files);
			}
		}
	}

	/**
	 * Stores the message and starts one answer per column, side by side, all at once;
	 * each column may name its own endpoint.
	 */
	public List<StartedAnswer> compare(UUID conversationId, SendMessageRequest request) {
		List<CompareColumn> columns = request.compare();
		List<Reader> readers = new ArrayList<>();
		List<AnswerSpec> specs = columns.stream().map((column) -> {
			String endpoint = endpoint((column.endpoint() != null) ? column.endpoint() : request.endpoint());
			String model = model(column.model(), endpoint);
			readers.add(new Reader(endpoint, model, column.relay()));
			return spec(model, reasoning(column.reasoning()), column.relay(), endpoint);
		}).toList();
		checkFiles(conversationId, request, readers);
		List<Turn> turns = this.messages.beginCompare(conversationId, request.content(), specs,
				request.attachmentIds());
		List<StartedAnswer> started = new ArrayList<>();
		for (int i = 0; i < turns.size(); i++) {
			started.add(start(turns.get(i), reasoning(columns.get(i).reasoning()), columns.get(i).relay()));
		}
		return started;
	}

	/**
	 * Answers the same question again, beside the earlier answer, with the same or
	 * another model; with {@code reuseReasoning}, a relayed answer is written again from
	 * the reasoning already stored, without paying for the thinking twice.
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
		Turn turn = this.messages.beginRegeneration(answerId, spec(model, reasoning, request.relay(), endpoint));
		return start(turn, reasoning, request.relay());
	}

	/**
	 * Asks an edited version of a question, beside the original, and starts its answer.
	 */
	public StartedAnswer edit(UUID questionId, SendMessageRequest request) {
		String endpoint = endpoint(request.endpoint());
		ReasoningOptions reasoning = reasoning(request.reasoning());
		String model = model(request.model(), endpoint);
		UUID conversationId = this.messages.visible(questionId).map(MessageView::conversationId).orElse(null);
		checkFiles(conversationId, request, List.of(new Reader(endpoint, model, request.relay())));
		Turn turn = this.messages.beginEdit(questionId, request.content(),
				spec(model, reasoning, request.relay(), endpoint), request.attachmentIds());
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
		Turn turn = this.messages.beginRegeneration(answerId,
				new AnswerSpec(blankToNull(request.model()), earlier.reasoningAsked(), thinker, endpoint));
		List<ChatMessage> history = history(turn, turn.model());
		return new StartedAnswer(turn,
				this.registry.startRelay(turn,
						new RelayRun(thinker, turn.model(), Flux.just(new UpstreamEvent.Reasoning(earlier.reasoning())),
								(reasoning) -> answerer(turn, history, reasoning))));
	}

	/** Starts the answer on the turn's endpoint; a relay's thinker is asked there too. */
	private StartedAnswer start(Turn turn, ReasoningOptions reasoning, RelayOptions relay) {
		List<ChatMessage> history = history(turn, turn.model());
		String defaultEffort = this.properties.defaultEffort();
		UpstreamClient client = this.clients.client(turn.endpoint());
		if (relay == null) {
			return new StartedAnswer(turn, this.registry.start(turn, turn.model(),
					client.stream(ChatRequest.streaming(turn.model(), history, reasoning.toRequest(defaultEffort)))));
		}
		Flux<UpstreamEvent> thinker = client
			.stream(ChatRequest.streaming(relay.thinker(), this.relayPrompt.forThinker(history(turn, relay.thinker())),
					relay.thinkerReasoning().toRequest(defaultEffort)));
		return new StartedAnswer(turn, this.registry.startRelay(turn,
				new RelayRun(relay.thinker(), turn.model(), thinker, (thoughts) -> answerer(turn, history, thoughts))));
	}

	private Flux<UpstreamEvent> answerer(Turn turn, List<ChatMessage> history, String reasoning) {
		return this.clients.client(turn.endpoint())
			.stream(ChatRequest.streaming(turn.model(), this.relayPrompt.forAnswerer(history, reasoning),
					ANSWERER_REASONING));
	}

	/** The turns as {@code model} on the turn's endpoint is sent them, files and all. */
	private List<ChatMessage> history(Turn turn, String model) {
		return this.upstreamMessages.of(turn.history(), turn.endpoint(), model);
	}

	/** What is stored of the request: for a relay, the effort is the thinker's. */
	private AnswerSpec spec(String model, ReasoningOptions reasoning, RelayOptions relay, String endpoint) {
		String defaultEffort = this.properties.defaultEffort();
		return (relay != null)
				? new AnswerSpec(model, relay.thinkerReasoning().setting(defaultEffort), relay.thinker(), endpoint)
				: new AnswerSpec(model, reasoning.setting(defaultEffort), null, endpoint);
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
