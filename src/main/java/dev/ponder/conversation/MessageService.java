package dev.ponder.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	private final Clock clock;

	public MessageService(ConversationRepository conversations, MessageRepository messages, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Stores the person's message at the end of the branch the conversation follows, and
	 * an empty streaming answer after it, in one transaction, so that what they typed is
	 * kept whatever happens upstream.
	 */
	public Turn beginTurn(UUID conversationId, String content, String model, String reasoningSetting) {
		Conversation conversation = existing(conversationId);
		ConversationTree tree = tree(conversationId);
		List<Message> path = tree.path(null, conversation.getActiveLeafId());
		Message parent = path.isEmpty() ? null : path.get(path.size() - 1);
		return ask(conversation, parent, content, model, reasoningSetting);
	}

	/** A new answer to the question that {@code answerId} answered, beside it. */
	public Turn beginRegeneration(UUID answerId, String model, String reasoningSetting) {
		Message answer = this.messages.findById(answerId)
			.filter((message) -> message.getRole() == MessageRole.ASSISTANT && message.getParentId() != null)
			.orElseThrow(() -> NotFoundException.message(answerId));
		Conversation conversation = existing(answer.getConversationId());
		Message question = this.messages.findById(answer.getParentId())
			.orElseThrow(() -> NotFoundException.message(answerId));
		String chosenModel = (model != null) ? model : answer.getModel();
		return answer(conversation, question, chosenModel, reasoningSetting);
	}

	/**
	 * The question {@code questionId} asked again with new words, beside the original.
	 */
	public Turn beginEdit(UUID questionId, String content, String model, String reasoningSetting) {
		Message question = this.messages.findById(questionId)
			.filter((message) -> message.getRole() == MessageRole.USER)
			.orElseThrow(() -> NotFoundException.message(questionId));
		Conversation conversation = existing(question.getConversationId());
		Message parent = (question.getParentId() != null) ? this.messages.findById(question.getParentId()).orElse(null)
				: null;
		return ask(conversation, parent, content, model, reasoningSetting);
	}

	/**
	 * Makes the conversation follow the branch through this message; returns its
	 * conversation.
	 */
	public UUID select(UUID messageId) {
		Message message = this.messages.findById(messageId).orElseThrow(() -> NotFoundException.message(messageId));
		Conversation conversation = existing(message.getConversationId());
		conversation.follow(tree(conversation.getId()).newestLeafUnder(message).getId());
		return conversation.getId();
	}

	private Turn ask(Conversation conversation, Message parent, String content, String model, String setting) {
		Instant now = this.clock.instant();
		int position = (parent != null) ? parent.getPosition() + 1 : 0;
		Message question = this.messages.save(Message.fromUser(conversation.getId(),
				(parent != null) ? parent.getId() : null, position, content, now));
		conversation.titleFrom(content);
		return answer(conversation, question, model, setting);
	}

	private Turn answer(Conversation conversation, Message question, String model, String setting) {
		Instant now = this.clock.instant();
		Message answer = this.messages.save(Message.streamingAnswer(conversation.getId(), question.getId(),
				question.getPosition() + 1, model, setting, now));
		conversation.follow(answer.getId());
		conversation.touch(now);
		ConversationTree tree = tree(conversation.getId());
		return new Turn(conversation.getId(), conversation.getTitle(), question.getId(), answer.getId(), model,
				history(tree.pathFromRoot(question)));
	}

	/**
	 * A branch as plain turns for the upstream: answers without their reasoning, and
	 * without the answers that never got any text.
	 */
	private static List<Turn.HistoryEntry> history(List<Message> path) {
		return path.stream()
			.filter((message) -> message.getStatus() != MessageStatus.STREAMING)
			.filter((message) -> !message.getContent().isBlank())
			.map((message) -> new Turn.HistoryEntry(message.getRole(), message.getContent()))
			.toList();
	}

	public void checkpoint(UUID messageId, AnswerProgress progress) {
		this.messages.findById(messageId).ifPresent((message) -> message.checkpoint(progress));
	}

	public void finish(UUID messageId, AnswerOutcome outcome) {
		this.messages.findById(messageId).ifPresent((message) -> {
			message.finish(outcome);
			this.conversations.findById(message.getConversationId())
				.ifPresent((conversation) -> conversation.touch(this.clock.instant()));
		});
	}

	/**
	 * Fails the answers left streaming by an instance that stopped without ending them (a
	 * crash, a kill): they keep their last checkpoint.
	 */
	public int failInterrupted() {
		List<Message> interrupted = this.messages.findByStatus(MessageStatus.STREAMING);
		Instant now = this.clock.instant();
		interrupted.forEach((message) -> message.interrupt(now));
		return interrupted.size();
	}

	@Transactional(readOnly = true)
	public Optional<MessageView> find(UUID messageId) {
		return this.messages.findById(messageId).map(MessageView::of);
	}

	private Conversation existing(UUID id) {
		return this.conversations.findByIdAndDeletedAtIsNull(id).orElseThrow(() -> NotFoundException.conversation(id));
	}

	private ConversationTree tree(UUID conversationId) {
		return new ConversationTree(this.messages.findByConversationIdOrderByPosition(conversationId));
	}

}
