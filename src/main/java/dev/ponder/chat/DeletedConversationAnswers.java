package dev.ponder.chat;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.ponder.conversation.ConversationDeleted;
import dev.ponder.conversation.MessageService;

/**
 * Stops the answers of a conversation once its deletion is stored: nobody can see them
 * any more, nor stop them by hand.
 */
@Component
class DeletedConversationAnswers {

	private final MessageService messages;

	private final GenerationRegistry registry;

	DeletedConversationAnswers(MessageService messages, GenerationRegistry registry) {
		this.messages = messages;
		this.registry = registry;
	}

	@TransactionalEventListener
	void stop(ConversationDeleted deleted) {
		this.messages.streamingAnswersIn(deleted.conversationId()).forEach(this.registry::stop);
	}

}
