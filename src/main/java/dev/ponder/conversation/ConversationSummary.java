package dev.ponder.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation as the sidebar and the list endpoint show it.
 */
public record ConversationSummary(UUID id, String title, Instant createdAt, Instant updatedAt, boolean pinned) {

	static ConversationSummary of(Conversation conversation) {
		return new ConversationSummary(conversation.getId(), conversation.getTitle(), conversation.getCreatedAt(),
				conversation.getUpdatedAt(), conversation.isPinned());
	}

}
