package dev.ponder.openai;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;
import dev.ponder.chat.ChatService;
import dev.ponder.chat.GenerationEvent;
import dev.ponder.chat.RelayOptions;
import dev.ponder.chat.SendMessageRequest;
import dev.ponder.chat.SseFrame;
import dev.ponder.chat.StartedAnswer;
import dev.ponder.conversation.ApiThreads;
import dev.ponder.conversation.ApiThreads.EarlierMessage;
import dev.ponder.conversation.TokenUsage;
import dev.ponder.openai.AskedCompletion.Said;
import dev.ponder.openai.CompletionWire.Chunk;
import dev.ponder.openai.CompletionWire.ChunkChoice;
import dev.ponder.openai.CompletionWire.Delta;
import dev.ponder.preset.PresetService;
import dev.ponder.preset.PresetView;
import dev.ponder.problem.ProblemException;

/**
 * Answers calls to {@code POST /v1/chat/completions} as the page's composer answers a
 * send: the same checks, the same answers (a relay, a preset's compare), stored the same
 * way in a conversation of the caller's, and told in OpenAI's shapes.
 */
@Service
class ChatCompletions {

	private static final String DONE = "[DONE]";

	private final ChatService chat;

	private final ApiThreads threads;

	private final ModelNames names;

	private final PresetService presets;

	private final AttachmentService attachments;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	ChatCompletions(ChatService chat, ApiThreads threads, ModelNames names, PresetService presets,
			AttachmentService attachments, JsonMapper jsonMapper, Clock clock) {
		this.chat = chat;
		this.threads = threads;
		this.names = names;
		this.presets = presets;
		this.attachments = attachments;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * A call whose answers have started.
	 *
	 * @param id the completion's id, after its first answer
	 * @param created when it was asked, in seconds
	 * @param model the model as named in the call
	 * @param conversationId the conversation it is saved in, {@code null} when it is not
	 * saved
	 * @param answers its answers, one per choice
	 */
	record Call(String id, long created, String model, UUID conversationId, List<StartedAnswer> answers) {

		List<UUID> answerIds() {
			return this.answers.stream().map((answer) -> answer.turn().assistantMessageId()).toList();
		}

	}

	/**
	 * Starts the answer (or, for a preset with a compare, the answers) of a checked call.
	 * Everything that can be refused is refused before anything is stored; what a call
	 * stored before it failed all the same (a database that refuses a text) is taken
	 * back.
	 */
	Call start(AskedCompletion asked, boolean save) {
		AskedModel model = this.names.parse(asked.model());
		PresetView preset = (model instanceof AskedModel.Preset named) ? preset(named.name()) : null;
		String systemPrompt = (asked.systemPrompt() != null) ? asked.systemPrompt()
				: (preset != null) ? preset.systemPrompt() : null;
		this.chat.checkAskable(request(asked, model, preset, List.of(), systemPrompt),
				this.attachments.describe(asked.question().files()));
		asked.earlier().forEach((said) -> this.attachments.describe(said.files()));
		List<EarlierMessage> earlier = asked.earlier()
			.stream()
			.map((said) -> new EarlierMessage(said.role(), said.text(), List.of()))
			.toList();
		ApiThreads.Continued continued = save ? this.threads.continueThread(systemPrompt, earlier).orElse(null) : null;
		List<UUID> files = new ArrayList<>();
		UUID conversationId = (continued != null) ? continued.conversationId() : null;
		try {
			files.addAll(ids(this.attachments.keep(asked.question().files())));
			if (conversationId == null) {
				conversationId = this.threads.startThread(systemPrompt, withFiles(asked.earlier(), files), save);
			}
			List<StartedAnswer> answers = this.chat.ask(conversationId,
					request(asked, model, preset, files, systemPrompt));
			String id = "chatcmpl-" + answers.get(0).turn().assistantMessageId();
			return new Call(id, this.clock.instant().getEpochSecond(), asked.model(), save ? conversationId : null,
					answers);
		}
		catch (RuntimeException ex) {
			takeBack(continued, conversationId, files);
			throw ex;
		}
	}

	/**
	 * Undoes what a refused call stored: the conversation it started, or the branch it
	 * moved in the one it continued, and the files it kept.
	 */
	private void takeBack(ApiThreads.Continued continued, UUID conversationId, List<UUID> files) {
		if (continued != null) {
			this.threads.giveUp(continued);
		}
		else if (conversationId != null) {
			this.threads.discard(conversationId);
		}
		this.attachments.discard(files);
	}

	private static List<UUID> ids(List<AttachmentView> files) {
		return files.stream().map(AttachmentView::id).toList();
	}

	private PresetView preset(String name) {
		return this.presets.list()
			.stream()
			.filter((preset) -> preset.name().equalsIgnoreCase(name))
			.min((a, b) -> Boolean.compare(!a.mine(), !b.mine()))
			.orElseThrow(() -> OpenAiException
				.modelNotFound("No preset is named '" + name + "': GET /v1/models lists yours."));
	}

	private static SendMessageRequest request(AskedCompletion asked, AskedModel model, PresetView preset,
			List<UUID> fileIds, String systemPrompt) {
		String question = asked.question().text();
		if (model instanceof AskedModel.Relay relay) {
			return new SendMessageRequest(question, relay.answerer(), null,
					new RelayOptions(relay.thinker(), asked.reasoning()), null, relay.endpoint(), asked.parameters(),
					null, fileIds, systemPrompt);
		}
		if (model instanceof AskedModel.One one) {
			return new SendMessageRequest(question, one.model(), asked.reasoning(), null, null, one.endpoint(),
					asked.parameters(), null, fileIds, systemPrompt);
		}
		// A preset fills in what the call leaves out, its sampling set-up part by part.
		return new SendMessageRequest(question, null, asked.reasoning(), null, null, null,
				asked.parameters().isDefault() ? null : asked.parameters(), preset.id(), fileIds, systemPrompt);
	}

	/**
	 * A new conversation's earlier messages, their files kept for it and noted in
	 * {@code kept}.
	 */
	private List<EarlierMessage> withFiles(List<Said> earlier, List<UUID> kept) {
		List<EarlierMessage> messages = new ArrayList<>();
		for (Said said : earlier) {
			List<UUID> files = ids(this.attachments.keep(said.files()));
			kept.addAll(files);
			messages.add(new EarlierMessage(said.role(), said.text(), files));
		}
		return messages;
	}

	/**
	 * The call's answers as a stream of chunks, each answer a choice of its own, then its
	 * usage if asked, then {@code [DONE]}. A client that hangs up stops the answers, as
	 * with OpenAI: what arrived is kept.
	 */
	Flux<SseFrame> stream(Call call, boolean includeUsage) {
		List<ChoiceTranscript> transcripts = transcripts(call);
		Flux<SseFrame> chunks = Flux.merge(IntStream.range(0, transcripts.size())
			.mapToObj((column) -> call.answers()
				.get(column)
				.events()
				.concatMapIterable((event) -> chunks(call, transcripts.get(column), event.event())))
			.toList());
		return chunks.concatWith(Flux.defer(() -> {
			List<SseFrame> ending = new ArrayList<>();
			if (includeUsage) {
				ending.add(frame(new Chunk(call.id(), call.created(), call.model(), List.of(),
						CompletionWire.Usage.of(usage(transcripts)), null)));
			}
			ending.add(SseFrame.data(DONE));
			return Flux.fromIterable(ending);
		})).doOnCancel(() -> this.chat.abandon(call.answerIds()));
	}

	private List<SseFrame> chunks(Call call, ChoiceTranscript transcript, GenerationEvent event) {
		List<SseFrame> frames = new ArrayList<>();
		for (Delta delta : transcript.apply(event)) {
			frames.add(chunk(call, transcript, delta, null, null));
		}
		if (event instanceof GenerationEvent.Done) {
			frames.add(chunk(call, transcript, Delta.NOTHING, transcript.finishReason(), null));
		}
		else if (event instanceof GenerationEvent.Error failed) {
			// As OpenRouter reports a failure mid-stream: the error beside a last choice.
			OpenAiException error = OpenAiErrors.of(failed.code(), failed.message());
			frames.add(chunk(call, transcript, Delta.content(""), "error", error.error().error()));
		}
		return frames;
	}

	private SseFrame chunk(Call call, ChoiceTranscript transcript, Delta delta, String finishReason,
			OpenAiError.Detail error) {
		return frame(new Chunk(call.id(), call.created(), call.model(),
				List.of(new ChunkChoice(transcript.index(), delta, null, finishReason)), null, error));
	}

	private SseFrame frame(Chunk chunk) {
		return SseFrame.data(this.jsonMapper.writeValueAsString(chunk));
	}

	/**
	 * The call's answers whole, once all have ended: each a choice. When every one
	 * failed, the call fails with the first one's error, at its status.
	 */
	Mono<CompletionWire.ChatCompletion> whole(Call call) {
		List<ChoiceTranscript> transcripts = transcripts(call);
		return Flux
			.merge(IntStream.range(0, transcripts.size())
				.mapToObj((column) -> call.answers()
					.get(column)
					.events()
					.doOnNext((event) -> transcripts.get(column).apply(event.event())))
				.toList())
			.then(Mono.fromCallable(() -> completion(call, transcripts)))
			.doOnCancel(() -> this.chat.abandon(call.answerIds()));
	}

	private CompletionWire.ChatCompletion completion(Call call, List<ChoiceTranscript> transcripts) {
		if (transcripts.stream().allMatch((transcript) -> transcript.error() != null)) {
			GenerationEvent.Error error = transcripts.get(0).error();
			throw OpenAiErrors.of(error.code(), error.message());
		}
		List<CompletionWire.Choice> choices = transcripts.stream()
			.map((transcript) -> new CompletionWire.Choice(transcript.index(),
					CompletionWire.Message.of(transcript.content(), transcript.reasoning()), null,
					(transcript.error() != null) ? "error" : transcript.finishReason()))
			.toList();
		return new CompletionWire.ChatCompletion(call.id(), call.created(), call.model(), choices,
				CompletionWire.Usage.of(usage(transcripts)));
	}

	private static List<ChoiceTranscript> transcripts(Call call) {
		return IntStream.range(0, call.answers().size()).mapToObj(ChoiceTranscript::new).toList();
	}

	private static TokenUsage usage(List<ChoiceTranscript> transcripts) {
		return transcripts.stream().map(ChoiceTranscript::usage).reduce(TokenUsage::plus).orElse(TokenUsage.NONE);
	}

}
