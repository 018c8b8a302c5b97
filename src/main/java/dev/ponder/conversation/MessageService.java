package dev.ponder.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.account.CurrentOwner;
import dev.ponder.account.Owner;
import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;
import dev.ponder.limits.SpendingLedger;

/**
 * Writes the messages of a conversation: a person's turn, a regenerated answer, an edited
 * question, the branch followed, and an answer's checkpoints and end. Nothing earlier is
 * ever overwritten: regenerating and editing add siblings.
 */
@Service
@Transactional
public class MessageService {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final CurrentOwner owner;

	private final OwnedConversations owned;

	private final Clock clock;

	private final AttachmentService attachments;

	private final CompletionPrices prices;

	private final SpendingLedger ledger;

	public MessageService(ConversationRepository conversations, MessageRepository messages, CurrentOwner owner,
			OwnedConversations owned, Clock clock, AttachmentService attachments, CompletionPrices prices,
			SpendingLedger ledger) {
		this.ledger = ledger;
		this.owned = owned;
		this.prices = prices;
		this.attachments = attachments;
		this.conversations = conversations;
		this.messages = messages;
		this.owner = owner;
		this.clock = clock;
	}

	/**
	 * Stores the person's message at the end of the branch the conversation follows, and
	 * an empty streaming answer after it, in one transaction, so that what they typed is
	 * kept whatever happens upstream.
	 */
	public Turn beginTurn(UUID conversationId, String content, String model, String reasoningSetting) {
		return beginTurn(conversationId, content, AnswerSpec.of(model, ReasoningSetting.parse(reasoningSetting)));
	}

	public Turn beginTurn(UUID conversationId, String content, AnswerSpec spec) {
		return beginTurn(conversationId, content, spec, List.of());
	}

	/**
	 * As {@link #beginTurn(UUID, String, AnswerSpec)}, the question carrying these
	 * uploaded files.
	 */
	public Turn beginTurn(UUID conversationId, String content, AnswerSpec spec, List<UUID> attachmentIds) {
		return beginTurn(conversationId, content, spec, attachmentIds, null);
	}

	/**
	 * As {@link #beginTurn(UUID, String, AnswerSpec, List)}, the conversation first
	 * taking {@code systemPrompt} (blank removes it; {@code null} leaves it), in the same
	 * transaction: a question refused leaves the system prompt as it was.
	 */
	public Turn beginTurn(UUID conversationId, String content, AnswerSpec spec, List<UUID> attachmentIds,
			String systemPrompt) {
		Conversation conversation = this.owned.askable(conversationId);
		instruct(conversation, systemPrompt);
		List<Message> branch = branch(conversation);
		Message question = question(conversation, last(branch), content, attachmentIds);
		return answer(conversation, question, history(conversation, followedBy(branch, question)), spec, null);
	}

	/**
	 * Stores the person's message and one empty answer per column, side by side under it:
	 * each column is a branch, and the conversation follows the last until the person
	 * picks one.
	 */
	public List<Turn> beginCompare(UUID conversationId, String content, List<AnswerSpec> columns) {
		return beginCompare(conversationId, content, columns, List.of());
	}

	/**
	 * As {@link #beginCompare(UUID, String, List)}, the question carrying these files.
	 */
	public List<Turn> beginCompare(UUID conversationId, String content, List<AnswerSpec> columns,
			List<UUID> attachmentIds) {
		return beginCompare(conversationId, content, columns, attachmentIds, null);
	}

	/**
	 * As {@link #beginCompare(UUID, String, List, List)}, the conversation first taking
	 * {@code systemPrompt}, in the same transaction.
	 */
	public List<Turn> beginCompare(UUID conversationId, String content, List<AnswerSpec> columns,
			List<UUID> attachmentIds, String systemPrompt) {
		Conversation conversation = this.owned.askable(conversationId);
		instruct(conversation, systemPrompt);
		List<Message> branch = branch(conversation);
		Message question = question(conversation, last(branch), content, attachmentIds);
		List<Turn.HistoryEntry> asked = history(conversation, followedBy(branch, question));
		List<Turn> turns = new ArrayList<>();
		for (int column = 0; column < columns.size(); column++) {
			turns.add(answer(conversation, question, asked, columns.get(column), column));
		}
		return turns;
	}

	/** A new answer to the question that {@code answerId} answered, beside it. */
	public Turn beginRegeneration(UUID answerId, String model, String reasoningSetting) {
		return beginRegeneration(answerId, AnswerSpec.of(model, ReasoningSetting.parse(reasoningSetting)));
	}

	/**
	 * A new answer beside {@code answerId}; a spec without a model means the same model.
	 */
	public Turn beginRegeneration(UUID answerId, AnswerSpec spec) {
		return regeneration(answerId, spec, false);
	}

	/**
	 * A relayed answer written again beside {@code answerId} from that answer's stored
	 * reasoning, its thinker not asked again: it saw earlier reasoning exactly when the
	 * reasoning it reuses did.
	 */
	public Turn beginRewriteFromStoredReasoning(UUID answerId, AnswerSpec spec) {
		return regeneration(answerId, spec, true);
	}

	private Turn regeneration(UUID answerId, AnswerSpec spec, boolean reusingReasoning) {
		Message answer = visibleMessage(answerId)
			.filter((message) -> message.getRole() == MessageRole.ASSISTANT && message.getParentId() != null)
			.orElseThrow(() -> NotFoundException.message(answerId));
		Conversation conversation = existing(answer.getConversationId());
		Message question = this.messages.findById(answer.getParentId())
			.orElseThrow(() -> NotFoundException.message(answerId));
		String model = (spec.model() != null) ? spec.model() : answer.getModel();
		String endpoint = (spec.endpoint() != null) ? spec.endpoint() : answer.getEndpoint();
		AnswerParameters parameters = (spec.parameters() != null) ? spec.parameters() : answer.getParameters();
		Turn turn = answer(conversation, question,
				history(conversation, tree(conversation.getId()).pathFromRoot(question)),
				new AnswerSpec(model, spec.reasoningSetting(), spec.thinkerModel(), endpoint, parameters), null);
		if (reusingReasoning) {
			this.messages.findById(turn.assistantMessageId()).ifPresent((again) -> again.reusesReasoningOf(answer));
		}
		return turn;
	}

	/**
	 * The question {@code questionId} asked again with new words, beside the original.
	 */
	public Turn beginEdit(UUID questionId, String content, String model, String reasoningSetting) {
		return beginEdit(questionId, content, AnswerSpec.of(model, ReasoningSetting.parse(reasoningSetting)));
	}

	public Turn beginEdit(UUID questionId, String content, AnswerSpec spec) {
		return beginEdit(questionId, content, spec, List.of());
	}

	/**
	 * As {@link #beginEdit(UUID, String, AnswerSpec)}, the edited question carrying these
	 * files (the original's, named again, or others).
	 */
	public Turn beginEdit(UUID questionId, String content, AnswerSpec spec, List<UUID> attachmentIds) {
		return beginEdit(questionId, content, spec, attachmentIds, null);
	}

	/**
	 * As {@link #beginEdit(UUID, String, AnswerSpec, List)}, the conversation first
	 * taking {@code systemPrompt}, in the same transaction.
	 */
	public Turn beginEdit(UUID questionId, String content, AnswerSpec spec, List<UUID> attachmentIds,
			String systemPrompt) {
		Message question = visibleMessage(questionId).filter((message) -> message.getRole() == MessageRole.USER)
			.orElseThrow(() -> NotFoundException.message(questionId));
		Conversation conversation = existing(question.getConversationId());
		instruct(conversation, systemPrompt);
		Message parent = (question.getParentId() != null) ? this.messages.findById(question.getParentId()).orElse(null)
				: null;
		List<Message> above = (parent != null) ? tree(conversation.getId()).pathFromRoot(parent) : List.of();
		Message edited = question(conversation, parent, content, attachmentIds);
		return answer(conversation, edited, history(conversation, followedBy(above, edited)), spec, null);
	}

	/**
	 * Makes the conversation follow the branch through this message; returns its
	 * conversation.
	 */
	public UUID select(UUID messageId) {
		Message message = visibleMessage(messageId).orElseThrow(() -> NotFoundException.message(messageId));
		Conversation conversation = existing(message.getConversationId());
		conversation.follow(tree(conversation.getId()).newestLeafUnder(message).getId());
		return conversation.getId();
	}

	/**
	 * A system prompt sent with a question becomes the conversation's; blank removes it.
	 */
	private static void instruct(Conversation conversation, String systemPrompt) {
		if (systemPrompt != null) {
			conversation.setSystemPrompt(systemPrompt);
		}
	}

	/** The branch the conversation follows, from its first message to its last. */
	private List<Message> branch(Conversation conversation) {
		return tree(conversation.getId()).path(null, conversation.getActiveLeafId());
	}

	private static Message last(List<Message> branch) {
		return branch.isEmpty() ? null : branch.get(branch.size() - 1);
	}

	private static List<Message> followedBy(List<Message> branch, Message question) {
		List<Message> asked = new ArrayList<>(branch);
		asked.add(question);
		return asked;
	}

	private Message question(Conversation conversation, Message parent, String content, List<UUID> attachmentIds) {
		int position = (parent != null) ? parent.getPosition() + 1 : 0;
		Message question = Message.fromUser(conversation.getId(), (parent != null) ? parent.getId() : null, position,
				content, this.clock.instant());
		if (conversation.isMadeThroughApi() && conversation.isKept()) {
			question.setThreadHash(ThreadHash.after(parent, question));
		}
		question = this.messages.save(question);
		conversation.titleFrom(content);
		this.attachments.attach(conversation.getId(), question.getId(), attachmentIds);
		return question;
	}

	/**
	 * Stores an empty streaming answer to {@code question}, whose branch from the first
	 * message is {@code asked}: known to the caller, so that the conversation's messages
	 * (every answer with its reasoning) are not read a second time per message sent.
	 */
	private Turn answer(Conversation conversation, Message question, List<Turn.HistoryEntry> asked, AnswerSpec spec,
			Integer compareColumn) {
		Instant now = this.clock.instant();
		Message streaming = Message.streamingAnswer(conversation.getId(), question.getId(), question.getPosition() + 1,
				spec.model(), spec.reasoningSetting(), now);
		if (spec.endpoint() != null) {
			streaming.servedBy(spec.endpoint());
		}
		if (spec.thinkerModel() != null) {
			streaming.relayFrom(spec.thinkerModel());
		}
		if (compareColumn != null) {
			streaming.compareIn(question.getId(), compareColumn);
		}
		streaming.setParameters(spec.parameters());
		if (seesEarlierReasoning(asked, streaming)) {
			streaming.askedWithEarlierReasoning();
		}
		Message answer = this.messages.save(streaming);
		conversation.follow(answer.getId());
		conversation.touch(now);
		return new Turn(conversation.getId(), conversation.getTitle(), question.getId(), answer.getId(), spec.model(),
				answer.getEndpoint(), asked, conversation.getSystemPrompt(), answer.getParameters());
	}

	/**
	 * Whether some earlier answer's reasoning reaches the model that thinks for this
	 * answer (a relay's thinker; the answerer gets the turns as before). A first turn, or
	 * one whose earlier answers had no reasoning, is not marked: nothing was sent.
	 */
	private static boolean seesEarlierReasoning(List<Turn.HistoryEntry> asked, Message answer) {
		return asked.stream()
			.anyMatch((entry) -> entry.reasoning() != null
					&& entry.reasoning().reaches(answer.getEndpoint(), answer.reasoningModel()));
	}

	/**
	 * A branch as turns for the upstream: questions with their files, answers with their
	 * reasoning only when the conversation carries it, and without the answers that never
	 * got any text. The files of the whole branch are read in one query.
	 */
	private List<Turn.HistoryEntry> history(Conversation conversation, List<Message> path) {
		List<Message> sent = path.stream()
			.filter((message) -> message.getStatus() != MessageStatus.STREAMING)
			.filter((message) -> !message.getContent().isBlank())
			.toList();
		Map<UUID, List<AttachmentView>> files = this.attachments.byMessage(
				sent.stream().filter((message) -> message.getRole() == MessageRole.USER).map(Message::getId).toList());
		return sent.stream()
			.map((message) -> new Turn.HistoryEntry(message.getRole(), message.getContent(),
					files.getOrDefault(message.getId(), List.of()),
					conversation.isCarryReasoning() ? earlierReasoning(message) : null))
			.toList();
	}

	/**
	 * An answer's reasoning as it may go back upstream, or {@code null} for a question or
	 * an answer without any. A relayed answer's reasoning is its thinker's.
	 */
	private static Turn.EarlierReasoning earlierReasoning(Message message) {
		boolean thought = (message.getReasoning() != null && !message.getReasoning().isBlank())
				|| message.getReasoningDetails() != null;
		if (message.getRole() != MessageRole.ASSISTANT || !thought) {
			return null;
		}
		return new Turn.EarlierReasoning(message.getReasoning(), message.getReasoningDetails(), message.getEndpoint(),
				message.reasoningModel());
	}

	/**
	 * Saves the progress of several streaming answers in one transaction: one commit a
	 * tick, however many answers stream.
	 */
	public void checkpoint(Map<UUID, AnswerProgress> progress) {
		progress.forEach((messageId, answer) -> this.messages.checkpoint(messageId, answer.content(),
				answer.reasoning(), answer.reasoningDetails(), answer.reasoningStartedAt(), answer.contentStartedAt()));
	}

	/**
	 * Ends the answer, and returns it as stored: in the same transaction, so that telling
	 * its readers costs no second read.
	 */
	public Optional<MessageView> finish(UUID messageId, AnswerOutcome outcome) {
		return this.messages.findById(messageId).map((message) -> {
			message.finish(outcome, this.prices);
			MessageView ended = MessageView.of(message);
			this.conversations.findById(message.getConversationId()).ifPresent((conversation) -> {
				conversation.touch(this.clock.instant());
				if (conversation.isMadeThroughApi()) {
					afterApiAnswer(conversation, message);
				}
			});
			return ended;
		});
	}

	/**
	 * A call through the API to be saved gets the fingerprint of its thread, for the next
	 * call to find; one not to be saved forgets what was said, now that the one client
	 * that asked has had it.
	 */
	private void afterApiAnswer(Conversation conversation, Message answer) {
		if (conversation.isKept()) {
			Message question = (answer.getParentId() != null)
					? this.messages.findById(answer.getParentId()).orElse(null) : null;
			answer.setThreadHash(ThreadHash.after(question, answer));
		}
		else {
			forget(conversation);
		}
	}

	/**
	 * Erases the texts of a call not to be saved, but for answers still streaming (the
	 * other columns of a compare), each erased as it ends; costs and times stay.
	 */
	private void forget(Conversation conversation) {
		conversation.forget();
		this.attachments.forgetConversation(conversation.getId());
		this.messages.findByConversationIdOrderByPosition(conversation.getId())
			.stream()
			.filter((message) -> message.getStatus() != MessageStatus.STREAMING)
			.forEach(Message::forget);
	}

	/**
	 * Fails the answers left streaming by an instance that stopped without ending them (a
	 * crash, a kill): they keep their last checkpoint.
	 */
	public int failInterrupted() {
		return failInterrupted(this.messages.findIdsByStatus(MessageStatus.STREAMING)).size();
	}

	/** Every answer streaming now, on any instance. */
	@Transactional(readOnly = true)
	public List<UUID> streamingAnswers() {
		return this.messages.findIdsByStatus(MessageStatus.STREAMING);
	}

	/**
	 * Fails these answers, if they still stream, as a crash would leave them: with their
	 * last checkpoint. Returns those it failed.
	 */
	public List<UUID> failInterrupted(Collection<UUID> answerIds) {
		Instant now = this.clock.instant();
		// One guarded statement each: an owner that is alive after all and ends its
		// answer meanwhile keeps its end.
		List<UUID> failed = answerIds.stream()
			.filter((id) -> this.messages.interrupt(id, Message.INTERRUPTED, Message.INTERRUPTED_MESSAGE, now) == 1)
			.toList();
		// Billed though never reported: counted against the limits, before any text goes.
		this.ledger.interrupted(failed);
		// A call not to be saved that a crash cut short forgets its texts all the same.
		this.messages.findAllById(failed)
			.stream()
			.map(Message::getConversationId)
			.distinct()
			.flatMap((id) -> this.conversations.findById(id).stream())
			.filter((conversation) -> !conversation.isKept())
			.forEach(this::forget);
		return failed;
	}

	/** The answers given to a question, on every branch. */
	@Transactional(readOnly = true)
	public List<UUID> answersTo(UUID questionId) {
		return this.messages.findByParentId(questionId).stream().map(Message::getId).toList();
	}

	/**
	 * Any stored message, whoever owns it: for answers being recorded in the background.
	 * Requests ask {@link #visible}.
	 */
	@Transactional(readOnly = true)
	public Optional<MessageView> find(UUID messageId) {
		return this.messages.findById(messageId).map(MessageView::of);
	}

	/**
	 * The message, if its conversation is not deleted and belongs to the person asking:
	 * another person's message is as unknown as one that never existed.
	 */
	@Transactional(readOnly = true)
	public Optional<MessageView> visible(UUID messageId) {
		return visibleMessage(messageId).map(MessageView::of);
	}

	private Optional<Message> visibleMessage(UUID messageId) {
		Owner current = this.owner.get();
		return current.isEveryone() ? this.messages.findInLiveConversation(messageId)
				: this.messages.findInLiveConversationOf(messageId, current.accountId());
	}

	/** The relays the person asking has used, each once. */
	@Transactional(readOnly = true)
	public List<UsedRelay> relaysUsed() {
		Owner current = this.owner.get();
		return this.messages.usedRelays(current.isEveryone(), current.accountId());
	}

	/** The answers of a conversation still streaming. */
	@Transactional(readOnly = true)
	public List<UUID> streamingAnswersIn(UUID conversationId) {
		return this.messages.findByConversationIdAndStatus(conversationId, MessageStatus.STREAMING)
			.stream()
			.map(Message::getId)
			.toList();
	}

	private Conversation existing(UUID id) {
		return this.owned.existing(id);
	}

	private ConversationTree tree(UUID conversationId) {
		return new ConversationTree(this.messages.findByConversationIdOrderByPosition(conversationId));
	}

}
