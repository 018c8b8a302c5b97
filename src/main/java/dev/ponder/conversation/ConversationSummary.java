package dev.ponder.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation as the sidebar and the list endpoint show it.
 *
 * @param systemPrompt the instructions sent first on every turn, or {@code null}
 */
public record ConversationSummary(UUID id, String title, Instant createdAt, Instant updatedAt, boolean pinned,
		String systemPrompt) {

	static ConversationSummary of(Conversation conversation) {
		return new ConversationSummary(conversation.getId(), conversation.getTitle(), conversation.getCreatedAt(),
				conversation.getUpdatedAt(), conversation.isPinned(), conversation.getSystemPrompt());
	}

}
