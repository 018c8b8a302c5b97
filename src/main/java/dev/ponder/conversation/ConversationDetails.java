package dev.ponder.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation with the messages of the branch it follows, oldest first, and what all
 * its answers (every branch) cost together.
 */
public record ConversationDetails(UUID id, String title, Instant createdAt, Instant updatedAt, boolean pinned,
		TokenUsage totals, List<MessageView> messages) {
}
