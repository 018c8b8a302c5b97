package dev.ponder.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, reads and deletes conversations.
 */
@Service
@Transactional(readOnly = true)
public class ConversationService {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final Clock clock;

	public ConversationService(ConversationRepository conversations, MessageRepository messages, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional
	public ConversationSummary create(String title) {
		return ConversationSummary.of(this.conversations.save(new Conversation(title, this.clock.instant())));
	}

	/** The most recently active conversations first. */
	public List<ConversationSummary> recent(int limit) {
		return this.conversations.findAllByOrderByUpdatedAtDesc(PageRequest.ofSize(limit))
			.stream()
			.map(ConversationSummary::of)
			.toList();
	}

	public Optional<ConversationDetails> find(UUID id) {
		return this.conversations.findById(id)
			.map((conversation) -> new ConversationDetails(conversation.getId(), conversation.getTitle(),
					conversation.getCreatedAt(), conversation.getUpdatedAt(),
					this.messages.findByConversationIdOrderByPosition(id).stream().map(MessageView::of).toList()));
	}

	@Transactional
	public void delete(UUID id) {
		Conversation conversation = this.conversations.findById(id)
			.orElseThrow(() -> NotFoundException.conversation(id));
		this.messages.deleteAllOfConversation(id);
		this.conversations.delete(conversation);
	}

}
