package dev.ponder.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

import dev.ponder.PonderProperties;
import dev.ponder.attachment.AttachmentView;
import dev.ponder.conversation.AnswerParameters;
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

	private final AnswerSetup setup;

	private final UpstreamMessages upstreamMessages;

	private final CarriedReasoning carriedReasoning;

	private final PresetDefaults presets;

	ChatService(MessageService messages, UpstreamClients clients, GenerationRegistry registry, AnswerRecorder recorder,
			RelayPrompt relayPrompt, PonderProperties properties, AnswerSetup setup, UpstreamMessages upstreamMessages,
			CarriedReasoning carriedReasoning, PresetDefaults presets) {
		this.carriedReasoning = carriedReasoning;
		this.presets = presets;
		this.messages = messages;
		this.clients = clients;
		this.registry = registry;
		this.recorder = recorder;
		this.relayPrompt = relayPrompt;
		this.properties = properties;
		this.setup = setup;
		this.upstreamMessages = upstreamMessages;
	}

	/**
	 * Asks as the request says, its preset filling in what it leaves out: one answer, or
	 * one per column of a compare, in column order.
	 */
	public List<StartedAnswer> ask(UUID conversationId, SendMessageRequest asked) {
		SendMessageRequest request = this.presets.forSend(asked);
		return (request.compare() != null) ? compare(conversationId, request) : List.of(send(conversationId, request));
	}

	/**
	 * Refuses, before anything is stored, what {@link #ask} would refuse for its
	 * endpoint, model or files, its preset filled in first.
	 */
	public void checkAskable(SendMessageRequest asked, List<AttachmentView> files) {
		checkSendable(this.presets.forSend(asked), files);
	}

	/**
	 * Stops answers that the one who asked for them no longer waits for (a client of the
	 * API that hung up), whatever conversation they are in; what arrived is kept.
	 */
	public void abandon(List<UUID> answerIds) {
		answerIds.forEach(this.registry::stop);
	}

	/**
	 * Stores the message and starts its answer on the endpoint it names. Refused before
	 * anything is stored when the endpoint is unknown or has no key, so that the person
	 * keeps their text in the composer instead of a failed answer. So are files that are
	 * not the person's, too many or too large together, or images for a model that cannot
	 * read them. A system prompt in the request becomes the conversation's with the
	 * message, in the same transaction.
	 */
	public StartedAnswer send(UUID conversationId, SendMessageRequest request) {
		String endpoint = this.setup.endpoint(request.endpoint());
		ReasoningOptions reasoning = AnswerSetup.reasoning(request.reasoning());
		String model = this.setup.model(request.model(), endpoint);
		this.setup.checkFiles(conversationId, request.attachmentIds(),
				List.of(new AnswerSetup.FileReader(endpoint, model, request.relay())));
		Turn turn = this.messages.beginTurn(conversationId, request.content(),
				this.setup.spec(model, reasoning, request.relay(), endpoint, request.parameters()),
				request.attachmentIds(), request.systemPrompt());
		return start(turn, asked(turn), reasoning, request.relay());
	}

	/**
	 * Refuses, before anything is stored, a message that {@link #send} would refuse for
	 * its endpoint, model or files, the files described and not kept yet: for the plain
	 * form, which keeps its files and makes its conversation only once this passes.
	 */
	public void checkSendable(SendMessageRequest request, List<AttachmentView> files) {
		String endpoint = this.setup.endpoint(request.endpoint());
		String model = this.setup.model(request.model(), endpoint);
		this.setup.checkNewFiles(files, List.of(new AnswerSetup.FileReader(endpoint, model, request.relay())));
	}

	/**
	 * Stores the message and starts one answer per column, side by side, all at once;
	 * each column may name its own endpoint. The request's parameters apply to every
	 * column (those each column's model takes); the question's turns are built once for
	 * the columns whose models read files alike.
	 */
	public List<StartedAnswer> compare(UUID conversationId, SendMessageRequest request) {
		List<CompareColumn> columns = request.compare();
		List<AnswerSetup.FileReader> readers = new ArrayList<>();
		List<AnswerSpec> specs = columns.stream().map((column) -> {
			String endpoint = this.setup.endpoint((column.endpoint() != null) ? column.endpoint() : request.endpoint());
			String model = this.setup.model(column.model(), endpoint);
			readers.add(new AnswerSetup.FileReader(endpoint, model, column.relay()));
			return this.setup.spec(model, AnswerSetup.reasoning(column.reasoning()), column.relay(), endpoint,
					request.parameters());
		}).toList();
		this.setup.checkFiles(conversationId, request.attachmentIds(), readers);
		List<Turn> turns = this.messages.beginCompare(conversationId, request.content(), specs, request.attachmentIds(),
				request.systemPrompt());
		QuestionMessages asked = asked(turns.get(0));
		List<StartedAnswer> started = new ArrayList<>();
		for (int i = 0; i < turns.size(); i++) {
			started.add(start(turns.get(i), asked, AnswerSetup.reasoning(columns.get(i).reasoning()),
					columns.get(i).relay()));
		}
		return started;
	}

	/**
	 * Answers the same question again, beside the earlier answer, with the same or
	 * another model; with {@code reuseReasoning}, a relayed answer is written again from
	 * the reasoning already stored, without paying for the thinking twice. Without
	 * parameters named, the earlier answer's are asked again; either way, only those the
	 * model takes are sent and stored. A model that cannot read the question's images is
	 * refused, as for a send.
	 */
	public StartedAnswer regenerate(UUID answerId, RegenerateRequest request) {
		MessageView earlier = this.messages.visible(answerId)
			.filter(MessageView::isAssistant)
			.orElseThrow(() -> NotFoundException.message(answerId));
		// Without an endpoint named, the answer is asked again where it was asked before;
		// without a model, of the model that gave it.
		String endpoint = this.setup.endpoint((request.endpoint() != null) ? request.endpoint() : earlier.endpoint());
		String named = AnswerSetup.blankToNull(request.model());
		String model = (named != null) ? named : earlier.model();
		AnswerParameters parameters = (request.parameters() != null) ? request.parameters() : earlier.parameters();
		boolean reuse = Boolean.TRUE.equals(request.reuseReasoning());
		if (earlier.parentId() != null) {
			this.setup.checkStoredFiles(earlier.parentId(),
					List.of(new AnswerSetup.FileReader(endpoint, model, reuse ? null : request.relay())));
		}
		if (reuse) {
			return answerAgainFromStoredReasoning(earlier, model, endpoint, parameters);
		}
		ReasoningOptions reasoning = AnswerSetup.reasoning(request.reasoning());
		Turn turn = this.messages.beginRegeneration(answerId,
				this.setup.spec(model, reasoning, request.relay(), endpoint, parameters));
		return start(turn, asked(turn), reasoning, request.relay());
	}

	/**
	 * Asks an edited version of a question, beside the original, and starts its answer;
	 * checked, and its system prompt taken, as a send's. An edit gets one answer: a
	 * compare is refused.
	 */
	public StartedAnswer edit(UUID questionId, SendMessageRequest request) {
		if (request.compare() != null) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST,
					"An edited question is answered by one model, not compared: name a model, "
							+ "or choose a preset without a compare.");
		}
		String endpoint = this.setup.endpoint(request.endpoint());
		ReasoningOptions reasoning = AnswerSetup.reasoning(request.reasoning());
		String model = this.setup.model(request.model(), endpoint);
		UUID conversationId = this.messages.visible(questionId)
			.map(MessageView::conversationId)
			.orElseThrow(() -> NotFoundException.message(questionId));
		this.setup.checkFiles(conversationId, request.attachmentIds(),
				List.of(new AnswerSetup.FileReader(endpoint, model, request.relay())));
		Turn turn = this.messages.beginEdit(questionId, request.content(),
				this.setup.spec(model, reasoning, request.relay(), endpoint, request.parameters()),
				request.attachmentIds(), request.systemPrompt());
		return start(turn, asked(turn), reasoning, request.relay());
	}

	private StartedAnswer answerAgainFromStoredReasoning(MessageView earlier, String model, String endpoint,
			AnswerParameters parameters) {
		if (earlier.relay() == null || earlier.reasoning().isBlank()) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST,
					"Only a relayed answer whose reasoning arrived can be answered again without thinking again.");
		}
		String thinker = earlier.relay().thinkerModel();
		AnswerParameters taken = (parameters != null) ? parameters.only(this.setup.taken(endpoint, model)) : null;
		Turn turn = this.messages.beginRewriteFromStoredReasoning(earlier.id(),
				new AnswerSpec(model, earlier.reasoningAsked(), thinker, endpoint, taken));
		QuestionMessages asked = asked(turn);
		return new StartedAnswer(turn,
				this.registry.startRelay(turn,
						new RelayRun(thinker, turn.model(), Flux.just(new UpstreamEvent.Reasoning(earlier.reasoning())),
								(reasoning) -> answerer(turn, asked, reasoning))));
	}

	/**
	 * Starts the answer on the turn's endpoint; a relay's thinker is asked there too. The
	 * question is stored by now, so what can still fail (a file gone from the store, a
	 * PDF that cannot be read) is deferred into the answer's stream: it ends the answer
	 * with a stored error instead of leaving it streaming.
	 */
	private StartedAnswer start(Turn turn, QuestionMessages asked, ReasoningOptions reasoning, RelayOptions relay) {
		String defaultEffort = this.properties.defaultEffort();
		UpstreamClient client = this.clients.client(turn.endpoint());
		if (relay == null) {
			Flux<UpstreamEvent> answer = Flux.defer(() -> client.stream(sampled(ChatRequest.streaming(turn.model(),
					ChatMessage.systemFirst(turn.systemPrompt(), asked.forModel(turn.endpoint(), turn.model())),
					reasoning.toRequest(defaultEffort)), turn)));
			return new StartedAnswer(turn, this.registry.start(turn, turn.model(), answer));
		}
		// The sampling parameters shape the answer, so they go to the answerer only: the
		// thinker's budget is its reasoning setting.
		Flux<UpstreamEvent> thinker = Flux.defer(() -> client.stream(ChatRequest.streaming(relay.thinker(),
				this.relayPrompt.forThinker(turn.systemPrompt(), asked.forModel(turn.endpoint(), relay.thinker())),
				relay.thinkerReasoning().toRequest(defaultEffort))));
		return new StartedAnswer(turn, this.registry.startRelay(turn,
				new RelayRun(relay.thinker(), turn.model(), thinker, (thoughts) -> answerer(turn, asked, thoughts))));
	}

	private Flux<UpstreamEvent> answerer(Turn turn, QuestionMessages asked, String reasoning) {
		return Flux.defer(() -> this.clients.client(turn.endpoint())
			.stream(sampled(ChatRequest.streaming(turn.model(),
					this.relayPrompt.forAnswerer(turn.systemPrompt(),
							asked.withoutReasoning(turn.endpoint(), turn.model()), reasoning),
					ANSWERER_REASONING), turn)));
	}

	/**
	 * The turns of the question asked, with its conversation's earlier reasoning if it
	 * carries any; every column and relay stage of it shares them.
	 */
	private QuestionMessages asked(Turn turn) {
		return new QuestionMessages(this.upstreamMessages, this.carriedReasoning, turn.history());
	}

	/**
	 * The request with the turn's sampling parameters, those the model takes: a model its
	 * endpoint does not list is sent all that was asked.
	 */
	private ChatRequest sampled(ChatRequest request, Turn turn) {
		AnswerParameters sent = turn.parameters().only(this.setup.taken(turn.endpoint(), turn.model()));
		return request.withSampling(sent.temperature(), sent.topP(), sent.maxTokens(), sent.seed(), sent.stop());
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
