package dev.ponder.conversation;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.ponder.account.CurrentOwner;
import dev.ponder.account.Owner;

/**
 * Finds a conversation by id for the person asking: another person's is as unknown as one
 * that never existed. The one place requests look conversations up by id.
 */
@Component
class OwnedConversations {

	private final ConversationRepository conversations;

	private final CurrentOwner owner;

	OwnedConversations(ConversationRepository conversations, CurrentOwner owner) {
		this.conversations = conversations;
		this.owner = owner;
	}

	/** The conversation, deleted or not, if the person asking owns it. */
	Optional<Conversation> owned(UUID id) {
		Owner current = this.owner.get();
		return this.conversations.findById(id).filter((conversation) -> current.owns(conversation.getOwnerId()));
	}

	/**
	 * The conversation, if it is not deleted and the person asking owns it. A call
	 * through the API made not to be saved is never visible: it has no page.
	 */
	Optional<Conversation> visible(UUID id) {
		return owned(id).filter((conversation) -> conversation.getDeletedAt() == null && conversation.isKept());
	}

	/**
	 * The conversation a question may be asked in: a visible one, or a call through the
	 * API not to be saved, which is asked in once.
	 */
	Conversation askable(UUID id) {
		return owned(id).filter((conversation) -> conversation.getDeletedAt() == null)
			.orElseThrow(() -> NotFoundException.conversation(id));
	}

	/** The visible conversation, or a 404 that says no such conversation exists. */
	Conversation existing(UUID id) {
		return visible(id).orElseThrow(() -> NotFoundException.conversation(id));
	}

}
