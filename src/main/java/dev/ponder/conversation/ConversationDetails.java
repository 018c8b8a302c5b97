package dev.ponder.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation with all its messages, oldest first.
 */
public record ConversationDetails(UUID id, String title, Instant createdAt, Instant updatedAt,
		List<MessageView> messages) {
}
