package dev.ponder.conversation;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes for good the conversations whose undo window has passed.
 */
@Component
class DeletedConversationPurger {

	private final ConversationService conversations;

	DeletedConversationPurger(ConversationService conversations) {
		this.conversations = conversations;
	}

	@Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
	void purge() {
		this.conversations.purgeDeleted();
	}

}
