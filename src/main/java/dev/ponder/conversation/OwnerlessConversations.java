package dev.ponder.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.account.AdministratorAvailable;

/**
 * Conversations made while accounts were off have no owner, and with accounts on nobody
 * could see them: the first administrator gets them, so that turning accounts on loses
 * nothing.
 */
@Component
class OwnerlessConversations {

	private static final Logger logger = LoggerFactory.getLogger(OwnerlessConversations.class);

	private final ConversationRepository conversations;

	OwnerlessConversations(ConversationRepository conversations) {
		this.conversations = conversations;
	}

	@EventListener
	@Transactional
	void handOver(AdministratorAvailable administrator) {
		int adopted = this.conversations.adoptOwnerless(administrator.accountId());
		if (adopted > 0) {
			logger.info("{} conversation(s) made with accounts off now belong to the administrator.", adopted);
		}
	}

}
