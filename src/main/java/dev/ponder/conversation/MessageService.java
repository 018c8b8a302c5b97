package dev.ponder.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the messages of a conversation: a person's turn, and an answer's checkpoints and
 * end.
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
	 * Stores the person's message and an empty streaming answer after it, in one
	 * transaction, so that what they typed is kept whatever happens upstream.
	 */
	public Turn beginTurn(UUID conversationId, String content, String model, String reasoningSetting) {
		Conversation conversation = this.conversations.findById(conversationId)
			.orElseThrow(() -> NotFoundException.conversation(conversationId));
		Instant now = this.clock.instant();
		Optional<Message> last = this.messages.findFirstByConversationIdOrderByPositionDesc(conversationId);
		int position = last.map((message) -> message.getPosition() + 1).orElse(0);
		UUID parentId = last.map(Message::getId).orElse(null);
		Message question = this.messages.save(Message.fromUser(conversationId, parentId, position, content, now));
		Message answer = this.messages.save(
				Message.streamingAnswer(conversationId, question.getId(), position + 1, model, reasoningSetting, now));
		conversation.titleFrom(content);
		conversation.touch(now);
		return new Turn(conversationId, conversation.getTitle(), question.getId(), answer.getId(),
				history(conversationId));
	}

	/**
	 * The conversation as plain turns for the upstream: answers without their reasoning,
	 * and without the answers that never got any text.
	 */
	private List<Turn.HistoryEntry> history(UUID conversationId) {
		return this.messages.findByConversationIdOrderByPosition(conversationId)
			.stream()
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

}
