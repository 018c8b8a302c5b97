package dev.ponder.chat;

import java.time.Instant;
import java.util.UUID;

import dev.ponder.conversation.ConversationDetails;
import dev.ponder.conversation.TokenUsage;

/**
 * The open conversation as its page header shows it: title, pin, and what it has cost so
 * far.
 */
public record ConversationItem(UUID id, String title, Instant createdAt, Instant updatedAt, boolean pinned,
		TokenUsage totals, String totalsLine) {

	static ConversationItem of(ConversationDetails details) {
		return new ConversationItem(details.id(), details.title(), details.createdAt(), details.updatedAt(),
				details.pinned(), details.totals(), details.totalsLine());
	}

}
